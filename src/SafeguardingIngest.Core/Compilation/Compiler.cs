using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Submissions;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// Compiles the consolidated quarterly return from the current submissions: exact aggregation
/// (numerators and denominators added, then divided), previous quarter, same quarter last year,
/// year to date and targets by the indicator's kind (flow or stock), the coverage of every figure
/// (which owed returns it lacks), RAG and direction of travel where the figures compared are
/// complete, eight quarters
/// with a "no action" projection through the complete ones, breakdowns by locality and agency,
/// submissions, data quality queries, actions and risks. Pure: the caller reads storage and writes the reports.
/// </summary>
public static class Compiler
{
    /// <summary>Quarters of history shown in each trend.</summary>
    public const int SeriesLength = 8;

    /// <summary>
    /// The periods a compile of <paramref name="period"/> needs data for: itself and the seven before it.
    /// </summary>
    public static IReadOnlyList<ReportingPeriod> PeriodsNeeded(ReportingPeriod period) => period.Trailing(SeriesLength);

    /// <summary>
    /// The periods whose compile reads <paramref name="period"/>: itself and the seven after it, each
    /// of which holds it among its eight quarters (trend, same quarter last year, year to date).
    /// </summary>
    public static IReadOnlyList<ReportingPeriod> PeriodsReading(ReportingPeriod period)
    {
        var periods = new List<ReportingPeriod>(SeriesLength) { period };
        while (periods.Count < SeriesLength)
        {
            periods.Add(periods[^1].Next());
        }

        return periods;
    }

    /// <summary>
    /// Compiles <paramref name="period"/> from <paramref name="data"/> (periods missing from it count as nothing
    /// returned).
    /// </summary>
    public static ConsolidatedReturn Compile(
        Partnership partnership,
        ReportingPeriod period,
        IReadOnlyDictionary<ReportingPeriod, PeriodData> data,
        IReadOnlyList<ReturnState> submissions,
        DateTimeOffset compiledAt)
    {
        // The page holds the catalogue as it stood for the quarter: its indicators, agencies and localities.
        var catalogue = partnership.For(period);
        var context = new Context(catalogue, period, data);
        var indicators = catalogue.Indicators.Select(i => Indicator(context, i)).ToList();
        var current = data.GetValueOrDefault(period) ?? PeriodData.Empty(period);
        var actions = current.Actions;
        var amberAndRed = actions
            .Where(a => a.Item.Rag != Rag.Green)
            .OrderBy(a => a.Item.Rag)
            .ThenBy(a => a.Agency, StringComparer.Ordinal)
            .ToList();
        return new ConsolidatedReturn(
            partnership.Name,
            period,
            compiledAt,
            indicators,
            submissions,
            Queries(current),
            new ActionsSummary(
                actions.Count(a => a.Item.Rag == Rag.Red),
                actions.Count(a => a.Item.Rag == Rag.Amber),
                actions.Count(a => a.Item.Rag == Rag.Green),
                amberAndRed),
            current.Risks
                .OrderByDescending(r => r.Item.Score)
                .ThenByDescending(r => r.Item.Impact)
                .ThenBy(r => r.Agency, StringComparer.Ordinal)
                .ToList(),
            // In the csv's order, in a temporary file: the report reads each figure again until the release is written.
            SortedObservations.Of(data.Values.Select(d => d.Observations)),
            partnership.Whole.Agencies.ToDictionary(a => a.Code, a => a.Name),
            partnership.Whole.Localities.ToDictionary(l => l.Code, l => l.Name))
        {
            Comparators = partnership.Whole.Comparators,
        };
    }

