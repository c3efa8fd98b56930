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

    /// <summary>
    /// What a release showed and hid, as a stream to read as it arrives (<see cref="EarlierDecisions.SpoolAsync"/>)
    /// rather than downloaded whole. The caller disposes it.
    /// </summary>
    Task<Stream> OpenDecisionsAsync(ReleaseManifest release, CancellationToken cancellationToken);

    /// <summary>One file of a release, by name.</summary>
    Task<byte[]> ReadFileAsync(ReleaseManifest release, string name, CancellationToken cancellationToken);

    /// <summary>
    /// The number the next release of <paramref name="period"/> takes: one past every release begun, finished or not.
    /// </summary>
    Task<int> NextNumberAsync(ReportingPeriod period, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a release whole: claims its number (two compiles cannot both write release n: the second gets
    /// a <see cref="ReleaseConflictException"/>), writes the files (<see cref="ReleaseDraft.ToWrite"/>, in order),
    /// then the manifest listing each file as written, then moves the pointer. A write that fails leaves no
    /// manifest and the pointer where it was. Returns the manifest and where each file went.
    /// </summary>
    Task<WrittenRelease> WriteAsync(ReleaseDraft draft, CancellationToken cancellationToken);
}

/// <summary>
/// A release ready to write: its manifest, its files' content and its decisions, held (<see cref="Decisions"/>) or
/// spooled as the plan made them (<see cref="Spool"/>). Where it streams files (<see cref="Streamed"/>), its
/// manifest lists no files until the store has written them. Disposing it removes the spool.
/// </summary>
public sealed record ReleaseDraft(
    ReleaseManifest Manifest,
    IReadOnlyList<Reports.ReportFile> Files,
    ReleaseDecisions? Decisions) : IDisposable
{
    /// <summary>The indicators whose plan fell back to hiding their whole breakdown, and why.</summary>
    public IReadOnlyList<Disclosure.DisclosureFallback> Fallbacks { get; init; } = [];

    /// <summary>Every file of the release, in order, where some are written as produced; else empty.</summary>
    public IReadOnlyList<Reports.StreamedFile> Streamed { get; init; } = [];

    /// <summary>
    /// The decisions, where they were written out as made rather than held (<see cref="Decisions"/> null).
    /// </summary>
    public DecisionSpool? Spool { get; init; }

    /// <summary>The files to write, in order: <see cref="Streamed"/>, or else <see cref="Files"/>.</summary>
    public IReadOnlyList<Reports.StreamedFile> ToWrite =>
        Streamed.Count > 0 ? Streamed : [.. Files.Select(Reports.StreamedFile.Of)];

    /// <summary>Writes the decisions file to <paramref name="output"/>, from the spool or the decisions held.</summary>
    public Task WriteDecisionsAsync(Stream output, CancellationToken cancellationToken) =>
        Spool is { } spool
            ? spool.CopyToAsync(output, cancellationToken)
            : ReleaseJson.WriteAsync(
                output,
                Decisions ?? throw new InvalidOperationException("A release draft holds its decisions or spools them."),
                cancellationToken);

    /// <inheritdoc />
    public void Dispose() => Spool?.Dispose();
}

/// <summary>
/// A release as written: its manifest (each file's hash and length as written), where its files went.
/// </summary>
public sealed record WrittenRelease(ReleaseManifest Manifest, IReadOnlyList<string> Locations);

/// <summary>Another compile wrote this release number first; the next run compiles again on top of it.</summary>
public sealed class ReleaseConflictException(string message) : Exception(message);
