using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Submissions;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// One indicator's figures for one scope (the whole area, a locality or an agency). Values are
/// worked out from summed parts; year to date follows the indicator's kind: the sum of the quarters
/// for a flow (a rate's population counted once), the quarter in hand for a stock. Each figure
/// carries its coverage; a change, a direction of travel or a RAG is worked out only where every
/// figure it compares is complete, and is null otherwise. The changes on last year are as shown
/// (<see cref="Travel.Change"/>): percentage points for a percentage, per cent for any other unit.
/// </summary>
public sealed record IndicatorFigures(
    double? Value,
    Ratio Parts,
    double? Previous,
    double? SameQuarterLastYear,
    Ratio SameQuarterLastYearParts,
    double? VariationOnLastYear,
    double? YearToDate,
    Ratio YearToDateParts,
    double? YearToDateLastYear,
    double? YearToDateVariation,
    Rag? Rag,
    Direction? SincePrevious,
    Direction? SinceLastYear)
{
    /// <summary>The returns this quarter's figure lacks.</summary>
    public Coverage Coverage { get; init; } = Coverage.Complete;

    /// <summary>The returns the previous quarter's figure lacks.</summary>
    public Coverage PreviousCoverage { get; init; } = Coverage.Complete;

    /// <summary>The returns the same quarter last year lacks.</summary>
    public Coverage LastYearCoverage { get; init; } = Coverage.Complete;

    /// <summary>The returns the year to date lacks (any of its quarters, for a flow).</summary>
    public Coverage YearToDateCoverage { get; init; } = Coverage.Complete;

    /// <summary>The returns last year's year to date lacks.</summary>
    public Coverage YearToDateLastYearCoverage { get; init; } = Coverage.Complete;

    /// <summary>
    /// Why nothing is compared with last year ("not comparable: definition changed in 2026-27"): the same
    /// quarter last year and last year's year to date lie before a series break; null where they compare.
    /// </summary>
    public string? NotComparableWithLastYear { get; init; }

    /// <summary>Why nothing is compared with the previous quarter (before a break); null where it compares.</summary>
    public string? NotComparableWithPrevious { get; init; }

    /// <summary>
    /// The owed returns missing from the figures that are there: a figure with nothing returned at all
    /// is no data, not an incomplete figure, so its gaps are not listed.
    /// </summary>
    public Coverage Lacking =>
        Gap(Value, Coverage).Plus(Gap(Previous, PreviousCoverage)).Plus(Gap(SameQuarterLastYear, LastYearCoverage))
            .Plus(Gap(YearToDate, YearToDateCoverage)).Plus(Gap(YearToDateLastYear, YearToDateLastYearCoverage));

    private static Coverage Gap(double? figure, Coverage coverage) => figure is null ? Coverage.Complete : coverage;
}

/// <summary>A row of a breakdown: a locality or an agency.</summary>
public sealed record BreakdownRow(string Code, string Name, IndicatorFigures Figures);

/// <summary>
/// Everything the board sees for one indicator. <see cref="Target"/> is the annual target;
/// <see cref="TargetToDate"/> what the year to date is held to (pro rata where the target is).
/// </summary>
public sealed record IndicatorResult(
    Indicator Indicator,
    IndicatorFigures Area,
    double? Target,
    double? TargetToDate,
    IReadOnlyList<ReportingPeriod> SeriesPeriods,
    IReadOnlyList<double?> Series,
    IReadOnlyList<Ratio> SeriesParts,
    Trend? Trend,
    IReadOnlyList<BreakdownRow> Localities,
    IReadOnlyList<BreakdownRow> Agencies)
{
    /// <summary>Each quarter of the series: the returns it lacks.</summary>
    public IReadOnlyList<Coverage> SeriesCoverage { get; init; } = [];

    /// <summary>
    /// The index in <see cref="SeriesPeriods"/> of the first quarter after a series break within the eight
    /// (the chart leaves a gap before it and marks it); null where the series has no break.
    /// </summary>
    public int? SeriesBreakIndex { get; init; }
}

/// <summary>A query on an accepted return, marked explained where the agency wrote commentary on that row.</summary>
public sealed record DataQualityQuery(string Agency, Finding Finding, bool Explained, string? Commentary);

/// <summary>The actions roll-up: counts by RAG, and every Amber and Red action with its recovery actions.</summary>
public sealed record ActionsSummary(int Red, int Amber, int Green, IReadOnlyList<AgencyItem<ActionItem>> AmberAndRed);

/// <summary>The consolidated quarterly return for the board.</summary>
public sealed record ConsolidatedReturn(
    string Partnership,
    ReportingPeriod Period,
    DateTimeOffset CompiledAt,
    IReadOnlyList<IndicatorResult> Indicators,
    IReadOnlyList<ReturnState> Submissions,
    IReadOnlyList<DataQualityQuery> Queries,
    ActionsSummary Actions,
    IReadOnlyList<AgencyItem<RiskItem>> Risks,
    IReadOnlyList<Observation> Observations,
    IReadOnlyDictionary<string, string> AgencyNames,
    IReadOnlyDictionary<string, string> LocalityNames)
{
    /// <summary>What the reference data sets the indicators beside, per indicator and year; empty where none.</summary>
    public IReadOnlyList<Comparators> Comparators { get; init; } = [];

    /// <summary>
    /// The observations of one indicator (its code compared ordinally), in the order of <see cref="Observations"/>:
    /// made one at a time where they are held packed, rather than all at once.
    /// </summary>
    public IEnumerable<Observation> ObservationsOf(string indicator) => PackedObservations.Of(Observations, indicator);
}
