using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Validation;

/// <summary>Figures that passed their checks: what an observation stores.</summary>
internal readonly record struct CheckedFigures(double Numerator, double? Denominator, double Value);

/// <summary>
/// The checks on a row's figures for its indicator's unit: counts are whole and not negative; a
/// percentage, rate or average has a usable numerator and denominator; a Value given beside them
/// must agree with them as written (to the decimals the agency used).
/// </summary>
internal sealed class FigureRules(
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
            IndicatorUnit.Percentage => CheckRatio(scale: 100, countDenominator: true),
            IndicatorUnit.RatePer10000 => CheckRate(),
            _ => CheckRatio(scale: 1, countDenominator: true),
        };
        return _failed ? null : result;
    }

    private CheckedFigures? CheckCount()
    {
        var (numerator, value) = (figures.Numerator, figures.Value);
        var given = value.Figure.State == FigureState.Number ? value : numerator;
        if (given.Figure.State != FigureState.Number)
        {
            return Missing($"{indicator.Code} has no figure; enter the count in Value, or 0.", value.Cell.Length > 0 ? value.Cell : numerator.Cell);
        }

        WholeAndNotNegative(given, "a count of children");
        if (value.Figure.State == FigureState.Number && numerator.Figure.State == FigureState.Number && value.Figure.Value != numerator.Figure.Value)
        {
            Fail(Rules.ValueMismatch, value, $"the Value {FigureReader.Show(value.Figure.Value)} disagrees with the Numerator {FigureReader.Show(numerator.Figure.Value)}; a count needs only one of them.");
        }

        return new CheckedFigures(given.Figure.Value, null, given.Figure.Value);
    }

    private CheckedFigures? CheckRatio(double scale, bool countDenominator)
    {
        var (numerator, denominator) = (figures.Numerator, figures.Denominator);
        if (numerator.Figure.State != FigureState.Number)
        {
            var hint = figures.Value.Figure.State == FigureState.Number
                ? $"{indicator.Code} is {FigureReader.Describe(indicator.Unit)}; enter the Numerator and Denominator so it can be added up across agencies (a Value alone is not enough)."
                : $"{indicator.Code} has no figure; enter the Numerator and Denominator.";
            return Missing(hint, numerator.Cell.Length > 0 ? numerator.Cell : figures.Value.Cell);
        }

        if (denominator.Figure.State != FigureState.Number)
        {
            Fail(Rules.DenominatorMissing, denominator with { Cell = denominator.Cell.Length > 0 ? denominator.Cell : numerator.Cell },
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

        if (countDenominator)
        {
            WholeAndNotNegative(denominator, "a count");
        }

        if (_failed)
        {
            return null;
        }

        if (denominator.Figure.Value == 0)
        {
            Fail(Rules.DenominatorZero, denominator,
                $"the denominator is 0, so {indicator.Code} cannot be worked out; check the figure, or leave the row out if there were none.");
            return null;
        }

        if (isPercentage && numerator.Figure.Value > denominator.Figure.Value)
        {
            Fail(Rules.NumeratorAboveDenominator, numerator,
                $"the numerator {FigureReader.Show(numerator.Figure.Value)} is larger than the denominator {FigureReader.Show(denominator.Figure.Value)}; a percentage cannot be over 100%.");
            return null;
        }

        var computed = scale * numerator.Figure.Value / denominator.Figure.Value;
        CrossCheck(computed, $"{FigureReader.Show(numerator.Figure.Value)} / {FigureReader.Show(denominator.Figure.Value)}{(scale == 1 ? string.Empty : $" × {FigureReader.Show(scale)}")}");
        return _failed ? null : new CheckedFigures(numerator.Figure.Value, denominator.Figure.Value, computed);
    }

    private CheckedFigures? CheckRate()
    {
        var (numerator, denominator) = (figures.Numerator, figures.Denominator);
        if (numerator.Figure.State != FigureState.Number)
        {
            var hint = figures.Value.Figure.State == FigureState.Number
                ? $"{indicator.Code} is {FigureReader.Describe(indicator.Unit)}; enter the count in Numerator so it can be added up (the population comes from the partnership's reference data)."
                : $"{indicator.Code} has no figure; enter the count in Numerator.";
            return Missing(hint, numerator.Cell.Length > 0 ? numerator.Cell : figures.Value.Cell);
        }

        WholeAndNotNegative(numerator, "a count of children");
        double population;
        if (denominator.Figure.State == FigureState.Number)
        {
            WholeAndNotNegative(denominator, "a population");
            population = denominator.Figure.Value;
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
            var where = locality == Locality.WholeAreaCode ? "the whole area" : context.Partnership.FindLocality(locality)?.Name ?? locality;
            Fail(Rules.PopulationMissing, denominator with { Cell = denominator.Cell.Length > 0 ? denominator.Cell : numerator.Cell },
                $"no under-18 population is held for {where} in {context.Period.Value.Year}; enter it in Denominator.");
            return null;
        }

        if (_failed)
        {
            return null;
        }

        if (population == 0)
        {
            Fail(Rules.DenominatorZero, denominator, $"the denominator is 0, so {indicator.Code} cannot be worked out; enter the under-18 population.");
            return null;
        }

        var computed = 10_000 * numerator.Figure.Value / population;
        CrossCheck(computed, $"{FigureReader.Show(numerator.Figure.Value)} / {FigureReader.Show(population)} × 10,000");
        return _failed ? null : new CheckedFigures(numerator.Figure.Value, population, computed);
    }

    private void CrossCheck(double computed, string workings)
    {
        var value = figures.Value;
        if (value.Figure.State != FigureState.Number)
        {
            return;
        }

        if (indicator.Unit == IndicatorUnit.Percentage && (value.Figure.Value < 0 || value.Figure.Value > 100))
        {
            Fail(Rules.PercentageOutOfRange, value, $"{FigureReader.Show(value.Figure.Value)} is not a percentage between 0 and 100.");
            return;
        }

        if (FigureReader.Agrees(value.Figure.Value, value.Figure.Decimals, computed))
        {
            return;
        }

        var hint = indicator.Unit == IndicatorUnit.Percentage && FigureReader.Agrees(value.Figure.Value * 100, Math.Max(0, value.Figure.Decimals - 2), computed)
            ? $" (it looks like a fraction: enter {FigureReader.Show(value.Figure.Value * 100)}, or format the cell as a percentage)"
            : string.Empty;
        Fail(Rules.ValueMismatch, value,
            $"the Value {FigureReader.Show(value.Figure.Value)} disagrees with {workings} = {FigureReader.Show(Math.Round(computed, 3))}{hint}; correct one of them, or leave Value blank.");
    }

    private void WholeAndNotNegative((Figure Figure, string Cell) figure, string what)
    {
        if (!NotNegative(figure))
        {
            return;
        }

        if (figure.Figure.Value != Math.Floor(figure.Figure.Value))
        {
            Fail(Rules.ValueNotWhole, figure, $"{FigureReader.Show(figure.Figure.Value)} is not a whole number; {what} is whole.");
        }
    }

    private bool NotNegative((Figure Figure, string Cell) figure)
    {
        if (figure.Figure.Value >= 0)
        {
            return true;
        }

        Fail(Rules.ValueNegative, figure, $"{FigureReader.Show(figure.Figure.Value)} is negative; {indicator.Code} cannot be below 0.");
        return false;
    }

    private CheckedFigures? Missing(string message, string cell)
    {
        _failed = true;
        findings.Add(Rules.ValueMissing, sheet, cell.Length > 0 ? cell : null, null, message);
        return null;
    }

    private void Fail(Rule rule, (Figure Figure, string Cell) figure, string message)
    {
        _failed = true;
        findings.Add(rule, sheet, figure.Cell.Length > 0 ? figure.Cell : null, figure.Figure.Written, message);
    }
}
