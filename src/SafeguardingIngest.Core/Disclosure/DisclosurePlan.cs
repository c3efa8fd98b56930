using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Disclosure;

/// <summary>
/// What the published outputs of one compile hide: worked out once, from every number the page and the
/// csv show, and applied by both (and by the page's charts). For each indicator the figures are the
/// csv's cells (an agency's figure for a locality or the whole area, each quarter of the series) and
/// the page's: the area's figure for each quarter (this quarter, the previous one, the same quarter
/// last year, the chart's points), each locality's this quarter and same quarter last year, and the
/// years to date. The sums a reader can use tie them: a quarter's localities (and whole-area cells)
/// add up to the area's figure, an agency's cells to their locality's; for a flow, the area's quarters
/// of the year add up to its year to date, a locality's year to date is its quarter and its earlier
/// cells, and the localities' years to date add up to the area's. <see cref="SuppressionNetwork"/>
/// chooses what to hide. The quantity added up is the count, a percentage's or rate's numerator, or
/// an average's cases. The plan also names the data quality queries whose quoted figures the page must
/// withhold. The workbook and JSON, for the performance team, are not suppressed.
/// </summary>
public sealed class DisclosurePlan
{
    private readonly Dictionary<string, IndicatorDisclosure> _indicators;
    private readonly HashSet<Observation> _cells;
    private readonly HashSet<DataQualityQuery> _queries;

    private DisclosurePlan(PublicationOptions publication, Dictionary<string, IndicatorDisclosure> indicators, HashSet<Observation> cells, HashSet<DataQualityQuery> queries)
    {
        Publication = publication;
        _indicators = indicators;
        _cells = cells;
        _queries = queries;
    }

    /// <summary>The threshold and symbol the plan was made with.</summary>
    public PublicationOptions Publication { get; }

    /// <summary>
    /// The indicators whose audit could not pass figure by figure, in the report's order: each hides its
    /// whole breakdown (see <see cref="DisclosureFallback"/>).
    /// </summary>
    public IReadOnlyList<DisclosureFallback> Fallbacks { get; private init; } = [];

    /// <summary>The plan for <paramref name="report"/>, each indicator's time read from the system clock.</summary>
    public static DisclosurePlan For(ConsolidatedReturn report, PublicationOptions publication) =>
        For(report, publication, TimeProvider.System);

    /// <summary>
    /// The plan for <paramref name="report"/>, each indicator's time read from <paramref name="time"/>.
    /// </summary>
    public static DisclosurePlan For(ConsolidatedReturn report, PublicationOptions publication, TimeProvider time) =>
        For(report, publication, AuditLimits.Of(publication, time));

    /// <summary>The plan for <paramref name="report"/> within <paramref name="limits"/>.</summary>
    internal static DisclosurePlan For(ConsolidatedReturn report, PublicationOptions publication, AuditLimits limits)
    {
        var observations = report.Observations.ToLookup(o => o.Indicator, StringComparer.Ordinal);
        var indicators = new Dictionary<string, IndicatorDisclosure>(StringComparer.Ordinal);
        var cells = new HashSet<Observation>();
        var fallbacks = new List<DisclosureFallback>();
        foreach (var result in report.Indicators)
        {
            var rows = observations[result.Indicator.Code].ToList();
            var (plan, hidden, fallback) = Plan(result, rows, publication, limits);
            indicators[result.Indicator.Code] = plan;
            cells.UnionWith(hidden);
            if (fallback is { } reason)
            {
                fallbacks.Add(new DisclosureFallback(result.Indicator.Code, reason));
            }
        }

        // Rows of an indicator the catalogue no longer holds are in no sum the page shows: small ones are hidden.
        var threshold = publication.SmallCountThreshold;
        cells.UnionWith(report.Observations.Where(o => !indicators.ContainsKey(o.Indicator) && SmallCounts.IsSmallFigure(o.Unit, o.Numerator, o.Denominator, threshold)));
        return new DisclosurePlan(publication, indicators, cells, Queries(report, cells)) { Fallbacks = fallbacks };
    }

    /// <summary>Whether the csv hides <paramref name="observation"/>.</summary>
    public bool Hides(Observation observation) => _cells.Contains(observation);

