using Microsoft.Azure.Functions.Worker;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Functions;

/// <summary>
/// Runs the uploads the trigger missed, on the schedule in the ReconcileSchedule setting (default every 10 minutes).
/// </summary>
public sealed class ReconcileUploadsFunction(ReconcileUploads reconcile)
{
    /// <summary>
    /// Uploads still in returns/ longer than Ingest:StaleUploadMinutes, and those on the trigger's poison
    /// queue, each ingested or quarantined; the performance team is told of any it had to rescue.
    /// </summary>
    [Function("ReconcileUploads")]
    public Task RunAsync([TimerTrigger("%ReconcileSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reconcile.RunAsync(cancellationToken);
}
