using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Ingest;

/// <summary>What a sweep removed.</summary>
public sealed record SweepResult(int Loads, int Rows, int Abandoned);

/// <summary>
/// Removes the rows of loads that are provably dead, and nothing else: a Superseded load (the
/// pointer moved past it in the same write that marked it, and never moves back), a Discarded load
/// (it never became current and its run no longer writes it), and, in the sweep, a Writing load
/// older than <see cref="IngestOptions.OrphanMinutes"/>, once a conditional write has moved it to
/// Discarded so that its run, were it still alive, can no longer make it current. The pointer is
/// read again right before any delete, so the current load's rows are never touched.
/// </summary>
public sealed class LoadCleanup(
    ISubmissionRecords records,
    IRowCleanup rows,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<LoadCleanup> logger)
{
    /// <summary>
    /// Clears the agency's superseded and discarded loads for the period (after a switch, or a run that lost); returns
    /// the rows removed.
    /// </summary>
    public async Task<int> ClearDeadAsync(ReportingPeriod period, string agency, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var load in await records.ListOpenLoadsAsync(period, agency, cancellationToken))
        {
            if (load.State is LoadState.Superseded or LoadState.Discarded)
            {
                removed += await ClearAsync(load, cancellationToken);
            }
        }

        return removed;
    }

    /// <summary>
    /// Gives up a load that will not become current (its return was refused, or another load stands) and removes its
    /// rows.
    /// </summary>
    public async Task<int> DiscardAsync(Load load, CancellationToken cancellationToken)
    {
        // If the sweep moved it first, it is Discarded all the same.
        await records.TryDiscardAsync(load, time.GetUtcNow(), cancellationToken);
        return await ClearAsync(load with { State = LoadState.Discarded }, cancellationToken);
    }

    /// <summary>
    /// The sweep, run on a schedule and by `sgi sweep`: every load left open, by a run that died before
    /// its switch (Writing, and started longer ago than the bound: the only kind whose run might still
    /// be alive, so the only kind that waits) or by one that stopped between its switch or discard and
    /// its own clean-up (Superseded or Discarded: dead whatever their age).
    /// </summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var bound = now - TimeSpan.FromMinutes(options.Value.OrphanMinutes);
        int loads = 0, removed = 0, abandoned = 0;
        foreach (var load in await records.ListOpenLoadsAsync(null, null, cancellationToken))
        {
            var dead = load;
            if (load.State == LoadState.Writing)
            {
                if (load.StartedAt > bound || !await records.TryDiscardAsync(load, now, cancellationToken))
                {
                    // Still within its run's lifetime, or its run moved it on since it was listed.
                    continue;
                }

                abandoned++;
                dead = load with { State = LoadState.Discarded };
            }

            removed += await ClearAsync(dead, cancellationToken);
            loads++;
        }

        CleanupLog.Swept(logger, loads, removed, abandoned, options.Value.OrphanMinutes);
        return new SweepResult(loads, removed, abandoned);
    }

    private async Task<int> ClearAsync(Load load, CancellationToken cancellationToken)
    {
        // Belt and braces: a superseded or discarded load is never current, but the pointer is the
        // readers' truth, so it is the last thing looked at before a delete.
        var current = await records.GetCurrentAsync(load.Period, load.Agency, cancellationToken);
        if (current?.LoadId == load.Id)
        {
            CleanupLog.SkippedCurrent(logger, load.Id, load.Agency, load.Period.Key, load.State);
            return 0;
        }

        var removed = await rows.DeleteRowsAsync(load, cancellationToken);
        await records.MarkClearedAsync(load, removed, time.GetUtcNow(), cancellationToken);
        if (removed > 0)
        {
            CleanupLog.Cleared(logger, removed, load.Id, load.State, load.Agency, load.Period.Key);
        }

        return removed;
    }
}

/// <summary>The clean-up's log lines.</summary>
internal static partial class CleanupLog
{
    [LoggerMessage(
        EventId = 1100,
        Level = LogLevel.Information,
        Message = "Removed {Rows} rows of {State} load {LoadId} of {Agency} for {Period}")]
    public static partial void Cleared(
        ILogger logger,
        int rows,
        string loadId,
        LoadState state,
        string agency,
        string period);

    [LoggerMessage(
        EventId = 1101,
        Level = LogLevel.Information,
        Message = "Sweep removed {Loads} dead loads ({Rows} rows), of which {Abandoned} were runs that never " +
            "finished; bound {Minutes} minutes")]
    public static partial void Swept(ILogger logger, int loads, int rows, int abandoned, int minutes);

    [LoggerMessage(
        EventId = 1102,
        Level = LogLevel.Error,
        Message = "Load {LoadId} of {Agency} for {Period} is {State} but the current pointer names it; its rows were " +
            "kept")]
    public static partial void SkippedCurrent(
        ILogger logger,
        string loadId,
        string agency,
        string period,
        LoadState state);
}