    /// <summary>
    /// Whether the page must withhold the figures of a data quality query: its message quotes the row's
    /// value and, for a change, the previous quarter's ("fell 85% since Q1 (from 20 to 3)").
    /// </summary>
    public bool Withholds(DataQualityQuery query) => _queries.Contains(query);

    /// <summary>The queries on a row whose figure, or whose figure for the previous quarter, the plan hides.</summary>
    private static HashSet<DataQualityQuery> Queries(ConsolidatedReturn report, HashSet<Observation> hidden)
    {
        var rows = report.Observations.Where(o => o.Period == report.Period).ToLookup(o => (o.Agency, Row: Compiler.RowOf(o.Source)));
        var hiddenKeys = hidden.Select(o => (o.Period, o.Agency, o.Indicator, o.Locality)).ToHashSet();
        var previous = report.Period.Previous();
        return report.Queries
            .Where(q => rows[(q.Agency, Compiler.RowOf(q.Finding.Location))]
                .Any(o => hiddenKeys.Contains((o.Period, o.Agency, o.Indicator, o.Locality)) || hiddenKeys.Contains((previous, o.Agency, o.Indicator, o.Locality))))
            .ToHashSet();
    }

    /// <summary>What the page hides of <paramref name="result"/>.</summary>
    public IndicatorDisclosure For(IndicatorResult result) => _indicators[result.Indicator.Code];

    /// <summary>
    /// Which partner goes first: years to date (a running total, which the quarters shown still tell);
    /// then this quarter's cells and localities; then the area's figure for this quarter, the headline;
    /// last, earlier quarters, already published by earlier compiles, so hiding them now protects little.
    /// </summary>
    private static class Rank
    {
        public const int YearToDate = 0;
        public const int ThisQuarter = 1;
        public const int AreaThisQuarter = 2;
        public const int Earlier = 3;
    }