    private static IndicatorResult Indicator(Context context, Indicator indicator)
    {
        var period = context.Period;
        var target = indicator.TargetFor(period.Year);
        var targetToDate = target is { } annual && indicator.TargetIsProRata ? annual * period.Quarter / 4 : target;
        // Every agency that owes it in any quarter: the coverage of each quarter keeps those owing then.
        var owing = context.Partnership.Whole.FindIndicator(indicator.Code)?.Agencies ?? indicator.Agencies;
        var area = Figures(context, indicator, _ => true, owing, targetToDate, rated: true);
        var periods = PeriodsNeeded(period);
        var seriesParts = periods.Select(p => context.Parts(indicator, p, _ => true)).ToList();
        var series = seriesParts.Select(p => p.ValueFor(indicator.Unit)).ToList();

        // The "no action" line runs through the quarters that compare with this one (none before a break) and
        // are complete: a quarter lacking an owed return would pull the line towards the missing figure.
        var breakAt = periods.ToList().FindIndex(p => !indicator.Compares(p, period));
        var seriesCoverage = periods.Select(p => context.Coverage(indicator, p, owing)).ToList();
        var comparable = series
            .Select((v, i) => indicator.Compares(periods[i], period) && seriesCoverage[i].IsComplete ? v : null)
            .ToList();
        var firstAfterBreak = periods.ToList().FindLastIndex(p => !indicator.Compares(p, period)) + 1;

        // Targets are partnership-wide: a locality or agency is rated only for ratios, never for counts.
        var rateBreakdowns = indicator.Unit != IndicatorUnit.Count;
        var localities = indicator.ByLocality
            ? context.Partnership.Localities
                .Select(l => new BreakdownRow(
                    l.Code,
                    l.Name,
                    Figures(context, indicator, o => o.Locality == l.Code, owing, targetToDate, rateBreakdowns)))
                .ToList()
            : [];
        var agencies = context.Partnership.Agencies
            .Where(a => indicator.IsOwedBy(a.Code))
            .Select(a => new BreakdownRow(
                a.Code,
                a.Name,
                Figures(context, indicator, o => o.Agency == a.Code, [a.Code], targetToDate, rateBreakdowns)))
            .ToList();
        var trend = Trend.Fit(comparable);
        return new IndicatorResult(
            indicator, area, target, targetToDate, periods, series, seriesParts, trend, localities, agencies)
        {
            SeriesCoverage = seriesCoverage,
            SeriesBreakIndex = breakAt < 0 ? null : firstAfterBreak,
        };
    }

