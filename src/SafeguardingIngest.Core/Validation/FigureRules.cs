using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Reading;

namespace SafeguardingIngest.Validation;

/// <summary>Figures that passed their checks: what an observation stores.</summary>
internal readonly record struct CheckedFigures(double Numerator, double? Denominator, double Value);

/// <summary>
/// The checks on a row's figures for its indicator's unit: counts are whole and not negative; a
/// percentage, rate or average has a usable numerator and denominator; a Value given beside them
/// must agree with them as written (to the decimals the agency used).
/// </summary>
internal ref struct FigureRules(
    Indicator indicator,
    RowFigures figures,
    FindingCollector findings,
    string sheet,
    IndicatorRowContext context,
    string locality)
{
    private bool _failed;

    public CheckedFigures? Check()
    {
        var result = indicator.Unit switch
        {
            IndicatorUnit.Count => CheckCount(),
            IndicatorUnit.Percentage => CheckRatio(scale: 100),
            IndicatorUnit.RatePer10000 => CheckRate(),
            _ => CheckRatio(scale: 1),
        };
        return _failed ? null : result;
    }

    private CheckedFigures? CheckCount()
    {
        var (numerator, value) = (figures.Numerator, figures.Value);
        var given = value.IsNumber ? value : numerator;
        if (!given.IsNumber)
        {
            return Missing(
                $"{indicator.Code} has no figure; enter the count in Value, or 0.",
                figures.CellOf(value, numerator));
        }

        WholeAndNotNegative(given, "a count of children");
        if (value.IsNumber && numerator.IsNumber && value.Value != numerator.Value)
        {
            Fail(
                Rules.ValueMismatch,
                value,
                $"the Value {FigureReader.Show(value.Value)} disagrees with the Numerator " +
                $"{FigureReader.Show(numerator.Value)}; a count needs only one of them.");
        }

        return new CheckedFigures(given.Value, null, given.Value);
    }

    private CheckedFigures? CheckRatio(double scale)
    {
        var (numerator, denominator) = (figures.Numerator, figures.Denominator);
        if (!numerator.IsNumber && !denominator.IsNumber && figures.Value is { IsNumber: true, Value: 0 })
        {
            // "no cases" (or 0) in Value alone: a quarter with no cases, stored as 0 over 0.
            return NoCases;
        }

        if (numerator.IsNumber != denominator.IsNumber
            && FigureReader.SaysNoCases((numerator.IsNumber ? numerator : denominator).Figure.Written)
            && !figures.Value.IsNumber)
        {
            // "no cases" in Numerator or Denominator, the other blank: the same quarter with no cases.
            return NoCases;
        }

        if (!numerator.IsNumber)
        {
            var hint = figures.Value.IsNumber
                ? $"{indicator.Code} is {FigureReader.Describe(indicator.Unit)}; enter the Numerator and Denominator " +
                    "so it can be added up across agencies (a Value alone is not enough)."
                : $"{indicator.Code} has no figure; enter the Numerator and Denominator, or 0 and 0 if there were no " +
                    "cases this quarter.";
            return Missing(hint, figures.CellOf(numerator, figures.Value));
        }

        if (!denominator.IsNumber)
        {
            FailAt(Rules.DenominatorMissing, figures.CellOf(denominator, numerator), denominator.Figure.Written,
                $"{indicator.Code} is {FigureReader.Describe(indicator.Unit)} and needs a Denominator.");
            return null;
        }

        var isPercentage = indicator.Unit == IndicatorUnit.Percentage;
        if (isPercentage)
        {
            WholeAndNotNegative(numerator, "a count of children");
        }
        else
        {
            NotNegative(numerator);
        }

        WholeAndNotNegative(denominator, "a count");
        if (_failed)
        {
            return null;
        }

        if (denominator.Value == 0)
        {
            if (numerator.Value == 0)
            {
                // No cases this quarter: it adds nothing to the numerator or denominator of any total.
                return NoCases;
            }

            Fail(Rules.DenominatorZero, denominator,
                $"the denominator is 0 but the numerator is {FigureReader.Show(numerator.Value)}, so " +
                $"{indicator.Code} cannot be worked out; enter the denominator (or 0 and 0 if there were no cases).");
            return null;
        }

        if (isPercentage && numerator.Value > denominator.Value)
        {
            Fail(Rules.NumeratorAboveDenominator, numerator,
                $"the numerator {FigureReader.Show(numerator.Value)} is larger than the denominator " +
                $"{FigureReader.Show(denominator.Value)}; a percentage cannot be over 100%.");
            return null;
        }

        var computed = scale * numerator.Value / denominator.Value;
        CrossCheck(computed, numerator.Value, denominator.Value, scale);
        return _failed ? null : new CheckedFigures(numerator.Value, denominator.Value, computed);
    }

    private CheckedFigures? CheckRate()
    {
        var (numerator, denominator) = (figures.Numerator, figures.Denominator);
        if (!numerator.IsNumber)
        {
            var hint = figures.Value.IsNumber
                ? $"{indicator.Code} is {FigureReader.Describe(indicator.Unit)}; enter the count in Numerator so it " +
                    "can be added up (the population comes from the partnership's reference data)."
                : $"{indicator.Code} has no figure; enter the count in Numerator.";
            return Missing(hint, figures.CellOf(numerator, figures.Value));
        }

        WholeAndNotNegative(numerator, "a count of children");
        double population;
        if (denominator.IsNumber)
        {
            WholeAndNotNegative(denominator, "a population");
            population = denominator.Value;
        }
        else if (context.Period is { } period && context.Partnership.PopulationFor(locality, period.Year) is { } known)
        {
            population = known;
        }
        else if (context.Period is null)
        {
            // Without a period the population cannot be looked up; the missing period is reported already.
            return null;
        }
        else
        {
            var where = locality == Locality.WholeAreaCode
                ? "the whole area"
                : context.Partnership.FindLocality(locality)?.Name ?? locality;
            FailAt(Rules.PopulationMissing, figures.CellOf(denominator, numerator), null,
                $"no under-18 population is held for {where} in {context.Period.Value.Year}; enter it in Denominator.");
            return null;
        }

        if (_failed)
        {
            return null;
        }

        if (population == 0)
        {
            Fail(
                Rules.DenominatorZero,
                denominator,
                $"the denominator is 0 but the numerator is {FigureReader.Show(numerator.Value)}, so " +
                $"{indicator.Code} cannot be worked out; enter the under-18 population.");
            return null;
        }

        var computed = 10_000 * numerator.Value / population;
        CrossCheck(computed, numerator.Value, population, 10_000);
        return _failed ? null : new CheckedFigures(numerator.Value, population, computed);
    }

    private void CrossCheck(double computed, double numerator, double denominator, double scale)
    {
        var value = figures.Value;
        if (!value.IsNumber)
        {
            return;
        }

        if (indicator.Unit == IndicatorUnit.Percentage && (value.Value < 0 || value.Value > 100))
        {
            Fail(
                Rules.PercentageOutOfRange,
                value,
                $"{FigureReader.Show(value.Value)} is not a percentage between 0 and 100.");
            return;
        }

        var decimals = value.Figure.Decimals;
        if (FigureReader.Agrees(value.Value, decimals, computed))
        {
            return;
        }

        var workings = $"{FigureReader.Show(numerator)} / " +
            $"{FigureReader.Show(denominator)}{(scale == 1 ? string.Empty : $" × {FigureReader.Show(scale)}")}";
        var hint = indicator.Unit == IndicatorUnit.Percentage &&
            FigureReader.Agrees(value.Value * 100, Math.Max(0, decimals - 2), computed)
            ? $" (it looks like a fraction: enter {FigureReader.Show(value.Value * 100)}, or format the cell as a " +
                "percentage)"
            : string.Empty;
        Fail(Rules.ValueMismatch, value,
            $"the Value {FigureReader.Show(value.Value)} disagrees with {workings} = " +
            $"{FigureReader.Show(Math.Round(computed, 3))}{hint}; correct one of them, or leave Value blank.");
    }

    private void WholeAndNotNegative(Slot slot, string what)
    {
        if (!NotNegative(slot))
        {
            return;
        }

        if (slot.Value != Math.Floor(slot.Value))
        {
            Fail(Rules.ValueNotWhole, slot, $"{FigureReader.Show(slot.Value)} is not a whole number; {what} is whole.");
        }
    }

    private bool NotNegative(Slot slot)
    {
        if (slot.Value >= 0)
        {
            return true;
        }

        Fail(
            Rules.ValueNegative,
            slot,
            $"{FigureReader.Show(slot.Value)} is negative; {indicator.Code} cannot be below 0.");
        return false;
    }

    /// <summary>A percentage or average with no cases: 0 over 0, which adds nothing to any total.</summary>
    private static CheckedFigures NoCases => new(0, 0, 0);

    private CheckedFigures? Missing(string message, string? cell)
    {
        _failed = true;
        if (figures.Stray is { } stray)
        {
            // The officer typed the figure, under a heading that was not read: point at what they typed.
            var rename = stray.Nearest is { } nearest
                ? $"rename the heading {nearest}, as the template has it."
                : "head that column 'Numerator' or 'Value', as the template does.";
            findings.Add(Rules.ValueMissing, sheet, CellReference.Cell(stray.Column, figures.Row), stray.Written,
                $"{indicator.Code} has no figure in a column that was read: {stray.Written} is under the heading " +
                $"'{stray.Heading}' ({CellReference.Cell(stray.Column, stray.HeaderRow)}), which names no column; " +
                $"{rename}");
            return null;
        }

        findings.Add(Rules.ValueMissing, sheet, cell, null, message);
        return null;
    }

    private void Fail(Rule rule, Slot slot, string message) =>
        FailAt(rule, figures.CellOf(slot), slot.Figure.Written, message);

    private void FailAt(Rule rule, string? cell, string? value, string message)
    {
        _failed = true;
        findings.Add(rule, sheet, cell, value, message);
    }
}