    private static (IndicatorDisclosure Plan, IEnumerable<Observation> Hidden, FallbackReason? Fallback) Plan(
        IndicatorResult result,
        List<Observation> observations,
        PublicationOptions publication,
        AuditLimits limits)
    {
        var indicator = result.Indicator;
        var unit = indicator.Unit;
        var threshold = publication.SmallCountThreshold;
        var network = new SuppressionNetwork(threshold);
        double Quantity(double numerator, double? denominator) => unit == IndicatorUnit.Average ? denominator ?? 0 : numerator;
        int Figure(Ratio parts, int rank) => network.Add(Quantity(parts.Numerator, parts.Denominator), SmallCounts.IsSmallFigure(indicator, parts, threshold), rank);

        var periods = result.SeriesPeriods;
        var last = periods.Count - 1;
        var quarterOf = periods.Select((p, q) => (p, q)).ToDictionary(x => x.p, x => x.q);
        var cells = observations.Where(o => quarterOf.ContainsKey(o.Period))
            .ToDictionary(o => o, o => network.Add(Quantity(o.Numerator, o.Denominator), SmallCounts.IsSmallFigure(o.Unit, o.Numerator, o.Denominator, threshold), o.Period == periods[last] ? Rank.ThisQuarter : Rank.Earlier));

        // The cells of a quarter in one locality, or (null) in none the breakdown shows, such as whole-area rows.
        var rows = result.Localities;
        var codes = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var byPlace = cells.ToLookup(c => (quarterOf[c.Key.Period], codes.Contains(c.Key.Locality) ? c.Key.Locality : null), c => c.Value);
        var byQuarter = cells.ToLookup(c => quarterOf[c.Key.Period], c => c.Value);
        List<int> Cells(int quarter, string? locality) => [.. byPlace[(quarter, locality)]];
        var area = result.SeriesParts.Select((parts, q) => Figure(parts, q == last ? Rank.AreaThisQuarter : Rank.Earlier)).ToList();
        var localityValue = rows.Select(r => Figure(r.Figures.Parts, Rank.ThisQuarter)).ToList();
        var lastYear = last - 4;
        var localityLastYear = lastYear >= 0 ? rows.Select(r => Figure(r.Figures.SameQuarterLastYearParts, Rank.Earlier)).ToList() : [];
        for (var q = 0; q <= last; q++)
        {
            var shown = q == last ? localityValue : q == lastYear ? localityLastYear : [];
            if (shown.Count == 0)
            {
                network.Sum(area[q], byQuarter[q]);
                continue;
            }

            network.Sum(area[q], [.. shown, .. Cells(q, null)]);
            for (var r = 0; r < rows.Count; r++)
            {
                network.Sum(shown[r], Cells(q, rows[r].Code));
            }
        }

        var flow = indicator.Kind == MeasureKind.Flow;
        var yearToDate = flow ? Figure(result.Area.YearToDateParts, Rank.YearToDate) : area[last];
        var localityYearToDate = flow ? rows.Select(r => Figure(r.Figures.YearToDateParts, Rank.YearToDate)).ToList() : localityValue;
        if (flow)
        {
            var earlier = Enumerable.Range(0, last).Where(q => periods[q].Year == periods[last].Year).ToList();
            network.Sum(yearToDate, [.. earlier.Select(q => area[q]), area[last]]);
            for (var r = 0; r < rows.Count; r++)
            {
                network.Sum(localityYearToDate[r], [localityValue[r], .. earlier.SelectMany(q => Cells(q, rows[r].Code))]);
            }

            if (rows.Count > 0)
            {
                network.Sum(yearToDate, [.. localityYearToDate, .. earlier.Append(last).SelectMany(q => Cells(q, null))]);
            }
        }

        var (hidden, fallback) = network.Hide(limits);
        if (fallback is not null)
        {
            // No pattern passed the audit: hide the whole breakdown, and of the area's figures what it would pin.
            (int, IEnumerable<int>)? year = flow
                ? (yearToDate, Enumerable.Range(0, last + 1).Where(q => periods[q].Year == periods[last].Year))
                : null;
            hidden = BreakdownFallback.Hide(
                network,
                threshold,
                [.. cells.Values, .. localityValue, .. localityLastYear, .. localityYearToDate],
                area,
                byQuarter,
                year);
        }

        HashSet<int> Rows(List<int> nodes) => Enumerable.Range(0, nodes.Count).Where(r => hidden.Contains(nodes[r])).ToHashSet();
        var hiddenCells = cells.Where(c => hidden.Contains(c.Value)).Select(c => c.Key).ToList();

        // A locality's direction of travel compares its quarter with the previous one, which the csv gives cell by cell.
        var previousHidden = hiddenCells.Where(o => quarterOf[o.Period] == last - 1).Select(o => o.Locality).ToHashSet(StringComparer.Ordinal);
        var localityDirection = Rows(localityValue);
        localityDirection.UnionWith(Enumerable.Range(0, rows.Count).Where(r => previousHidden.Contains(rows[r].Code)));
        var plan = new IndicatorDisclosure(
            Rows(area), hidden.Contains(yearToDate), Rows(localityValue), Rows(localityLastYear), Rows(localityYearToDate), localityDirection, periods.Count);
        return (plan, hiddenCells, fallback);
    }
}

/// <summary>
/// What the page hides of one indicator: quarters of the series (by index, the last is this quarter),
/// the area's year to date (and with it the RAG that rates it), and rows of the locality breakdown for
/// this quarter, the same quarter last year, the year to date (with its RAG), and the direction since
/// last quarter.
/// </summary>
public sealed record IndicatorDisclosure(
    IReadOnlySet<int> Quarters, bool YearToDate,
    IReadOnlySet<int> LocalityValue, IReadOnlySet<int> LocalityLastYear, IReadOnlySet<int> LocalityYearToDate, IReadOnlySet<int> LocalityDirection,
    int SeriesLength)
{
    /// <summary>This quarter's figure for the area.</summary>
    public bool Value => Quarters.Contains(SeriesLength - 1);

    /// <summary>The previous quarter's figure for the area.</summary>
    public bool Previous => Quarters.Contains(SeriesLength - 2);

    /// <summary>The same quarter last year's figure for the area.</summary>
    public bool LastYear => Quarters.Contains(SeriesLength - 5);
}
