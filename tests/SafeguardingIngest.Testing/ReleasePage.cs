using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using Cell = SafeguardingIngest.Testing.ReleaseAttacker.Cell;
using Figure = SafeguardingIngest.Testing.ReleaseAttacker.Figure;

namespace SafeguardingIngest.Testing;

/// <summary>
/// One release's page read into the attacker's relations: each figure shown is the sum of its cells in that
/// release (to one decimal for a ratio), each figure hidden is one more to bound, and directions, RAGs and
/// changes on last year bound the figures they compare.
/// </summary>
internal sealed class ReleasePage(
    ReleaseAttacker attacker,
    PublishedCard card,
    IReadOnlyList<Cell> cells,
    IReadOnlyDictionary<string, string> localityCodes,
    Func<string, FinancialYear, double?> population)
{
    private readonly ReportingPeriod _period = card.Period;

    private string Release => $"{attacker.Prefix}release {_period}";

    /// <summary>Sets up every relation the page gives (with the queries, where the limits are given).</summary>
    public void Read(QueryLimits? limits)
    {
        if (limits is not null && attacker.Unit == IndicatorUnit.Count)
        {
            Queries(limits);
        }

        var period = _period;
        var yearToDate = card.Flow ? period.YearToDate() : [period];
        var polarity = card.Meta.Contains("lower is better", StringComparison.Ordinal) ? Polarity.LowerIsBetter
            : card.Meta.Contains("higher is better", StringComparison.Ordinal) ? Polarity.HigherIsBetter
            : Polarity.None;
        var now = Relate($"area {period}", card.Figure("This quarter"), [period], null);
        var previous = Relate($"area {period.Previous()}", card.Figure("previous quarter"), [period.Previous()], null);
        var lastYear = Relate(
            $"area {period.SameQuarterLastYear()}",
            card.Figure("same quarter last year"),
            [period.SameQuarterLastYear()],
            null);
        var toDate = Relate("area year to date", card.Figure("year to date"), yearToDate, null);
        var target = PublishedCard.Number(card.Figure("target to date"));
        Rag("area RAG", card.Rag, toDate, target, polarity);
        foreach (var (quarter, text) in card.Points)
        {
            Relate($"area {quarter} (chart)", text, [quarter], null);
        }

        if (card.Summary.Count >= 9)
        {
            // The summary repeats the card's figures and adds the change and the directions.
            var summary = card.Summary;
            Relate($"area {period} (summary)", summary[0], [period], null);
            Relate($"area {period.SameQuarterLastYear()} (summary)", summary[1], [period.SameQuarterLastYear()], null);
            Change("area change on last year", summary[2], now, lastYear);
            Relate("area year to date (summary)", summary[3], yearToDate, null);
            Rag("area RAG (summary)", summary[6], toDate, target, polarity);
            Direction("area since last quarter", summary[7], now, previous, polarity);
            Direction("area since last year", summary[8], now, lastYear, polarity);
        }

        foreach (var (name, values) in card.Localities)
        {
            var locality = localityCodes.GetValueOrDefault(name)
                ?? throw new InvalidOperationException($"The csv names no locality {name}.");
            var here = Relate($"{name} {period}", values[0], [period], locality);
            Relate($"{name} {period.SameQuarterLastYear()}", values[1], [period.SameQuarterLastYear()], locality);
            var year = Relate($"{name} year to date", values[2], yearToDate, locality);
            if (values.Count > 4)
            {
                Rag($"{name} RAG", values[3], year, target, polarity);
            }

            // The locality's previous quarter is not on the page, but its cells are in the csv.
            var before = Of($"{name} {period.Previous()}", [period.Previous()], locality);
            Direction($"{name} since last quarter", values[^1], here, before, polarity);
        }
    }

    /// <summary>The figure of <paramref name="quarters"/> (a locality's, or the area's), related to its text.</summary>
    private Figure? Relate(string name, string text, IReadOnlyList<ReportingPeriod> quarters, string? locality)
    {
        var figure = Of(name, quarters, locality);
        if (figure is null)
        {
            return null;
        }

        var scale = attacker.Scale;
        if (text == attacker.Symbol)
        {
            attacker.Target(figure.Name, figure.Numerator, figure.Denominator);
        }
        else if (text == Reports.FigureText.NoCases)
        {
            attacker.Require($"{figure.Name} = no cases", figure.Denominator, atLeast: null, atMost: 0);
        }
        else if (PublishedCard.Number(text) is { } shown)
        {
            // Shown to one decimal (a count exactly): scale × numerator / denominator within half a tenth of it.
            var half = attacker.Unit == IndicatorUnit.Count ? 0 : 0.05;
            attacker.Require(
                $"{figure.Name} = its cells",
                LinearForm.Combine(scale, figure.Numerator, -(shown + half), figure.Denominator),
                atLeast: null,
                atMost: 0);
            attacker.Require(
                $"{figure.Name} = its cells",
                LinearForm.Combine(scale, figure.Numerator, -(shown - half), figure.Denominator),
                atLeast: 0,
                atMost: null);

            // A figure shown rests on some cases: over none it would say so.
            attacker.Require($"{figure.Name} has cases", figure.Denominator, atLeast: 0, atMost: null, strict: true);
        }

        return figure;
    }

    /// <summary>
    /// The sum of the release's cells in <paramref name="quarters"/>; for a rate over the population of the
    /// localities in the latest quarter (null where the reader cannot know it), and for a count over 1.
    /// </summary>
    private Figure? Of(string name, IReadOnlyList<ReportingPeriod> quarters, string? locality)
    {
        var scope = cells
            .Where(c => quarters.Contains(c.Period) && (locality is null || c.Locality == locality))
            .ToList();
        if (scope.Count == 0)
        {
            return null;
        }

        var numerator = LinearForm.Sum(scope.Select(c => c.Numerator));
        switch (attacker.Unit)
        {
            case IndicatorUnit.Count:
                return new Figure($"{Release}: {name}", numerator, LinearForm.Of(1));
            case IndicatorUnit.RatePer10000:
                var latest = scope.Max(c => c.Period);
                var localities = scope.Where(c => c.Period == latest)
                    .Select(c => c.Locality)
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                var populations = localities.Select(l => population(l, latest.Year)).ToList();
                return populations.All(p => p is not null)
                    ? new Figure($"{Release}: {name}", numerator, LinearForm.Of(populations.Sum(p => p!.Value)))
                    : null;
            default:
                return new Figure($"{Release}: {name}", numerator, LinearForm.Sum(scope.Select(c => c.Denominator)));
        }
    }

    /// <summary>
    /// A direction read through the polarity: up means the figure shown now rounds above the one before, so
    /// it is above it; no change means both round alike, so they are less than a step (1, or 0.1) apart.
    /// Only where both denominators are known, so the comparison is linear.
    /// </summary>
    private void Direction(string name, string word, Figure? now, Figure? before, Polarity polarity)
    {
        if (now is null || before is null || !Fixed(now, out var d1) || !Fixed(before, out var d0))
        {
            return;
        }

        int? sign = word switch
        {
            "Up" => 1,
            "Down" => -1,
            "No change" => 0,
            "Improving" when polarity == Polarity.LowerIsBetter => -1,
            "Improving" when polarity == Polarity.HigherIsBetter => 1,
            "Worsening" when polarity == Polarity.LowerIsBetter => 1,
            "Worsening" when polarity == Polarity.HigherIsBetter => -1,
            _ => null,
        };

        // (now − before) × d0 × d1, in the unit's scale.
        var scale = attacker.Scale;
        var change = LinearForm.Combine(scale * d0, now.Numerator, -scale * d1, before.Numerator);
        var step = (attacker.Unit == IndicatorUnit.Count ? 1 : 0.1) * d0 * d1;
        switch (sign)
        {
            case 1:
                attacker.Require($"{Release}: {name} {word}", change, atLeast: 0, atMost: null, strict: true);
                break;
            case -1:
                attacker.Require($"{Release}: {name} {word}", change, atLeast: null, atMost: 0, strict: true);
                break;
            case 0:
                attacker.Require($"{Release}: {name} {word}", change, atLeast: -step, atMost: step, strict: true);
                break;
        }
    }

    /// <summary>
    /// A RAG against the target to date, decided on the figure as shown: Green is on or better than the target
    /// once the figure is rounded (within half a step, 0.5 or 0.05, of it on the worse side), Amber and Red are
    /// worse once rounded (at least half a step beyond it). The target read is the one shown, as rated.
    /// </summary>
    private void Rag(string name, string? word, Figure? figure, double? target, Polarity polarity)
    {
        if (figure is null || target is not { } t || polarity == Polarity.None
            || word is not ("Green" or "Amber" or "Red"))
        {
            return;
        }

        // The shortfall × denominator: (value − edge) × d, lower being better; (edge − value) × d, higher.
        var sign = polarity == Polarity.LowerIsBetter ? 1 : -1;
        var scale = attacker.Scale;
        var edge = t + (sign * HalfStep);
        var shortfall = LinearForm.Combine(sign * scale, figure.Numerator, -sign * edge, figure.Denominator);
        if (word == "Green")
        {
            attacker.Require($"{Release}: {name} {word}", shortfall, atLeast: null, atMost: 0);
        }
        else
        {
            attacker.Require($"{Release}: {name} {word}", shortfall, atLeast: 0, atMost: null);
        }
    }

    /// <summary>
    /// A count's change on last year ("+12.5%", "−3.8%", to one decimal): 100 × (now − before) / before within
    /// 0.05 of it, and before above 0. A ratio's change (percentage points, or per cent of a rate or average)
    /// is worked from the two figures as shown beside it, so it tells a reader nothing they do not have.
    /// Only where both denominators are known.
    /// </summary>
    private void Change(string name, string text, Figure? now, Figure? before)
    {
        if (attacker.Unit != IndicatorUnit.Count || now is null || before is null
            || !Fixed(now, out var d1) || !Fixed(before, out var d0) || text.Length < 2)
        {
            return;
        }

        var negative = text[0] is '−' or '-';
        if (PublishedCard.Number(text.TrimStart('+', '−', '-')) is not { } magnitude)
        {
            return;
        }

        var change = negative ? -magnitude : magnitude;

        // now × d0 × 100 against before × d1 × (100 + change ± 0.05): both sides × d0 × d1 / scale.
        attacker.Require(
            $"{Release}: {name} {text}",
            LinearForm.Combine(100 * d0, now.Numerator, -(100 + change + 0.05) * d1, before.Numerator),
            atLeast: null,
            atMost: 0);
        attacker.Require(
            $"{Release}: {name} {text}",
            LinearForm.Combine(100 * d0, now.Numerator, -(100 + change - 0.05) * d1, before.Numerator),
            atLeast: 0,
            atMost: null);
        attacker.Require($"{Release}: {name} {text}", before.Numerator, atLeast: 0, atMost: null, strict: true);
    }

    /// <summary>
    /// What the data quality list says of each of this quarter's csv cells: a query on it (tied to its row by the
    /// return's cell the csv names) puts it beyond a limit; none, where the list is whole or there is no query at
    /// all, keeps it within every limit. A change is judged against the agency's previous quarter, not 0.
    /// </summary>
    private void Queries(QueryLimits limits)
    {
        var queries = card.Queries;
        foreach (var cell in cells.Where(c => c.Period == _period))
        {
            bool? Raised(string rule, string words)
            {
                if (queries.Count == 0)
                {
                    return false;
                }

                if (cell.Source.Length == 0 || queries.Count != queries.Lines.Count)
                {
                    return null;
                }

                return queries.Lines.Any(q => q.Agency == cell.Agency && q.Where == cell.Source
                    && (q.Text.Contains(rule, StringComparison.Ordinal)
                        || q.Text.Contains(words, StringComparison.Ordinal)));
            }

            var name = $"{Release}: {cell.Agency} {cell.Locality} {cell.Period}";
            var range = Raised("value-outside-range", "plausible value");
            if (range == false && (limits.Min is not null || limits.Max is not null))
            {
                attacker.Require($"{name} within the plausible range", cell.Numerator, limits.Min, limits.Max);
            }
            else if (range == true && limits is { Min: { } least, Max: { } most })
            {
                attacker.RequireEither(
                    $"{name} outside the plausible range",
                    new IntegerRanges.Bounded(cell.Numerator, null, least),
                    new IntegerRanges.Bounded(cell.Numerator, most, null));
            }
            else if (range == true)
            {
                var outside = $"{name} outside the plausible range";
                attacker.Require(outside, cell.Numerator, limits.Max, limits.Min, strict: true);
            }

            var previous = cells.FirstOrDefault(c =>
                c.Period == _period.Previous() && c.Agency == cell.Agency && c.Locality == cell.Locality);
            if (limits.MaxQuarterlyChange is not { } limit || previous is null
                || (previous.Numerator.IsKnown && previous.Numerator.Constant == 0))
            {
                continue;
            }

            // 100 × (now − before) against limit × before: no query keeps it within, a query puts it beyond.
            var rise = LinearForm.Combine(100, cell.Numerator, -(100 + limit), previous.Numerator);
            var fall = LinearForm.Combine(100, cell.Numerator, -(100 - limit), previous.Numerator);
            switch (Raised("value-large-change", "expected"))
            {
                case false:
                    attacker.Require($"{name} changed within {limit}%", rise, atLeast: null, atMost: 0);
                    attacker.Require($"{name} changed within {limit}%", fall, atLeast: 0, atMost: null);
                    break;
                case true:
                    attacker.RequireEither(
                        $"{name} changed beyond {limit}%",
                        new IntegerRanges.Bounded(rise, 0, null),
                        new IntegerRanges.Bounded(fall, null, 0));
                    break;
            }
        }
    }

    private static bool Fixed(Figure figure, out double denominator)
    {
        denominator = figure.Denominator.Constant;
        return figure.Denominator.IsKnown && denominator > 0;
    }

    /// <summary>Half the step a figure is shown to: 0.5 for a whole count, 0.05 for one decimal.</summary>
    private double HalfStep => attacker.Unit == IndicatorUnit.Count ? 0.5 : 0.05;
}
