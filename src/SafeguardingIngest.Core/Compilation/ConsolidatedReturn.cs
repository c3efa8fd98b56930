using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Submissions;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// One indicator's figures for one scope (the whole area, a locality or an agency). Values are
/// worked out from summed parts. Year to date: the sum for a cumulative count, the latest quarter
/// for a count of a position (such as open cases), the ratio of the sums for everything else.
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
    Direction? SinceLastYear);

/// <summary>A row of a breakdown: a locality or an agency.</summary>
public sealed record BreakdownRow(string Code, string Name, IndicatorFigures Figures);

/// <summary>Everything the board sees for one indicator.</summary>
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
    IReadOnlyList<BreakdownRow> Agencies);

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
    IReadOnlyDictionary<string, string> LocalityNames);
