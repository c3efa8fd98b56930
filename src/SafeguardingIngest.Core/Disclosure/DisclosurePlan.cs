using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Releases;
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
/// cells, and the localities' years to date add up to the area's. <see cref="CellSuppression"/>
/// chooses what to hide. The quantity added up is the count, a percentage's or rate's numerator, or
/// an average's cases. The workbook and JSON, for the performance team, are not suppressed.
/// <para>
/// The board's return is a series of releases, and a reader may hold them all: the plan takes in every
/// earlier release's decisions (<see cref="KeyedSuppression.Carry"/>), so what an earlier release hid stays
/// hidden and what it published is a fact in every sum; and it gives its own decisions
/// (<see cref="Decisions"/>) for the next one.
/// </para>
/// </summary>
public sealed class DisclosurePlan
{
    private readonly Dictionary<string, IndicatorDisclosure> _indicators;
    private readonly HiddenCells _cells;
    private readonly LinkedFamilies _linked;

    private DisclosurePlan(
        PublicationOptions publication,
        Dictionary<string, IndicatorDisclosure> indicators,
        HiddenCells cells,
        IReadOnlyList<IndicatorDecisions> decisions,
        LinkedFamilies linked)
    {
        _linked = linked;
        Publication = publication;
        _indicators = indicators;
        _cells = cells;
        Decisions = decisions;
    }

    /// <summary>
    /// Every figure the page and csv show or hide, by key, with the sums among them: the release's record. Empty
    /// where the plan handed each family's decisions on as it made them, rather than holding them.
    /// </summary>
    public IReadOnlyList<IndicatorDecisions> Decisions { get; }

    /// <summary>How many figures the page and csv show (not counting a percentage's parts).</summary>
    public int FiguresShown { get; private init; }

    /// <summary>How many figures the page and csv hide (not counting a percentage's parts).</summary>
    public int FiguresHidden { get; private init; }

    /// <summary>The threshold and symbol the plan was made with.</summary>
    public PublicationOptions Publication { get; }

    /// <summary>
    /// The indicators whose audit could not pass figure by figure, in the report's order: each hides its
    /// whole breakdown (see <see cref="DisclosureFallback"/>).
    /// </summary>
    public IReadOnlyList<DisclosureFallback> Fallbacks { get; private init; } = [];

    /// <summary>
    /// The plan for <paramref name="report"/>, given what <paramref name="earlier"/> releases of the
    /// partnership (oldest first) showed and hid, each indicator's time read from the system clock.
    /// </summary>
    public static DisclosurePlan For(
        ConsolidatedReturn report,
        PublicationOptions publication,
        IReadOnlyList<ReleaseDecisions>? earlier = null) =>
        For(report, publication, TimeProvider.System, earlier);

    /// <summary>
    /// The plan for <paramref name="report"/> after <paramref name="earlier"/> releases, each indicator's
    /// time read from <paramref name="time"/>. Where <paramref name="decided"/> is given, each family's
    /// decisions go to it as they are made and the plan does not hold them (<see cref="Decisions"/> is empty).
    /// </summary>
    public static DisclosurePlan For(
        ConsolidatedReturn report,
        PublicationOptions publication,
        TimeProvider time,
        IReadOnlyList<ReleaseDecisions>? earlier = null,
        Action<IndicatorDecisions>? decided = null) =>
        For(report, publication, AuditLimits.Of(publication, time), earlier, decided);

    /// <summary>
    /// The plan for <paramref name="report"/> after the <paramref name="earlier"/> releases, read a family at a time,
    /// each indicator's time read from <paramref name="time"/>; each family's decisions go to
    /// <paramref name="decided"/> where given, as in
    /// <see cref="For(ConsolidatedReturn, PublicationOptions, TimeProvider, IReadOnlyList{ReleaseDecisions},
    /// Action{IndicatorDecisions})"/>.
    /// </summary>
    public static DisclosurePlan For(
        ConsolidatedReturn report,
        PublicationOptions publication,
        TimeProvider time,
        EarlierDecisions earlier,
        Action<IndicatorDecisions>? decided = null) =>
        For(report, publication, AuditLimits.Of(publication, time), earlier, decided);

