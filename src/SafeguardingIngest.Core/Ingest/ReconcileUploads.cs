using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SafeguardingIngest.Ingest;

/// <summary>What a reconcile run found and did with it.</summary>
public sealed record ReconcileResult(IReadOnlyList<IngestOutcome> Rescued, IReadOnlyList<string> StillFailing);

/// <summary>
/// Finds the uploads the trigger missed and runs them: those still in the returns container longer
/// than <see cref="IngestOptions.StaleUploadMinutes"/> after they were written (an event lost on the
/// way) and those on the trigger's poison queue (runs that failed until the host gave up). Each is
/// run through IngestReturn, so it is ingested or quarantined as the trigger would have, and the
/// performance team is told of every upload that had to be rescued.
/// </summary>
public sealed partial class ReconcileUploads(
    IReturnFiles files,
    IPoisonUploads poison,
    IngestReturn ingest,
    Notifications.INotifier notifier,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<ReconcileUploads> logger)
{
    /// <summary>Poison messages taken in one run; more wait for the next.</summary>
    public const int MaxPoisonMessages = 32;

    /// <summary>One run: every stale upload and every poisoned one, each ingested once.</summary>
    public async Task<ReconcileResult> RunAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.StaleUploadMinutes);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var name in files.ListUploadsWrittenBeforeAsync(before, cancellationToken))
        {
            names.Add(name);
        }

        var poisoned = await poison.TakeAsync(MaxPoisonMessages, cancellationToken);
        names.UnionWith(poisoned.Select(p => p.BlobName));

        var rescued = new List<IngestOutcome>();
        var failing = new List<string>();
        foreach (var name in names)
        {
            try
            {
                var outcome = await ingest.RunAsync(name, cancellationToken);
                if (outcome.Result != IngestResult.NotFound)
                {
                    rescued.Add(outcome);
                    Rescued(logger, name, outcome.Result);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left where it is (and its poison message comes back): the next run tries again.
                failing.Add(name);
                StillFailing(logger, name, e);
                continue;
            }

            foreach (var message in poisoned.Where(p => p.BlobName == name))
            {
                await poison.RemoveAsync(message, cancellationToken);
            }
        }

        if (rescued.Count > 0 || failing.Count > 0)
        {
            await notifier.NotifyAsync(Notifications.Notifications.Rescued(rescued, failing), cancellationToken);
        }

        return new ReconcileResult(rescued, failing);
    }

    [LoggerMessage(
        EventId = 1300,
        Level = LogLevel.Warning,
        Message = "Upload {Blob} was missed by the trigger and run by the reconciler: {Outcome}")]
    private static partial void Rescued(ILogger logger, string blob, IngestResult outcome);

    [LoggerMessage(
        EventId = 1301,
        Level = LogLevel.Error,
        Message = "Upload {Blob} failed again in the reconciler; it is left for the next run")]
    private static partial void StillFailing(ILogger logger, string blob, Exception exception);
}
