using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Compilation;

/// <summary>Which periods changed since their last compile: a watermark per period.</summary>
public interface ICompileWatermarks
{
    /// <summary>
    /// Records that what a period's compile reads changed at <paramref name="at"/>. The mark never moves
    /// back: where the stored mark is already as late (a clock behind, or a slow run), it moves one
    /// tick past it instead, so the change is never hidden from the next compile.
    /// </summary>
    Task MarkChangedAsync(ReportingPeriod period, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Periods changed since their last compile, with the latest change seen.</summary>
    Task<IReadOnlyList<(ReportingPeriod Period, DateTimeOffset Changed)>> PendingAsync(
        CancellationToken cancellationToken);

    /// <summary>
    /// Records a compile of <paramref name="period"/> that included every change up to <paramref name="changedAsOf"/>;
    /// never moves that mark back.
    /// </summary>
    Task MarkCompiledAsync(
        ReportingPeriod period,
        DateTimeOffset? changedAsOf,
        DateTimeOffset compiledAt,
        CancellationToken cancellationToken);
}