    private static IndicatorFigures Figures(
        Context context,
        Indicator indicator,
        Func<Observation, bool> scope,
        IReadOnlyList<string> owing,
        double? targetToDate,
        bool rated)
    {
        var period = context.Period;
        var lastYear = period.SameQuarterLastYear();
        var parts = context.Parts(indicator, period, scope);
        var value = parts.ValueFor(indicator.Unit);
        var coverage = context.Coverage(indicator, period, owing);
        var previous = context.Parts(indicator, period.Previous(), scope).ValueFor(indicator.Unit);
        var previousCoverage = context.Coverage(indicator, period.Previous(), owing);
        var lastYearParts = context.Parts(indicator, lastYear, scope);
        var sameQuarterLastYear = lastYearParts.ValueFor(indicator.Unit);
        var lastYearCoverage = context.Coverage(indicator, lastYear, owing);
        var (ytdParts, ytd, ytdCoverage) = YearToDate(context, indicator, period, scope, owing);
        var (_, ytdLastYear, ytdLastYearCoverage) = YearToDate(context, indicator, lastYear, scope, owing);

        // Across a series break nothing is compared: the earlier figure is not shown beside this one.
        var lastYearBreak = indicator.NotComparableReason(lastYear, period);
        var previousBreak = indicator.NotComparableReason(period.Previous(), period);
        if (lastYearBreak is not null)
        {
            (sameQuarterLastYear, lastYearParts, ytdLastYear) = (null, Ratio.None, null);
            (lastYearCoverage, ytdLastYearCoverage) = (Compilation.Coverage.Complete, Compilation.Coverage.Complete);
        }

        if (previousBreak is not null)
        {
            (previous, previousCoverage) = (null, Compilation.Coverage.Complete);
        }

        // A comparison with a figure that lacks an owed return would show the missing return as a change.
        var withLastYear = coverage.IsComplete && lastYearCoverage.IsComplete;
        var yearsComparable = ytdCoverage.IsComplete && ytdLastYearCoverage.IsComplete;
        return new IndicatorFigures(
            value,
            parts,
            previous,
            sameQuarterLastYear,
            lastYearParts,
            withLastYear && lastYearBreak is null ? Travel.Change(value, sameQuarterLastYear, indicator.Unit) : null,
            ytd,
            ytdParts,
            ytdLastYear,
            yearsComparable && lastYearBreak is null ? Travel.Change(ytd, ytdLastYear, indicator.Unit) : null,
            rated && ytdCoverage.IsComplete
                ? RagRating.Of(ytd, targetToDate, indicator.Polarity, indicator.Tolerance, indicator.Unit)
                : null,
            coverage.IsComplete && previousCoverage.IsComplete && previousBreak is null
                ? Travel.Of(value, previous, indicator.Unit, indicator.Polarity)
                : null,
            withLastYear && lastYearBreak is null
                ? Travel.Of(value, sameQuarterLastYear, indicator.Unit, indicator.Polarity)
                : null)
        {
            NotComparableWithLastYear = lastYearBreak,
            NotComparableWithPrevious = previousBreak,
            Coverage = coverage,
            PreviousCoverage = previousCoverage,
            LastYearCoverage = lastYearCoverage,
            YearToDateCoverage = ytdCoverage,
            YearToDateLastYearCoverage = ytdLastYearCoverage,
        };
    }

    /// <summary>
    /// Year to date by kind: a stock stands where the quarter in hand leaves it; a flow adds its
    /// quarters' parts (a rate's population, which does not add up over time, is the latest quarter's).
    /// </summary>
    private static (Ratio Parts, double? Value, Coverage Coverage) YearToDate(
        Context context,
        Indicator indicator,
        ReportingPeriod period,
        Func<Observation, bool> scope,
        IReadOnlyList<string> owing)
    {
        if (indicator.Kind == MeasureKind.Stock)
        {
            var now = context.Parts(indicator, period, scope);
            return (now, now.ValueFor(indicator.Unit), context.Coverage(indicator, period, owing));
        }

        var sum = Ratio.None;
        var latest = Ratio.None;
        var coverage = Coverage.Complete;
        foreach (var quarter in period.YearToDate())
        {
            var parts = context.Parts(indicator, quarter, scope);
            sum += parts;
            latest = parts.IsEmpty ? latest : parts;
            coverage = coverage.Plus(context.Coverage(indicator, quarter, owing));
        }

        if (indicator.Unit == IndicatorUnit.RatePer10000)
        {
            sum = sum with { Denominator = latest.Denominator };
        }

        return (sum, sum.ValueFor(indicator.Unit), coverage);
    }

