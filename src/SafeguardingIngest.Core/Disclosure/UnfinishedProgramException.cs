namespace SafeguardingIngest.Disclosure;

/// <summary>
/// A linear program stopped at its pivot cap before it found its answer. An
/// <see cref="InvalidOperationException"/>, as a contradiction is, so that any caller that takes a
/// program it cannot solve as unsafe takes this one as unsafe too.
/// </summary>
public sealed class UnfinishedProgramException : InvalidOperationException
{
    /// <summary>A program stopped at its cap.</summary>
    public UnfinishedProgramException()
        : base("The audit's linear program reached its pivot cap before it finished.")
    {
    }

    /// <summary>A program stopped at its cap, as <paramref name="message"/> says.</summary>
    public UnfinishedProgramException(string message)
        : base(message)
    {
    }

    /// <summary>A program stopped by <paramref name="innerException"/>.</summary>
    public UnfinishedProgramException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
