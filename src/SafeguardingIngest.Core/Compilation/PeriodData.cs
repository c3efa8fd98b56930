using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Compilation;

/// <summary>Something an agency returned, with the agency it came from.</summary>
public sealed record AgencyItem<T>(string Agency, T Item);

/// <summary>A warning on an accepted return: a query back to the agency.</summary>
public sealed record AgencyQuery(string Agency, string SubmissionId, Finding Finding);

/// <summary>What the current submissions of every agency hold for one period.</summary>
public sealed record PeriodData(
    ReportingPeriod Period,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<AgencyItem<ActionItem>> Actions,
    IReadOnlyList<AgencyItem<RiskItem>> Risks,
    IReadOnlyList<AgencyQuery> Queries)
{
    /// <summary>A period with nothing returned.</summary>
    public static PeriodData Empty(ReportingPeriod period) => new(period, [], [], [], []);
}