    private static List<DataQualityQuery> Queries(PeriodData current)
    {
        // A query is explained when the agency wrote commentary on the row the finding points at.
        var commentaryByRow = current.Observations
            .Where(o => !string.IsNullOrWhiteSpace(o.Commentary))
            .GroupBy(o => (o.Agency, Row: RowOf(o.Source)))
            .ToDictionary(g => g.Key, g => g.First().Commentary);
        return current.Queries
            .Select(q =>
            {
                var commentary = commentaryByRow.GetValueOrDefault((q.Agency, RowOf(q.Finding.Location)));
                return new DataQualityQuery(q.Agency, q.Finding, commentary is not null, commentary);
            })
            .OrderBy(q => q.Agency, StringComparer.Ordinal)
            .ThenBy(q => q.Finding.Location, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>"Indicators!14" for "Indicators!G14": the sheet and row a cell is on.</summary>
    internal static string? RowOf(string? location)
    {
        if (location is null)
        {
            return null;
        }

        var bang = location.LastIndexOf('!');
        var cell = location[(bang + 1)..];
        var digits = cell.SkipWhile(char.IsAsciiLetter).ToArray();
        return (bang < 0 ? string.Empty : location[..bang]) + "!" + new string(digits);
    }

    /// <summary>
    /// What the figures of one indicator are worked out from. The indicators are compiled one at a time, so only the
    /// one in hand has its observations made again from the packed ones read, each quarter's in the order read.
    /// </summary>
    private sealed class Context(
        Partnership partnership,
        ReportingPeriod period,
        IReadOnlyDictionary<ReportingPeriod, PeriodData> data)
    {
        private readonly Dictionary<ReportingPeriod, List<Observation>> _inHand = [];
        private string? _indicatorInHand;

        public Partnership Partnership => partnership;

        public ReportingPeriod Period => period;

        /// <summary>An indicator's observations in a quarter, in the order read; null where there are none.</summary>
        private List<Observation>? Observations(string indicator, ReportingPeriod quarter)
        {
            if (!string.Equals(indicator, _indicatorInHand, StringComparison.Ordinal))
            {
                _inHand.Clear();
                foreach (var (read, periodData) in data)
                {
                    var list = PackedObservations.Of(periodData.Observations, indicator).ToList();
                    if (list.Count > 0)
                    {
                        _inHand[read] = list;
                    }
                }

                _indicatorInHand = indicator;
            }

            return _inHand.GetValueOrDefault(quarter);
        }

        /// <summary>
        /// The owed returns of <paramref name="owing"/> with no figure for the indicator in the quarter.
        /// </summary>
        public Coverage Coverage(Indicator indicator, ReportingPeriod quarter, IReadOnlyList<string> owing)
        {
            var key = (quarter, indicator.Code);
            if (!_returned.TryGetValue(key, out var returned))
            {
                returned = Observations(indicator.Code, quarter) is { } observations
                    ? observations.Select(o => o.Agency).ToHashSet(StringComparer.OrdinalIgnoreCase)
                    : [];
                _returned[key] = returned;
            }

            // Owed by the catalogue of that quarter: an agency that had ended or not started owed nothing.
            var then = partnership.Whole.For(quarter).FindIndicator(indicator.Code);
            List<MissingReturn>? missing = null;
            foreach (var agency in owing)
            {
                if (then is not null && then.IsOwedBy(agency) && !returned.Contains(agency))
                {
                    (missing ??= []).Add(new MissingReturn(quarter, agency));
                }
            }

            return missing is null ? Compilation.Coverage.Complete : new Coverage(missing);
        }

        private readonly Dictionary<(ReportingPeriod, string), HashSet<string>> _returned = [];

        /// <summary>
        /// The summed parts of an indicator for a period and scope. A rate's population is counted once
        /// per locality, however many agencies returned a count for it.
        /// </summary>
        public Ratio Parts(Indicator indicator, ReportingPeriod quarter, Func<Observation, bool> scope)
        {
            if (Observations(indicator.Code, quarter) is not { } observations)
            {
                return Ratio.None;
            }

            double numerator = 0, denominator = 0;
            var count = 0;
            Dictionary<string, double>? populations = indicator.Unit == IndicatorUnit.RatePer10000 ? [] : null;
            foreach (var observation in observations)
            {
                if (!scope(observation))
                {
                    continue;
                }

                count++;
                numerator += observation.Numerator;
                if (populations is not null)
                {
                    var population = observation.Denominator ?? 0;
                    populations[observation.Locality] = Math.Max(
                        populations.GetValueOrDefault(observation.Locality),
                        population);
                }
                else
                {
                    denominator += observation.Denominator ?? 0;
                }
            }

            if (populations is not null)
            {
                denominator = populations.Values.Sum();
            }

            return new Ratio(numerator, denominator, count);
        }
    }
}
