namespace SafeguardingIngest.Reports;

/// <summary>
/// One cell as the page shows it: its text, whether it is a figure (right-aligned), suppressed, lacking
/// an owed return (marked †), revised since an earlier release (marked r), or a label shown by colour and
/// word (<see cref="BadgeCss"/>).
/// </summary>
public sealed record PageCell(
    string Text,
    bool Suppressed = false,
    bool Incomplete = false,
    bool Numeric = true,
    string? BadgeCss = null)
{
    /// <summary>Whether an earlier release published this figure otherwise.</summary>
    public bool Revised { get; init; }

    /// <summary>The id of the note a warning mark beside the figure links to; null where it has none.</summary>
    public string? Flag { get; init; }

    /// <summary>A label shown by colour and by word, such as a RAG.</summary>
    public static PageCell Badge(PageBadge badge) => new(badge.Text, Numeric: false, BadgeCss: badge.Css);

    /// <summary>Plain text, not a figure.</summary>
    public static PageCell Words(string text, bool incomplete = false) =>
        new(text, Incomplete: incomplete, Numeric: false);
}

/// <summary>A figure with its label, in an indicator card's headline.</summary>
public sealed record CardFigure(string Label, PageCell Cell);

/// <summary>A RAG, a return state or any other label shown by colour and by word.</summary>
public sealed record PageBadge(string Css, string Text);

/// <summary>
/// A row of the summary table, its cells in the order of the columns: this quarter, same quarter last
/// year, change, year to date, annual target, target to date, RAG, since last quarter, since last year.
/// </summary>
public sealed record SummaryRow(string Anchor, string Code, string Title, IReadOnlyList<PageCell> Cells);

/// <summary>
/// A row of a breakdown by locality: this quarter, same quarter last year, year to date, RAG (ratios only), since last
/// quarter.
/// </summary>
public sealed record BreakdownLine(string Name, IReadOnlyList<PageCell> Cells);

/// <summary>An indicator's card: its figures, chart, notes and breakdown.</summary>
public sealed record IndicatorCard(
    string Anchor, string Code, string Title, string Meta, IReadOnlyList<CardFigure> Figures, PageCell Rag,
    TrendChart Chart,
    bool HasIncompletePoints,
    string? Incomplete,
    IReadOnlyList<BreakdownLine> Localities,
    bool LocalitiesRated)
{
    /// <summary>What the chart's dotted line is called in its legend.</summary>
    public string TargetLegend { get; init; } = "annual target";

    /// <summary>What the reference data sets the indicator beside; null where it gives nothing.</summary>
    public BenchmarkPanel? Benchmarks { get; init; }
}

/// <summary>
/// A note saying why an indicator's figure this quarter is to be read with care (the ⚠ mark's target).
/// </summary>
public sealed record PageFlag(string Id, string Anchor, string Code, string Text);

/// <summary>A footnote naming the returns an indicator's figures lack.</summary>
public sealed record PageNote(string Anchor, string Code, string Text);

/// <summary>A row of the returns received.</summary>
public sealed record SubmissionLine(
    string Agency,
    string Code,
    PageBadge State,
    string Due,
    string Received,
    string? Standing);

/// <summary>An Amber or Red action.</summary>
public sealed record ActionLine(string Agency, string Action, PageBadge Rag, string? Commentary, string? Recovery);

/// <summary>A risk of the register.</summary>
public sealed record RiskLine(
    int Score,
    string Agency,
    string? Description,
    string Scoring,
    string? Mitigation,
    string? Owner);

/// <summary>
/// A change to an agency's figure since an earlier release: the quarter, where, what it was and is, and why.
/// </summary>
public sealed record RevisionLine(
    string Quarter,
    string Indicator,
    string Agency,
    string Locality,
    string Was,
    string Now,
    string Why);

/// <summary>An agency's data quality queries, counted: how many were raised and how many explained.</summary>
public sealed record AgencyQueries(string Agency, string Code, int Raised, int Explained);

/// <summary>Everything the board page shows, as text ready to write (the template encodes it).</summary>
public sealed record BoardPage(
    string Partnership, string Period, string From, string To, string Compiled, string SmallCounts, string Symbol,
    IReadOnlyList<SummaryRow> Summary, IReadOnlyList<PageNote> Notes, IReadOnlyList<IndicatorCard> Indicators,
    IReadOnlyList<SubmissionLine> Submissions, PageBadge Red, int RedCount, PageBadge Amber, int AmberCount,
    PageBadge Green, int GreenCount,
    IReadOnlyList<ActionLine> Actions, IReadOnlyList<RiskLine> Risks,
    int QueryCount, int ExplainedCount, IReadOnlyList<AgencyQueries> Queries)
{
    /// <summary>The release's number for its quarter.</summary>
    public int Release { get; init; } = 1;

    /// <summary>"provisional" or "published".</summary>
    public string Status { get; init; } = "published";

    /// <summary>Whether the page carries the provisional banner.</summary>
    public bool Provisional => Status == "provisional";

    /// <summary>The Red indicators and the Amber ones worsening, with the actions that name them.</summary>
    public ExceptionList Exceptions { get; init; } = new([], []);

    /// <summary>The notes the warning marks link to, one per flagged indicator.</summary>
    public IReadOnlyList<PageFlag> Flags { get; init; } = [];

    /// <summary>The changes to agencies' figures since earlier releases.</summary>
    public IReadOnlyList<RevisionLine> Revisions { get; init; } = [];

    /// <summary>What the revisions section says when there are none.</summary>
    public string RevisionsNone => Release == 1
        ? "None: no earlier release published these quarters' figures otherwise."
        : "None since the earlier releases.";

    /// <summary>The chart's fixed geometry, for the template.</summary>
    public ChartFrame Frame { get; } = new();
}

/// <summary>The fixed geometry every chart shares.</summary>
public sealed record ChartFrame
{
    public int Width { get; } = TrendChart.Width;

    public int Height { get; } = TrendChart.Height;

    public int Left { get; } = TrendChart.Left;

    public int Right { get; } = TrendChart.Right;

    public int TickX { get; } = TrendChart.Left - 6;

    public int QuarterY { get; } = TrendChart.QuarterLabelY;

    public int YearY { get; } = TrendChart.YearLabelY;

    public int Top { get; } = TrendChart.PlotTop;

    public int Bottom { get; } = TrendChart.PlotBottom;
}
