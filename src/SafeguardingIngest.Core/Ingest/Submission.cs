using SafeguardingIngest.Periods;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Ingest;

/// <summary>
/// One processed upload. <see cref="Id"/> comes from the content's SHA-256, so the same content
/// for the same agency and period is always the same submission, however often it arrives.
/// </summary>
public sealed record Submission
{
    /// <summary>The submission's id: the first 24 hex digits of the content's SHA-256.</summary>
    public required string Id { get; init; }

    /// <summary>Agency code.</summary>
    public required string Agency { get; init; }

    /// <summary>The quarter it reports on.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>The upload's blob name in the returns container.</summary>
    public required string BlobName { get; init; }

    /// <summary>
    /// The version (ETag) of the upload that was read, so a page that uploaded it can tell its feedback from an earlier
    /// upload's.
    /// </summary>
    public string? UploadVersion { get; init; }

    /// <summary>SHA-256 of the content, hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Size in bytes.</summary>
    public required long Size { get; init; }

    /// <summary>
    /// When the return counts as received (and so on time or late): when storage took the upload (its blob
    /// version's time where the account keeps versions, else its last-modified second); the time an uploader
    /// declared, where backdated uploads are allowed (loading historic returns); or, for a refused return run
    /// again, when the original was received.
    /// </summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When it was processed.</summary>
    public required DateTimeOffset ProcessedAt { get; init; }

    /// <summary>The verdict.</summary>
    public required ReturnStatus Status { get; init; }

    /// <summary>Observations written (0 when refused).</summary>
    public int Rows { get; init; }

    /// <summary>Errors found.</summary>
    public int Errors { get; init; }

    /// <summary>Warnings found.</summary>
    public int Warnings { get; init; }

    /// <summary>The load holding its rows while it is, or was, current; null when refused.</summary>
    public string? LoadId { get; init; }

    /// <summary>The submission this one replaced as the agency's current one, if any.</summary>
    public string? Supersedes { get; init; }

    /// <summary>Where the feedback report is, in the feedback container (without extension).</summary>
    public required string FeedbackPath { get; init; }

    /// <summary>Where the original is kept: archive or quarantine container and blob name.</summary>
    public required string StoredAt { get; init; }

    /// <summary>The date the return was due.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>The version (ETag) of the reference data it was checked against, where known.</summary>
    public string? ReferenceVersion { get; init; }

    /// <summary>
    /// The version (ETag) of the stored record this was read from; null for one not yet recorded. A save
    /// succeeds only while the stored record is still this version (or, when null, while there is none).
    /// </summary>
    public string? Version { get; init; }

    /// <summary>True when it arrived after the due date, read in UK time.</summary>
    public bool IsLate => DueDate is { } due && UkTime.DateOf(ReceivedAt) > due;
}

/// <summary>
/// The pointer to an agency's current (accepted) submission for a period: the load whose rows readers
/// read, the arrival that put it there, and the version that guards the next switch.
/// </summary>
public sealed record CurrentSubmission(
    ReportingPeriod Period,
    string Agency,
    string SubmissionId,
    string LoadId,
    DateTimeOffset ReceivedAt,
    Arrival Arrival,
    string Version);
