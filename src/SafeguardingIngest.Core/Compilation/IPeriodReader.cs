using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// Reads what the agencies' current submissions hold. A read sees each agency's old submission or
/// its new one, never a mix or nothing: a pointer that moved while its rows were read is read again.
/// </summary>
public interface IPeriodReader
{
    /// <summary>
    /// What every agency's current submission holds for a period: observations, actions, risks and queries.
    /// </summary>
    Task<PeriodData> ReadPeriodAsync(ReportingPeriod period, CancellationToken cancellationToken);

    /// <summary>The observations of every agency's current submission for a period (one agency's when given).</summary>
    Task<IReadOnlyList<Observation>> ReadCurrentObservationsAsync(
        ReportingPeriod period,
        string? agency,
        CancellationToken cancellationToken);

    /// <summary>
    /// The figures alone (indicator, locality, value) of one agency's current submission for a period: what
    /// the check on quarterly change compares a new return with, read without the rest of each row.
    /// </summary>
    Task<PreviousValues> ReadCurrentValuesAsync(
        ReportingPeriod period, string agency, CancellationToken cancellationToken);
}
