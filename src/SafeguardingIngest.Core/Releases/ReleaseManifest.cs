namespace SafeguardingIngest.Releases;

/// <summary>A submission a release read: the agency's current return for one quarter of the series.</summary>
public sealed record ReleaseInput(string Agency, string Period, string Submission, DateTimeOffset ReceivedAt);

/// <summary>
/// A file of a release. <see cref="Public"/> files (the page, the csv and the csv's metadata) are the ones
/// to publish and go where the publishing role can read them; the rest are for the performance team.
/// </summary>
public sealed record ReleaseFile(string Name, bool Public, string Sha256, long Bytes);

/// <summary>
/// What a release is, written last of its files: its number for the quarter, when it was compiled, whether
/// its figures are provisional, what it read (the submissions and the catalogue, by hash, and one digest of
/// everything that decides its content), its files, the count of figures it showed, hid and revised, and the
/// indicators whose plan fell back to hiding their whole breakdown.
/// </summary>
public sealed record ReleaseManifest(
    string Partnership,
    string Period,
    int Number,
    DateTimeOffset CompiledAt,
    ReleaseStatus Status,
    string InputsDigest,
    string Catalogue,
    IReadOnlyList<ReleaseInput> Submissions,
    IReadOnlyList<ReleaseFile> Files,
    int FiguresShown,
    int FiguresHidden,
    int Revisions)
{
    /// <summary>
    /// The indicators whose disclosure audit could not pass figure by figure, so their whole breakdown is hidden,
    /// each with why ("CH01: TimeCap"); empty when every plan passed.
    /// </summary>
    public IReadOnlyList<string> Fallbacks { get; init; } = [];

    /// <summary>
    /// The file holding every disclosure decision (<see cref="ReleaseDecisions"/>), for the team only.
    /// </summary>
    public const string DecisionsFile = "disclosure-decisions.json";

    /// <summary>The manifest's own file name.</summary>
    public const string FileName = "manifest.json";

    /// <summary>How the release is named to people: "2025-26 Q2 release 3".</summary>
    public string Name =>
        $"{(Periods.ReportingPeriod.TryParse(Period, out var quarter) ? quarter.ToString() : Period)} release {Number}";
}
