using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Disclosure;

/// <summary>
/// One indicator's figures in a <see cref="KeyedSuppression"/>: the csv's cells and the page's figures, added
/// with the sums a reader can use (<see cref="DisclosurePlan"/> lists them), and read back, once the
/// suppression has decided, as what the page and the csv hide. A percentage's figures each have a denominator
/// and a complement too (<see cref="AddParts"/>), in the same sums, so that all three are protected.
/// </summary>
internal sealed class IndicatorNodes(
    IndicatorResult result,
    Dictionary<Observation, int> cells,
    List<int> area,
    List<int> localityValue,
    List<int> localityLastYear,
    int yearToDate,
    List<int> localityYearToDate,
    int last,
    List<IndicatorNodes.Figure> figures,
    List<(int Total, int[] Members)> sums,
    Dictionary<int, bool> zeros)
{
    private readonly Dictionary<int, (int Denominator, int Complement)> _parts = [];

    /// <summary>The indicator's compiled figures.</summary>
    public IndicatorResult Result { get; } = result;

    /// <summary>Each csv cell's node.</summary>
    public IReadOnlyDictionary<Observation, int> Cells => cells;

    /// <summary>
    /// A count's or rate's figures that are 0, by node: true where the indicator's own rule hides the figure (a
    /// rate's 0 over a small population). Empty for a percentage or an average.
    /// </summary>
    public IReadOnlyDictionary<int, bool> Zeros => zeros;

    /// <summary>One figure as added: its node, key and parts, and the rank its partners are chosen by.</summary>
    internal sealed record Figure(int Node, string Key, double Numerator, double? Denominator, int Rank);

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
    /// Adds <paramref name="result"/>'s figures and sums to <paramref name="suppression"/>, its quantities under
    /// <paramref name="keyCode"/> (the code of the indicator whose count it shares, or its own).
    /// </summary>
    public static IndicatorNodes Add(
        KeyedSuppression suppression,
        IndicatorResult result,
        List<Observation> observations,
        string keyCode,
        int threshold)
    {
        var indicator = result.Indicator;
        var code = keyCode;
        var owner = indicator.Code;
        var unit = indicator.Unit;
        var figures = new List<Figure>();
        var sums = new List<(int Total, int[] Members)>();
        double Quantity(double numerator, double? denominator) =>
            unit == IndicatorUnit.Average ? denominator ?? 0 : numerator;
        var zeros = new Dictionary<int, bool>();
        int Added(string key, double numerator, double? denominator, double? value, bool primary, int rank)
        {
            var node = suppression.Add(key, Quantity(numerator, denominator), value, primary, rank, owner);
            figures.Add(new Figure(node, key, numerator, denominator, rank));
            if (unit is IndicatorUnit.Count or IndicatorUnit.RatePer10000 && numerator == 0)
            {
                zeros[node] = zeros.GetValueOrDefault(node) || primary;
            }

            return node;
        }

        int Figure(string key, Ratio parts, double? value, int rank) => Added(
            key,
            parts.Numerator,
            parts.Denominator,
            value,
            SmallCounts.IsSmallFigure(indicator, parts, threshold),
            rank);
        void Sum(int total, IEnumerable<int> members)
        {
            var list = members.ToArray();
            sums.Add((total, list));
            suppression.Sum(total, list);
        }

        var periods = result.SeriesPeriods;
        var last = periods.Count - 1;
        var quarterOf = periods.Select((p, q) => (p, q)).ToDictionary(x => x.p, x => x.q);
        var cells = observations.Where(o => quarterOf.ContainsKey(o.Period)).ToDictionary(o => o, o => Added(
            FigureKey.Cell(o.Period, code, o.Agency, o.Locality),
            o.Numerator,
            o.Denominator,
            o.Value,
            SmallCounts.IsSmallFigure(o.Unit, o.Numerator, o.Denominator, threshold),
            o.Period == periods[last] ? Rank.ThisQuarter : Rank.Earlier));

        // The cells of a quarter in one locality, or (null) in none the breakdown shows, such as whole-area rows.
        var rows = result.Localities;
        var codes = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var byPlace = cells.ToLookup(
            c => (quarterOf[c.Key.Period], codes.Contains(c.Key.Locality) ? c.Key.Locality : null),
            c => c.Value);
        var byQuarter = cells.ToLookup(c => quarterOf[c.Key.Period], c => c.Value);
        List<int> Cells(int quarter, string? locality) => [.. byPlace[(quarter, locality)]];
        var area = result.SeriesParts.Select((parts, q) => Figure(
            FigureKey.Area(periods[q], code),
            parts,
            q < result.Series.Count ? result.Series[q] : null,
            q == last ? Rank.AreaThisQuarter : Rank.Earlier)).ToList();
        var localityValue = rows.Select(r => Figure(
            FigureKey.Locality(periods[last], code, r.Code),
            r.Figures.Parts,
            r.Figures.Value,
            Rank.ThisQuarter)).ToList();
        var lastYear = last - 4;
        var localityLastYear = lastYear >= 0
            ? rows.Select(r => Figure(
                FigureKey.Locality(periods[lastYear], code, r.Code),
                r.Figures.SameQuarterLastYearParts,
                r.Figures.SameQuarterLastYear,
                Rank.Earlier)).ToList()
            : [];
        for (var q = 0; q <= last; q++)
        {
            var shown = q == last ? localityValue : q == lastYear ? localityLastYear : [];
            if (shown.Count == 0)
            {
                Sum(area[q], byQuarter[q]);
                continue;
            }

            Sum(area[q], [.. shown, .. Cells(q, null)]);
            for (var r = 0; r < rows.Count; r++)
            {
                Sum(shown[r], Cells(q, rows[r].Code));
            }
        }

        var flow = indicator.Kind == MeasureKind.Flow;
        var yearToDate = flow
            ? Figure(
                FigureKey.YearToDate(periods[last], code),
                result.Area.YearToDateParts,
                result.Area.YearToDate,
                Rank.YearToDate)
            : area[last];
        var localityYearToDate = flow
            ? rows.Select(r => Figure(
                FigureKey.LocalityYearToDate(periods[last], code, r.Code),
                r.Figures.YearToDateParts,
                r.Figures.YearToDate,
                Rank.YearToDate)).ToList()
            : localityValue;
        if (flow)
        {
            var earlier = Enumerable.Range(0, last).Where(q => periods[q].Year == periods[last].Year).ToList();
            Sum(yearToDate, [.. earlier.Select(q => area[q]), area[last]]);
            for (var r = 0; r < rows.Count; r++)
            {
                Sum(localityYearToDate[r], [localityValue[r], .. earlier.SelectMany(q => Cells(q, rows[r].Code))]);
            }

            if (rows.Count > 0)
            {
                Sum(yearToDate, [.. localityYearToDate, .. earlier.Append(last).SelectMany(q => Cells(q, null))]);
            }
        }

        return new IndicatorNodes(
            result,
            cells,
            area,
            localityValue,
            localityLastYear,
            yearToDate,
            localityYearToDate,
            last,
            figures,
            sums,
            zeros);
    }

    /// <summary>
    /// For a percentage, adds each figure's denominator and complement (denominator less numerator: the
    /// children it does not count) as figures of their own, in the same sums as the numerators, each hidden
    /// for its own sake where it is small; a figure's numerator, denominator and complement are shown or
    /// hidden together, as the csv's row shows them together. Where <paramref name="countCode"/> names a
    /// count that is the percentage's denominator (<see cref="IndicatorLinks.DenominatorOf"/>), a denominator
    /// that count gives at the same quantity is that count's figure: shown, it is known to a reader, and
    /// hidden, the percentage's figure goes too. Call after every indicator of the family is added, before links.
    /// </summary>
    public void AddParts(KeyedSuppression suppression, string? countCode, int threshold)
    {
        if (Result.Indicator.Unit != IndicatorUnit.Percentage)
        {
            return;
        }

        var owner = Result.Indicator.Code;
        foreach (var figure in figures.Where(f => f.Denominator is not null && !_parts.ContainsKey(f.Node)))
        {
            var denominator = figure.Denominator!.Value;
            var complement = denominator - figure.Numerator;
            var shared = countCode is null ? null : SharedDenominator(suppression, figure.Key, countCode, denominator);
            int d;
            if (shared is { } count)
            {
                d = count;
                suppression.Implies(count, figure.Node);
            }
            else
            {
                d = AddPart(FigureParts.Denominator(figure.Key), denominator);
            }

            var c = AddPart(FigureParts.Complement(figure.Key), complement);
            suppression.Parts(d, figure.Node, c);
            _parts[figure.Node] = (d, c);

            // A part of the figure's own: hidden for its own sake where small, shown or hidden with the figure.
            int AddPart(string key, double quantity)
            {
                var part = suppression.Add(
                    key,
                    quantity,
                    value: null,
                    SmallCounts.IsSmall(quantity, threshold),
                    figure.Rank,
                    owner);
                suppression.Together(figure.Node, part);
                return part;
            }
        }

        var whole = sums.Where(s => _parts.ContainsKey(s.Total) && s.Members.All(_parts.ContainsKey));
        foreach (var (total, members) in whole)
        {
            suppression.Sum(_parts[total].Denominator, members.Select(m => _parts[m].Denominator));
            suppression.Sum(_parts[total].Complement, members.Select(m => _parts[m].Complement));
        }
    }

    /// <summary>
    /// The figure of the count <paramref name="countCode"/> that a percentage's figure <paramref name="key"/> has as
    /// its denominator, where that count has it at <paramref name="denominator"/>: the same cell, or for a whole-area
    /// row, the area's count; for a figure of the page, the count's same figure.
    /// </summary>
    private static int? SharedDenominator(
        KeyedSuppression suppression,
        string key,
        string countCode,
        double denominator)
    {
        var parts = FigureKey.Parts(key);
        parts[2] = countCode;
        var found = suppression.Find(string.Join('|', parts));
        if (found is null && parts[0] == "cell" && parts[4] == Locality.WholeAreaCode)
        {
            found = suppression.Find(FigureKey.Area(ReportingPeriod.Parse(parts[1]), countCode));
        }

        return found is { } node && Math.Abs(suppression.QuantityOf(node) - denominator) < 1e-9 ? node : null;
    }

    /// <summary>What the indicator hides where no pattern passed the audit (<see cref="BreakdownFallback"/>).</summary>
    public HashSet<int> Fallback(CellSuppression suppression, int threshold)
    {
        var periods = Result.SeriesPeriods;
        var quarterOf = periods.Select((p, q) => (p, q)).ToDictionary(x => x.p, x => x.q);
        (int, IEnumerable<int>)? Year(Func<int, int> layer) => Result.Indicator.Kind == MeasureKind.Flow
            ? (layer(yearToDate), Enumerable.Range(0, last + 1).Where(q => periods[q].Year == periods[last].Year))
            : null;
        HashSet<int> Layer(Func<int, int> layer) => BreakdownFallback.Hide(
            suppression,
            threshold,
            [.. cells.Values.Select(layer), .. localityValue.Select(layer), .. localityLastYear.Select(layer),
                .. localityYearToDate.Select(layer)],
            [.. area.Select(layer)],
            cells.ToLookup(c => quarterOf[c.Key.Period], c => layer(c.Value)),
            Year(layer));

        // A percentage's denominators and complements are tied by the same sums as its numerators.
        var hidden = Layer(n => n);
        if (_parts.Count > 0)
        {
            hidden.UnionWith(Layer(n => _parts.TryGetValue(n, out var p) ? p.Denominator : n));
            hidden.UnionWith(Layer(n => _parts.TryGetValue(n, out var p) ? p.Complement : n));
        }

        return hidden;
    }

    /// <summary>What the page and the csv hide of the indicator, given the hidden nodes.</summary>
    public (IndicatorDisclosure Plan, IEnumerable<Observation> Hidden) Read(HashSet<int> hidden)
    {
        var periods = Result.SeriesPeriods;
        var rows = Result.Localities;
        var quarterOf = periods.Select((p, q) => (p, q)).ToDictionary(x => x.p, x => x.q);
        HashSet<int> Rows(List<int> nodes) =>
            Enumerable.Range(0, nodes.Count).Where(r => hidden.Contains(nodes[r])).ToHashSet();
        var hiddenCells = cells.Where(c => hidden.Contains(c.Value)).Select(c => c.Key).ToList();

        // A locality's direction of travel compares its quarter with the previous one, which the csv gives cell
        // by cell.
        var previousHidden = hiddenCells.Where(o => quarterOf[o.Period] == last - 1)
            .Select(o => o.Locality)
            .ToHashSet(StringComparer.Ordinal);
        var localityDirection = Rows(localityValue);
        localityDirection.UnionWith(Enumerable.Range(0, rows.Count).Where(r => previousHidden.Contains(rows[r].Code)));
        var plan = new IndicatorDisclosure(
            Rows(area),
            hidden.Contains(yearToDate),
            Rows(localityValue),
            Rows(localityLastYear),
            Rows(localityYearToDate),
            localityDirection,
            periods.Count);
        return (plan, hiddenCells);
    }
}
