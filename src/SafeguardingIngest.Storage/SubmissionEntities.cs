using System.Globalization;
using Azure.Data.Tables;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Storage;

/// <summary>
/// The rows of the Submissions table (PartitionKey the period): sub|{agency}|{submission} a processed
/// upload, current|{agency} the pointer readers follow, load|{agency}|{load} a load's life cycle.
/// </summary>
internal static class SubmissionEntities
{
    public const string SubmissionPrefix = "sub";
    public const string CurrentPrefix = "current";
    public const string LoadPrefix = "load";

    public static string SubmissionKey(string agency, string submissionId) =>
        TableKey.Join(SubmissionPrefix, agency, submissionId);

    public static string CurrentKey(string agency) => TableKey.Join(CurrentPrefix, agency);

    public static string LoadKey(string agency, string loadId) => TableKey.Join(LoadPrefix, agency, loadId);

    public static TableEntity Submission(Submission submission) =>
        new(submission.Period.Key, SubmissionKey(submission.Agency, submission.Id))
    {
        ["Kind"] = "submission",
        ["Agency"] = submission.Agency,
        ["Period"] = submission.Period.ToString(),
        ["SubmissionId"] = submission.Id,
        ["BlobName"] = submission.BlobName,
        ["UploadVersion"] = submission.UploadVersion,
        ["Sha256"] = submission.Sha256,
        ["Size"] = submission.Size,
        ["ReceivedAt"] = submission.ReceivedAt,
        ["ProcessedAt"] = submission.ProcessedAt,
        ["Status"] = submission.Status.ToString(),
        ["Rows"] = submission.Rows,
        ["Errors"] = submission.Errors,
        ["Warnings"] = submission.Warnings,
        ["LoadId"] = submission.LoadId,
        ["Supersedes"] = submission.Supersedes,
        ["FeedbackPath"] = submission.FeedbackPath,
        ["StoredAt"] = submission.StoredAt,
        ["DueDate"] = submission.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ReferenceVersion"] = submission.ReferenceVersion,
    };

    public static TableEntity Current(
        ReportingPeriod period,
        string agency,
        string submissionId,
        string loadId,
        DateTimeOffset receivedAt,
        Arrival arrival) => new(period.Key, CurrentKey(agency))
    {
        ["Kind"] = "current",
        ["Agency"] = agency,
        ["SubmissionId"] = submissionId,
        ["LoadId"] = loadId,
        ["ReceivedAt"] = receivedAt,
        ["Arrival"] = arrival.Key,
    };

    /// <summary>
    /// A load's record; <c>Open</c> is true while its rows may still need removing (Writing, or ended and not yet
    /// cleared).
    /// </summary>
    public static TableEntity Load(
        ReportingPeriod period,
        string agency,
        string loadId,
        string submissionId,
        LoadState state) => new(period.Key, LoadKey(agency, loadId))
    {
        ["Kind"] = "load",
        ["Agency"] = agency,
        ["LoadId"] = loadId,
        ["SubmissionId"] = submissionId,
        ["State"] = state.ToString(),
        ["Open"] = state != LoadState.Current,
    };

    public static Submission ToSubmission(TableEntity e) => new()
    {
        Id = e.GetString("SubmissionId"),
        Agency = e.GetString("Agency"),
        Period = ReportingPeriod.Parse(e.PartitionKey),
        BlobName = e.GetString("BlobName"),
        UploadVersion = e.GetString("UploadVersion"),
        Sha256 = e.GetString("Sha256"),
        Size = e.GetInt64("Size") ?? 0,
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default,
        ProcessedAt = e.GetDateTimeOffset("ProcessedAt") ?? default,
        Status = Enum.Parse<ReturnStatus>(e.GetString("Status")),
        Rows = e.GetInt32("Rows") ?? 0,
        Errors = e.GetInt32("Errors") ?? 0,
        Warnings = e.GetInt32("Warnings") ?? 0,
        LoadId = e.GetString("LoadId"),
        Supersedes = e.GetString("Supersedes"),
        FeedbackPath = e.GetString("FeedbackPath"),
        StoredAt = e.GetString("StoredAt"),
        DueDate = e.GetString("DueDate") is { } due
            ? DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null,
        ReferenceVersion = e.GetString("ReferenceVersion"),
        Version = e.ETag.ToString(),
    };

    /// <summary>
    /// A pointer; one written before loads were kept names its submission's rows by the submission id.
    /// </summary>
    public static CurrentSubmission ToCurrent(TableEntity e)
    {
        var submissionId = e.GetString("SubmissionId");
        var receivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default;
        return new CurrentSubmission(
            ReportingPeriod.Parse(e.PartitionKey),
            e.GetString("Agency"),
            submissionId,
            e.GetString("LoadId") ?? submissionId,
            receivedAt,
            Arrival.Parse(e.GetString("Arrival"), receivedAt), e.ETag.ToString());
    }

    public static Load ToLoad(TableEntity e)
    {
        var ended = e.GetDateTimeOffset("EndedAt");
        return new Load
        {
            Period = ReportingPeriod.Parse(e.PartitionKey),
            Agency = e.GetString("Agency"),
            Id = e.GetString("LoadId"),
            SubmissionId = e.GetString("SubmissionId"),
            State = Enum.Parse<LoadState>(e.GetString("State")),
            StartedAt = e.GetDateTimeOffset("StartedAt") ?? ended ?? default,
            EndedAt = ended,
            ClearedAt = e.GetDateTimeOffset("ClearedAt"),
            Version = e.ETag.ToString(),
        };
    }
}
