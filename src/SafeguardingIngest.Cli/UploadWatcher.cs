using Microsoft.Extensions.Logging;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Cli;

/// <summary>
/// The blob trigger's work without Event Grid, for `sgi watch` on a local store such as Azurite: every few seconds
/// it lists the uploads waiting in the returns container and runs IngestReturn on each, as the
/// Functions host would on each blob-created event; a run that throws is tried again on the next
/// pass, up to <see cref="MaxTries"/> times, as the host retries; and the consolidated return is
/// compiled on the schedule, as the timer function compiles it.
/// </summary>
internal sealed partial class UploadWatcher(
    IReturnFiles files,
    IngestReturn ingest,
    CompileQuarterlyReturn compile,
    TimeProvider time,
    ILogger<UploadWatcher> logger)
{
    /// <summary>Tries at one upload before it is left in the returns container for a person to look at.</summary>
    public const int MaxTries = 5;

    private readonly Dictionary<string, int> _tries = new(StringComparer.Ordinal);

    /// <summary>One pass: every upload waiting is ingested; returns the outcomes.</summary>
    public async Task<IReadOnlyList<IngestOutcome>> PassAsync(CancellationToken cancellationToken)
    {
        var outcomes = new List<IngestOutcome>();
        var waiting = new List<string>();
        await foreach (var name in files.ListUploadsAsync(cancellationToken))
        {
            waiting.Add(name);
        }

        foreach (var name in waiting)
        {
            if (_tries.GetValueOrDefault(name) >= MaxTries)
            {
                continue;
            }

            try
            {
                outcomes.Add(await ingest.RunAsync(name, cancellationToken));
                _tries.Remove(name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // As the host does: log, and try again on a later pass.
                var tries = _tries[name] = _tries.GetValueOrDefault(name) + 1;
                RunFailed(logger, name, tries, MaxTries, e);
            }
        }

        return outcomes;
    }

    /// <summary>
    /// Watches until cancelled: a pass every <paramref name="interval"/>, each outcome handed to
    /// <paramref name="report"/>, and a scheduled compile whenever <paramref name="schedule"/> comes round.
    /// </summary>
    public async Task RunAsync(
        TimeSpan interval,
        CronSchedule schedule,
        Action<IngestOutcome> report,
        CancellationToken cancellationToken)
    {
        var nextCompile = schedule.Next(time.GetUtcNow());
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                foreach (var outcome in await PassAsync(cancellationToken))
                {
                    report(outcome);
                }

                if (time.GetUtcNow() >= nextCompile)
                {
                    await compile.RunScheduledAsync(cancellationToken);
                    nextCompile = schedule.Next(time.GetUtcNow());
                }

                await Task.Delay(interval, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(
        EventId = 1200,
        Level = LogLevel.Warning,
        Message = "Ingesting {Blob} failed on try {Try} of {MaxTries}; it will be tried again on the next pass")]
    private static partial void RunFailed(ILogger logger, string blob, int @try, int maxTries, Exception exception);
}