    /// <summary>
    /// The plan for <paramref name="report"/> after <paramref name="earlier"/> releases, within
    /// <paramref name="limits"/>.
    /// </summary>
    internal static DisclosurePlan For(
        ConsolidatedReturn report,
        PublicationOptions publication,
        AuditLimits limits,
        IReadOnlyList<ReleaseDecisions>? earlier = null,
        Action<IndicatorDecisions>? decided = null)
    {
        using var held = EarlierDecisions.Of(earlier ?? []);
        return For(report, publication, limits, held, decided);
    }

    /// <summary>
    /// The plan for <paramref name="report"/> after the <paramref name="earlier"/> releases, read a family at a time,
    /// within <paramref name="limits"/>.
    /// </summary>
    internal static DisclosurePlan For(
        ConsolidatedReturn report,
        PublicationOptions publication,
        AuditLimits limits,
        EarlierDecisions earlier,
        Action<IndicatorDecisions>? decided = null)
    {
        var linked = LinkedFamilies.Of(report.Indicators);
        var indicators = new Dictionary<string, IndicatorDisclosure>(StringComparer.Ordinal);
        var cells = new HiddenCells();
        var fallbacks = new List<DisclosureFallback>();
        var decisions = new List<IndicatorDecisions>();
        var (shown, hiddenFigures) = (0, 0);
        var threshold = publication.SmallCountThreshold;
        foreach (var family in linked.Families)
        {
            var codes = family.Select(r => r.Indicator.Code).ToHashSet(StringComparer.Ordinal);
            var suppression = new KeyedSuppression(threshold);
            var nodes = family
                .Select(r => IndicatorNodes.Add(
                    suppression,
                    r,
                    [.. report.ObservationsOf(r.Indicator.Code)],
                    linked.KeyCode(r.Indicator.Code),
                    threshold))
                .ToList();
            foreach (var node in nodes)
            {
                node.AddParts(suppression, DenominatorCount(family, node.Result.Indicator, linked), threshold);
            }

            Link(suppression, nodes, linked);
            suppression.Carry(earlier.For(codes));
            // A reader takes every hidden count to be at least 1, so no count's 0 is hidden unless its own rule hides
            // it (a rate's 0 over a small population) or an earlier release did: one hidden only because it is a
            // percentage's numerator (0 of 3) is shown on the count's own rows, and the audit knows it.
            var zeros = suppression.ShowZeros(nodes.SelectMany(n => n.Zeros)
                .GroupBy(z => z.Key)
                .Where(z => !z.Any(own => own.Value))
                .Select(z => z.Key));
            var (hidden, fallback) = suppression.Hide(limits);
            if (fallback is { } reason)
            {
                // No pattern passed the audit: hide each indicator's whole breakdown, and of the area's figures what
                // it would pin.
                hidden = suppression.Fallback(nodes.SelectMany(n => n.Fallback(suppression.Suppression, threshold)));
                fallbacks.AddRange(family.Select(r => new DisclosureFallback(r.Indicator.Code, reason)));
            }

            var published = hidden.Where(n => !zeros.Contains(n)).ToHashSet();
            var made = suppression.Decisions(string.Join('+', codes), published);
            foreach (var figure in made.WholeFigures)
            {
                if (figure.Hidden)
                {
                    hiddenFigures++;
                }
                else
                {
                    shown++;
                }
            }

            if (decided is null)
            {
                decisions.Add(made);
            }
            else
            {
                decided(made);
            }

            foreach (var node in nodes)
            {
                // A count's rows show its zeros; a percentage's row goes with its hidden parts.
                var (plan, hiddenCells) = node.Read(node.Result.Indicator.Unit
                    is IndicatorUnit.Count or IndicatorUnit.RatePer10000 ? published : hidden);
                indicators[node.Result.Indicator.Code] = plan;
                cells.Add(hiddenCells);
            }
        }

        // Rows of an indicator the catalogue no longer holds are in no sum the page shows: small ones are hidden.
        cells.Add(report.Observations.Where(o =>
            !indicators.ContainsKey(o.Indicator)
            && SmallCounts.IsSmallFigure(o.Unit, o.Numerator, o.Denominator, threshold)));
        return new DisclosurePlan(publication, indicators, cells, decisions, linked)
        {
            Fallbacks = fallbacks,
            FiguresShown = shown,
            FiguresHidden = hiddenFigures,
        };
    }

