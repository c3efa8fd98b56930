using Microsoft.Azure.Functions.Worker;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Functions;

/// <summary>
/// Removes rows that runs left behind, on the schedule in the SweepSchedule setting (default hourly, at half past).
/// </summary>
public sealed class SweepOrphanRowsFunction(LoadCleanup cleanup)
{
    /// <summary>
    /// Loads of runs that died before their switch (once started longer ago than Ingest:OrphanMinutes),
    /// and superseded or discarded loads whose own clean-up never ran; the count goes to the log.
    /// </summary>
    [Function("SweepOrphanRows")]
    [ExponentialBackoffRetry(3, "00:00:30", "00:10:00")]
    public Task RunAsync([TimerTrigger("%SweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        cleanup.SweepAsync(cancellationToken);
}
