using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Returns;

/// <summary>
/// Last quarter's values while a read from storage brings them: the return's rows are read and written
/// meanwhile, and only the check on quarterly change waits for <see cref="Read"/>.
/// </summary>
public sealed class PreviousValuesOnTheWay(Task<PreviousValues> read) : IPreviousValues
{
    /// <summary>The read, to await where its failure must surface even if no check needed it.</summary>
    public Task<PreviousValues> Read { get; } = read;

    /// <inheritdoc />
    public bool IsReady => Read.IsCompleted;

    /// <inheritdoc />
    /// <remarks>Blocks until the read has finished; the validator calls it from a thread of its own.</remarks>
    public double? Find(string agency, string indicator, string locality, ReportingPeriod period) =>
        Read.GetAwaiter().GetResult().Find(agency, indicator, locality, period);
}
