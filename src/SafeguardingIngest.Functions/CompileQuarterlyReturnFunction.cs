using Microsoft.Azure.Functions.Worker;
using SafeguardingIngest.Compilation;

namespace SafeguardingIngest.Functions;

/// <summary>
/// Compiles the consolidated quarterly return on the schedule in the CompileSchedule setting (default 06:00 daily).
/// </summary>
public sealed class CompileQuarterlyReturnFunction(CompileQuarterlyReturn compile)
{
    /// <summary>
    /// The current reporting period, and every period whose submissions changed since its last
    /// compile; a failed run is retried with back-off before the next schedule.
    /// </summary>
    [Function("CompileQuarterlyReturn")]
    [ExponentialBackoffRetry(3, "00:00:30", "00:10:00")]
    public Task RunAsync([TimerTrigger("%CompileSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        compile.RunScheduledAsync(cancellationToken);
}
