using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Ingest;

/// <summary>
/// The load protocol that keeps a compile's read whole: a run's rows go under a load of its own, recorded as
/// Writing before the first row (<see cref="StartAsync"/>); one conditional transaction then moves the current
/// pointer to it and marks the load it replaces Superseded (<see cref="SwitchAsync"/>), the latest arrival winning;
/// a load that does not stand is discarded. <see cref="IsSettledAsync"/> tells a run of content already current
/// that it need only finish. <see cref="IngestReturn"/> orchestrates a run around these steps.
/// </summary>
public sealed class LoadProtocol(
    ISubmissionRecords records,
    LoadCleanup cleanup,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<LoadProtocol> logger)
{
    /// <summary>
    /// Records a new load of <paramref name="agency"/>'s <paramref name="period"/> as Writing, before any row.
    /// </summary>
    public Task<Load> StartAsync(
        ReportingPeriod period,
        string agency,
        string submissionId,
        CancellationToken cancellationToken) =>
        records.StartLoadAsync(period, agency, submissionId, time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Makes <paramref name="load"/> of <paramref name="submission"/> current unless a later arrival is, in one
    /// conditional transaction, read again on a race. Returns the load that stands for this content (this one, one
    /// a concurrent run of the same content made current, or none where a later arrival won) and the submission
    /// it replaced. A load that does not stand is discarded.
    /// </summary>
    public async Task<(string? StandingLoad, string? Supersedes)> SwitchAsync(
        Submission submission,
        Load load,
        Arrival arrival,
        CancellationToken cancellationToken)
    {
        string? supersedes = null;
        string? standingLoad = null;
        for (var attempt = 1; ; attempt++)
        {
            var current = await records.GetCurrentAsync(submission.Period, submission.Agency, cancellationToken);
            if (current?.SubmissionId == submission.Id)
            {
                // The same content is current already (a concurrent run of it, or this run's earlier try
                // that stopped after its switch): its rows stand, and this load is not needed.
                if (arrival > current.Arrival &&
                    !await records.TryMoveArrivalAsync(current, arrival, cancellationToken))
                {
                    continue;
                }

                standingLoad = current.LoadId;
                supersedes = (await records.FindAsync(
                    submission.Period,
                    submission.Agency,
                    submission.Id,
                    cancellationToken))?.Supersedes;
                break;
            }

            if (current is not null && current.Arrival > arrival)
            {
                break;
            }

            var switched = await records.TrySwitchAsync(
                load,
                current,
                submission.ReceivedAt,
                arrival,
                time.GetUtcNow(),
                cancellationToken);
            if (switched == SwitchResult.Switched)
            {
                standingLoad = load.Id;
                supersedes = current?.SubmissionId;
                break;
            }

            if (switched == SwitchResult.LoadNotWriting)
            {
                // Whatever the run wrote after the sweep cleared its load goes too, before the retry.
                await cleanup.DiscardAsync(load, cancellationToken);
                throw new InvalidOperationException(
                    $"Load {load.Id} of {submission.Agency} for {submission.Period} was given up by the sweep before " +
                    "it could be made current; the run will be retried.");
            }

            IngestLog.SwitchConflict(logger, submission.Agency, submission.Period.Key, submission.Id, attempt);
            if (attempt >= options.Value.SwitchAttempts)
            {
                throw new InvalidOperationException(
                    $"The current submission of {submission.Agency} for {submission.Period} kept changing during " +
                    $"{attempt} attempts to switch it to {submission.Id}; the run will be retried.");
            }
        }

        if (standingLoad != load.Id)
        {
            await cleanup.DiscardAsync(load, cancellationToken);
        }

        return (standingLoad, supersedes);
    }

    /// <summary>True when <paramref name="stored"/> names the load that is current, and this record another.</summary>
    public async Task<bool> StandsOverAsync(
        Submission stored,
        Submission submission,
        CancellationToken cancellationToken)
    {
        if (stored.LoadId is not { } storedLoad || storedLoad == submission.LoadId)
        {
            return false;
        }

        var current = await records.GetCurrentAsync(stored.Period, stored.Agency, cancellationToken);
        return current?.LoadId == storedLoad;
    }

    /// <summary>
    /// True when a run with the same content needs only finishing: the submission was refused against
    /// the reference data in force, or it is current under the load its record names (its arrival moved
    /// forward when this upload came later). An accepted submission since superseded by other content is
    /// processed again, so an agency can go back to an earlier file; so is one whose record was made
    /// before a switch that its run never recorded (it names no load, or another).
    /// </summary>
    public async Task<bool> IsSettledAsync(
        Submission earlier,
        Arrival arrival,
        string referenceVersion,
        CancellationToken cancellationToken)
    {
        if (earlier.Status == ReturnStatus.Rejected)
        {
            // Refused against other reference data (a code, a locality or a population added since):
            // the same file is checked again, as it may pass now.
            return earlier.ReferenceVersion == referenceVersion;
        }

        for (var attempt = 0; attempt < options.Value.SwitchAttempts; attempt++)
        {
            var current = await records.GetCurrentAsync(earlier.Period, earlier.Agency, cancellationToken);
            if (current?.SubmissionId != earlier.Id || current.LoadId != earlier.LoadId)
            {
                return false;
            }

            if (arrival <= current.Arrival || await records.TryMoveArrivalAsync(current, arrival, cancellationToken))
            {
                return true;
            }
        }

        // The pointer kept moving: process the file in full, which settles the order in the switch.
        return false;
    }

    /// <summary>
    /// Gives up a load after <paramref name="failure"/> stopped its run: its rows are removed, and a removal that
    /// fails too is logged, not thrown, so the run's own failure is what the caller sees.
    /// </summary>
    public async Task DiscardAfterFailureAsync(Load load, Exception failure)
    {
        try
        {
            await cleanup.DiscardAsync(load, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            IngestLog.DiscardFailed(logger, load.Id, load.Agency, load.Period.Key, failure.Message, e);
        }
    }
}
