using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Releases;

/// <summary>
/// Where releases are kept. A release is written whole and never changed: its files, then its manifest,
/// then the quarter's latest pointer, which only moves forward; so a reader that follows the pointer sees
/// one complete set. Public files are kept apart from the team's.
/// </summary>
public interface IReleaseStore
{
    /// <summary>
    /// The releases of <paramref name="period"/> (every quarter's where null), oldest first; only complete ones.
    /// </summary>
    Task<IReadOnlyList<ReleaseManifest>> ListAsync(ReportingPeriod? period, CancellationToken cancellationToken);

    /// <summary>The release the quarter's latest pointer names, or null before its first.</summary>
    Task<ReleaseManifest?> LatestAsync(ReportingPeriod period, CancellationToken cancellationToken);

    /// <summary>What a release showed and hid.</summary>
    Task<ReleaseDecisions> ReadDecisionsAsync(ReleaseManifest release, CancellationToken cancellationToken);

    /// <summary>One file of a release, by name.</summary>
    Task<byte[]> ReadFileAsync(ReleaseManifest release, string name, CancellationToken cancellationToken);

    /// <summary>
    /// The number the next release of <paramref name="period"/> takes: one past every release begun, finished or not.
    /// </summary>
    Task<int> NextNumberAsync(ReportingPeriod period, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a release whole: claims its number (two compiles cannot both write release n: the second gets
    /// a <see cref="ReleaseConflictException"/>), writes the files, then the manifest, then moves the pointer.
    /// Returns where each file went.
    /// </summary>
    Task<IReadOnlyList<string>> WriteAsync(ReleaseDraft draft, CancellationToken cancellationToken);
}

/// <summary>A release ready to write: its manifest, its files' content and its decisions.</summary>
public sealed record ReleaseDraft(
    ReleaseManifest Manifest,
    IReadOnlyList<Reports.ReportFile> Files,
    ReleaseDecisions Decisions)
{
    /// <summary>The indicators whose plan fell back to hiding their whole breakdown, and why.</summary>
    public IReadOnlyList<Disclosure.DisclosureFallback> Fallbacks { get; init; } = [];
}

/// <summary>Another compile wrote this release number first; the next run compiles again on top of it.</summary>
public sealed class ReleaseConflictException(string message) : Exception(message);
