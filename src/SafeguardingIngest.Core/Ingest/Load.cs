using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Ingest;

/// <summary>
/// Where a load stands in its life cycle. Writing → Current → Superseded, or Writing → Discarded;
/// a superseded or discarded load's rows are then cleared. Only a load that is Superseded or
/// Discarded (and not the current pointer's) may lose its rows; a Writing load older than the
/// sweep's bound is first moved to Discarded by a conditional write, so its run can no longer switch to it.
/// </summary>
public enum LoadState
{
    /// <summary>A run is writing its rows (or died while writing them).</summary>
    Writing,

    /// <summary>The agency's current pointer names it; readers read its rows.</summary>
    Current,

    /// <summary>Was current; a later upload's load took its place in the same write that moved the pointer.</summary>
    Superseded,

    /// <summary>
    /// Never became current: its return was refused, a later upload already stood, the same content was already
    /// current, or the sweep gave up on its run.
    /// </summary>
    Discarded,
}

/// <summary>
/// One run's rows of a submission. Every run writes under a load id of its own, so a retry, a
/// duplicate delivery or a concurrent upload never writes into rows another run owns or reads, and
/// the rows of a load that stops being needed can be removed without touching anyone else's.
/// </summary>
public sealed record Load
{
    /// <summary>The quarter.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>Agency code.</summary>
    public required string Agency { get; init; }

    /// <summary>The load's id: the submission id, a dot and a random part (unique per run).</summary>
    public required string Id { get; init; }

    /// <summary>The submission (content) whose rows it holds.</summary>
    public required string SubmissionId { get; init; }

    /// <summary>Where it stands.</summary>
    public required LoadState State { get; init; }

    /// <summary>When its run started writing.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it was superseded or discarded; null while writing or current.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>When its rows were removed; null until then.</summary>
    public DateTimeOffset? ClearedAt { get; init; }

    /// <summary>The version (ETag) that guards a change of state.</summary>
    public required string Version { get; init; }

    /// <summary>A new load id for <paramref name="submissionId"/>.</summary>
    public static string NewId(string submissionId) =>
        $"{submissionId}.{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}";
}

/// <summary>What became of an attempt to make a load current.</summary>
public enum SwitchResult
{
    /// <summary>The pointer now names the load; the load it replaced is Superseded.</summary>
    Switched,

    /// <summary>Someone moved the pointer since it was read; read it again.</summary>
    PointerChanged,

    /// <summary>The load is no longer Writing (the sweep gave up on it); the run must start again.</summary>
    LoadNotWriting,
}
