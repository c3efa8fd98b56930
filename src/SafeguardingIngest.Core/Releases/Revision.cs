namespace SafeguardingIngest.Releases;

/// <summary>
/// A figure this release gives otherwise than the latest earlier release that had it: the earlier and the
/// new decision (each hidden or shown), and why it changed, in words.
/// </summary>
public sealed record Revision(FigureDecision Earlier, FigureDecision Now, string Why)
{
    /// <summary>The figure's key.</summary>
    public string Key => Now.Key;
}
