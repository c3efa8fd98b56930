using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// An owed return a figure lacks: the agency had none standing for that quarter (missing, refused, or not yet due).
/// </summary>
public sealed record MissingReturn(ReportingPeriod Period, string Agency);

/// <summary>
/// Which owed returns a figure rests on. A figure that lacks one is incomplete: it is shown, and
/// marked so, but a change, direction of travel or RAG worked out from it is not presented as real.
/// </summary>
public sealed record Coverage(IReadOnlyList<MissingReturn> Missing)
{
    /// <summary>Every owed return is in.</summary>
    public static Coverage Complete { get; } = new([]);

    /// <summary>True when no owed return is missing.</summary>
    public bool IsComplete => Missing.Count == 0;

    /// <summary>The returns lacking from either figure (for a sum of quarters).</summary>
    public Coverage Plus(Coverage other) =>
        other.IsComplete ? this : IsComplete ? other : new Coverage([
            .. Missing,
            .. other.Missing.Where(m => !Missing.Contains(m))]);

    /// <summary>The agencies lacking, each once, in order.</summary>
    public IReadOnlyList<string> Agencies =>
        Missing.Select(m => m.Agency).Distinct().Order(StringComparer.Ordinal).ToList();
}