    /// <summary>Whether the csv hides <paramref name="observation"/>.</summary>
    public bool Hides(Observation observation) => _cells.Contains(observation);

    /// <summary>
    /// The code an indicator's figures are keyed under in the release's decisions: its own, or that of the
    /// indicator whose count it shares (<see cref="IndicatorLinks"/>).
    /// </summary>
    public string KeyCode(string indicator) => _linked.KeyCode(indicator);

    /// <summary>The key code of the count that is <paramref name="indicator"/>'s denominator, if any.</summary>
    private static string? DenominatorCount(
        IReadOnlyList<IndicatorResult> family,
        Indicator indicator,
        LinkedFamilies linked)
    {
        var code = NameKey.Fold(indicator.Code);
        var count = family.FirstOrDefault(r => r.Indicator.Links.DenominatorOf.Any(c => NameKey.Fold(c) == code));
        return count is null ? null : linked.KeyCode(count.Indicator.Code);
    }

    /// <summary>
    /// Ties a family's indicators where their counts are not one figure: a part is no more than its whole,
    /// cell by cell; and a percentage's csv row, which shows its denominator, is hidden wherever the count
    /// that denominator is (another indicator's, <see cref="IndicatorLinks.DenominatorOf"/>) is hidden.
    /// </summary>
    private static void Link(KeyedSuppression suppression, List<IndicatorNodes> family, LinkedFamilies linked)
    {
        var byCode = family.ToDictionary(n => NameKey.Fold(n.Result.Indicator.Code));
        foreach (var part in family)
        {
            var links = part.Result.Indicator.Links;
            if (links.PartOf is { } whole && byCode.TryGetValue(NameKey.Fold(whole), out var wholeNodes))
            {
                var wholeCode = linked.KeyCode(wholeNodes.Result.Indicator.Code);
                foreach (var (cell, node) in part.Cells)
                {
                    var wholeKey = FigureKey.Cell(cell.Period, wholeCode, cell.Agency, cell.Locality);
                    if (suppression.Find(wholeKey) is { } total)
                    {
                        suppression.PartOf(node, total);
                    }
                }
            }

            var shares = links.DenominatorOf
                .Select(c => byCode.GetValueOrDefault(NameKey.Fold(c)))
                .OfType<IndicatorNodes>();
            foreach (var shared in shares)
            {
                if (shared.Result.Indicator.Unit == IndicatorUnit.Average)
                {
                    continue; // an average's cases are keyed as this count: one figure already
                }

                var countCode = linked.KeyCode(part.Result.Indicator.Code);
                foreach (var (cell, node) in shared.Cells)
                {
                    // A whole-area row of a percentage broken down no further has the area's count as its denominator.
                    var count = suppression.Find(FigureKey.Cell(cell.Period, countCode, cell.Agency, cell.Locality))
                        ?? (cell.Locality == Locality.WholeAreaCode
                            ? suppression.Find(FigureKey.Area(cell.Period, countCode))
                            : null);
                    if (count is { } counted)
                    {
                        suppression.Implies(counted, node);
                    }
                }
            }
        }
    }

    /// <summary>What the page hides of <paramref name="result"/>.</summary>
    public IndicatorDisclosure For(IndicatorResult result) => _indicators[result.Indicator.Code];

}

/// <summary>
/// What the page hides of one indicator: quarters of the series (by index, the last is this quarter),
/// the area's year to date (and with it the RAG that rates it), and rows of the locality breakdown for
/// this quarter, the same quarter last year, the year to date (with its RAG), and the direction since
/// last quarter.
/// </summary>
public sealed record IndicatorDisclosure(
    IReadOnlySet<int> Quarters,
    bool YearToDate,
    IReadOnlySet<int> LocalityValue,
    IReadOnlySet<int> LocalityLastYear,
    IReadOnlySet<int> LocalityYearToDate,
    IReadOnlySet<int> LocalityDirection,
    int SeriesLength)
{
    /// <summary>This quarter's figure for the area.</summary>
    public bool Value => Quarters.Contains(SeriesLength - 1);

    /// <summary>The previous quarter's figure for the area.</summary>
    public bool Previous => Quarters.Contains(SeriesLength - 2);

    /// <summary>The same quarter last year's figure for the area.</summary>
    public bool LastYear => Quarters.Contains(SeriesLength - 5);
}
