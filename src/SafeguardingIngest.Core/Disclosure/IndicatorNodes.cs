using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Disclosure;

/// <summary>
/// One indicator's figures in a <see cref="KeyedNetwork"/>: the csv's cells and the page's figures, added
/// with the sums a reader can use (<see cref="DisclosurePlan"/> lists them), and read back, once the
/// network has decided, as what the page and the csv hide.
/// </summary>
internal sealed class IndicatorNodes(
    IndicatorResult result,
    Dictionary<Observation, int> cells,
    List<int> area,
    List<int> localityValue,
    List<int> localityLastYear,
    int yearToDate,
    List<int> localityYearToDate,
    int last)
{
    private readonly Dictionary<Observation, int> _cells = cells;
    private readonly List<int> _area = area;
    private readonly List<int> _localityValue = localityValue;
    private readonly List<int> _localityLastYear = localityLastYear;
    private readonly int _yearToDate = yearToDate;
    private readonly List<int> _localityYearToDate = localityYearToDate;
    private readonly int _last = last;

    /// <summary>The indicator's compiled figures.</summary>
    public IndicatorResult Result { get; } = result;

    /// <summary>Each csv cell's node.</summary>
    public IReadOnlyDictionary<Observation, int> Cells => _cells;

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

    /// <summary>
    /// Adds <paramref name="result"/>'s figures and sums to <paramref name="network"/>, its quantities under
    /// <paramref name="keyCode"/> (the code of the indicator whose count it shares, or its own).
    /// </summary>
    public static IndicatorNodes Add(
        KeyedNetwork network, IndicatorResult result, List<Observation> observations, string keyCode, int threshold)
    {
        var indicator = result.Indicator;
        var code = keyCode;
        var owner = indicator.Code;
        var unit = indicator.Unit;
        double Quantity(double numerator, double? denominator) => unit == IndicatorUnit.Average ? denominator ?? 0 : numerator;
        int Figure(string key, Ratio parts, double? value, int rank) => network.Add(
            key, Quantity(parts.Numerator, parts.Denominator), value, SmallCounts.IsSmallFigure(indicator, parts, threshold), rank, owner);

        var periods = result.SeriesPeriods;
        var last = periods.Count - 1;
        var quarterOf = periods.Select((p, q) => (p, q)).ToDictionary(x => x.p, x => x.q);
        var cells = observations.Where(o => quarterOf.ContainsKey(o.Period)).ToDictionary(o => o, o => network.Add(
            FigureKey.Cell(o.Period, code, o.Agency, o.Locality),
            Quantity(o.Numerator, o.Denominator),
            o.Value,
            SmallCounts.IsSmallFigure(o.Unit, o.Numerator, o.Denominator, threshold),
            o.Period == periods[last] ? Rank.ThisQuarter : Rank.Earlier,
            owner));

        // The cells of a quarter in one locality, or (null) in none the breakdown shows, such as whole-area rows.
        var rows = result.Localities;
        var codes = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var byPlace = cells.ToLookup(c => (quarterOf[c.Key.Period], codes.Contains(c.Key.Locality) ? c.Key.Locality : null), c => c.Value);
        var byQuarter = cells.ToLookup(c => quarterOf[c.Key.Period], c => c.Value);
        List<int> Cells(int quarter, string? locality) => [.. byPlace[(quarter, locality)]];
        var area = result.SeriesParts.Select((parts, q) => Figure(
            FigureKey.Area(periods[q], code), parts, q < result.Series.Count ? result.Series[q] : null, q == last ? Rank.AreaThisQuarter : Rank.Earlier)).ToList();
        var localityValue = rows.Select(r => Figure(
            FigureKey.Locality(periods[last], code, r.Code), r.Figures.Parts, r.Figures.Value, Rank.ThisQuarter)).ToList();
        var lastYear = last - 4;
        var localityLastYear = lastYear >= 0
            ? rows.Select(r => Figure(
                FigureKey.Locality(periods[lastYear], code, r.Code), r.Figures.SameQuarterLastYearParts, r.Figures.SameQuarterLastYear, Rank.Earlier)).ToList()
            : [];
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
        var yearToDate = flow
            ? Figure(FigureKey.YearToDate(periods[last], code), result.Area.YearToDateParts, result.Area.YearToDate, Rank.YearToDate)
            : area[last];
        var localityYearToDate = flow
            ? rows.Select(r => Figure(
                FigureKey.LocalityYearToDate(periods[last], code, r.Code), r.Figures.YearToDateParts, r.Figures.YearToDate, Rank.YearToDate)).ToList()
            : localityValue;
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

        return new IndicatorNodes(result, cells, area, localityValue, localityLastYear, yearToDate, localityYearToDate, last);
    }

    /// <summary>What the indicator hides where no pattern passed the audit (<see cref="BreakdownFallback"/>).</summary>
    public HashSet<int> Fallback(SuppressionNetwork network, int threshold)
    {
        var periods = Result.SeriesPeriods;
        var quarterOf = periods.Select((p, q) => (p, q)).ToDictionary(x => x.p, x => x.q);
        var byQuarter = _cells.ToLookup(c => quarterOf[c.Key.Period], c => c.Value);
        (int, IEnumerable<int>)? year = Result.Indicator.Kind == MeasureKind.Flow
            ? (_yearToDate, Enumerable.Range(0, _last + 1).Where(q => periods[q].Year == periods[_last].Year))
            : null;
        return BreakdownFallback.Hide(
            network,
            threshold,
            [.. _cells.Values, .. _localityValue, .. _localityLastYear, .. _localityYearToDate],
            _area,
            byQuarter,
            year);
    }

    /// <summary>What the page and the csv hide of the indicator, given the hidden nodes.</summary>
    public (IndicatorDisclosure Plan, IEnumerable<Observation> Hidden) Read(HashSet<int> hidden)
    {
        var (result, cells, area, localityValue, localityLastYear, yearToDate, localityYearToDate, last) =
            (Result, _cells, _area, _localityValue, _localityLastYear, _yearToDate, _localityYearToDate, _last);
        var periods = result.SeriesPeriods;
        var rows = result.Localities;
        var quarterOf = periods.Select((p, q) => (p, q)).ToDictionary(x => x.p, x => x.q);
        HashSet<int> Rows(List<int> nodes) => Enumerable.Range(0, nodes.Count).Where(r => hidden.Contains(nodes[r])).ToHashSet();
        var hiddenCells = cells.Where(c => hidden.Contains(c.Value)).Select(c => c.Key).ToList();

        // A locality's direction of travel compares its quarter with the previous one, which the csv gives cell by cell.
        var previousHidden = hiddenCells.Where(o => quarterOf[o.Period] == last - 1).Select(o => o.Locality).ToHashSet(StringComparer.Ordinal);
        var localityDirection = Rows(localityValue);
        localityDirection.UnionWith(Enumerable.Range(0, rows.Count).Where(r => previousHidden.Contains(rows[r].Code)));
        var plan = new IndicatorDisclosure(
            Rows(area), hidden.Contains(yearToDate), Rows(localityValue), Rows(localityLastYear), Rows(localityYearToDate), localityDirection, periods.Count);
        return (plan, hiddenCells);
    }
}
