using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Ingest;

/// <summary>Submission records, the agencies' current pointers and the life cycle of every load.</summary>
public interface ISubmissionRecords
{
    /// <summary>A recorded submission, or null.</summary>
    Task<Submission?> FindAsync(
        ReportingPeriod period,
        string agency,
        string submissionId,
        CancellationToken cancellationToken);

    /// <summary>
    /// Records a submission, or re-records it over the stored record it was read from: only if the stored
    /// record is still <see cref="Submission.Version"/> (created only if there is none, when that is null).
    /// False, and nothing written, when another run recorded it since.
    /// </summary>
    Task<bool> TrySaveAsync(Submission submission, CancellationToken cancellationToken);

    /// <summary>Every submission recorded for a period, all agencies.</summary>
    Task<IReadOnlyList<Submission>> ListAsync(ReportingPeriod period, CancellationToken cancellationToken);

    /// <summary>The agency's current submission for the period, or null.</summary>
    Task<CurrentSubmission?> GetCurrentAsync(
        ReportingPeriod period,
        string agency,
        CancellationToken cancellationToken);

    /// <summary>Every agency's current submission for the period.</summary>
    Task<IReadOnlyList<CurrentSubmission>> ListCurrentAsync(
        ReportingPeriod period,
        CancellationToken cancellationToken);

    /// <summary>
    /// Records a new load of <paramref name="submissionId"/> as Writing, before any of its rows is written.
    /// </summary>
    Task<Load> StartLoadAsync(
        ReportingPeriod period,
        string agency,
        string submissionId,
        DateTimeOffset startedAt,
        CancellationToken cancellationToken);

    /// <summary>A load's record, or null.</summary>
    Task<Load?> GetLoadAsync(ReportingPeriod period, string agency, string loadId, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: points the agency's current submission at <paramref name="load"/> (only if
    /// the pointer is still <paramref name="expected"/>; null: there is none yet), moves the load from
    /// Writing to Current (only if it is still Writing), and marks the load it replaces Superseded.
    /// </summary>
    Task<SwitchResult> TrySwitchAsync(
        Load load,
        CurrentSubmission? expected,
        DateTimeOffset receivedAt,
        Arrival arrival,
        DateTimeOffset at,
        CancellationToken cancellationToken);

    /// <summary>
    /// Moves the pointer's arrival forward to <paramref name="arrival"/>, its load and receipt time unchanged (the same
    /// content uploaded again later), only if the pointer is still <paramref name="current"/>.
    /// </summary>
    Task<bool> TryMoveArrivalAsync(CurrentSubmission current, Arrival arrival, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a load from Writing to Discarded, only if it is still the version read; false when it is not.
    /// </summary>
    Task<bool> TryDiscardAsync(Load load, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a superseded or discarded load's rows are gone, only if its record still says it is
    /// Superseded or Discarded (a conditional write); false, and the record left open, when it does not.
    /// </summary>
    Task<bool> MarkClearedAsync(Load load, int rows, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Loads whose rows may still need removing: Writing, and Superseded or Discarded but not yet
    /// cleared. One agency's in one period, or (both null) every period's.
    /// </summary>
    Task<IReadOnlyList<Load>> ListOpenLoadsAsync(
        ReportingPeriod? period,
        string? agency,
        CancellationToken cancellationToken);
}
