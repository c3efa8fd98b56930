using System.Globalization;
using System.Text;
using System.Text.Json;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Ingest;

/// <summary>
/// The report an agency gets back for each upload, as JSON for programs and as a self-contained
/// HTML page for people. Everything that came from the agency is encoded, never trusted as markup.
/// </summary>
public static class Feedback
{
    /// <summary>The JSON document: the submission's facts, then the validation report's fields.</summary>
    public static byte[] Json(Submission submission, ValidationReport report, string fileName, bool isCurrent)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ReportJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("submissionId", submission.Id);
            json.WriteString("receivedAt", submission.ReceivedAt);
            json.WriteString("processedAt", submission.ProcessedAt);
            json.WriteString("sha256", submission.Sha256);
            json.WriteNumber("size", submission.Size);
            json.WriteBoolean("current", isCurrent);
            ReportJson.WriteOptional(json, "supersedes", submission.Supersedes);
            ReportJson.WriteOptional(
                json,
                "dueDate",
                submission.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteBoolean("late", submission.IsLate);
            ReportJson.WriteOptional(json, "upload", submission.BlobName);
            ReportJson.WriteOptional(json, "uploadVersion", submission.UploadVersion);
            ReportJson.WriteFields(json, report, fileName);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The feedback for an upload whose content was processed before (the same file sent again): it
    /// points at the earlier submission's outcome, for a page waiting on this upload's feedback.
    /// </summary>
    public static byte[] AlreadyProcessedJson(Submission earlier, string blobName, string uploadVersion)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ReportJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("status", earlier.Status.ToString());
            json.WriteBoolean("alreadyProcessed", true);
            json.WriteString("submissionId", earlier.Id);
            json.WriteString("upload", blobName);
            json.WriteString("uploadVersion", uploadVersion);
            json.WriteString("message", AlreadyProcessedMessage(earlier));
            json.WriteNumber("errors", earlier.Errors);
            json.WriteNumber("warnings", earlier.Warnings);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Why an upload of content already processed found nothing new, in words for the person who sent it.
    /// </summary>
    public static string AlreadyProcessedMessage(Submission earlier)
    {
        var when = UkTime.Describe(earlier.ProcessedAt);
        return earlier.Status == ReturnStatus.Rejected
            ? $"This file is the same as one already checked on {when} and not accepted "
              + $"({Counted.Of(earlier.Errors, "error", "errors")}), "
              + "and the partnership's reference data has not changed since, so it was not checked again and "
              + "nothing new was found. The errors are listed in that file's feedback; correct them and send the "
              + "corrected file. Any earlier return that was accepted still stands."
            : $"This file is the same as submission {earlier.Id}, accepted on {when} and still your current return "
              + $"for {earlier.Period}; nothing has changed.";
    }

    /// <summary>
    /// A return's status in the words its feedback page uses ("Accepted", "Accepted with queries", "Not accepted"),
    /// for every place that shows a status to people.
    /// </summary>
    public static string Verdict(ReturnStatus status) => status switch
    {
        ReturnStatus.Accepted => "Accepted",
        ReturnStatus.AcceptedWithWarnings => "Accepted with queries",
        _ => "Not accepted",
    };

    /// <summary>A finding's severity in the feedback page's words: an "Error" refuses, a "Query" asks.</summary>
    public static string FindingKind(Severity severity) => severity == Severity.Error ? "Error" : "Query";

    /// <summary>
    /// The HTML page: verdict, what happens next, and a table of findings by sheet and cell, written through
    /// feedback.liquid (every value encoded).
    /// </summary>
    public static byte[] Html(
        Submission submission,
        ValidationReport report,
        string fileName,
        string partnershipName,
        bool isCurrent)
    {
        var verdict = Verdict(report.Status);
        var (css, next) = report.Status switch
        {
            ReturnStatus.Accepted => ("accepted", "Your return has been accepted. Nothing more is needed."),
            ReturnStatus.AcceptedWithWarnings => (
                "queries",
                "Your return has been accepted. Please answer the queries below, in Commentary in your next return "
                + "or by replying to the performance team."),
            _ => (
                "refused",
                "Your return has not been accepted. Correct every error below and upload the corrected file "
                + "to the same folder."),
        };
        if (report.IsAccepted && !isCurrent)
        {
            next = "A later upload for the same quarter had already been received, so that one stands; this file has " +
                "been kept on record.";
        }

        var model = new FeedbackPage(
            partnershipName, verdict, css, next, submission.Agency, submission.Period.ToString(), fileName,
            UkTime.Describe(submission.ReceivedAt) + (submission.IsLate ? " (after the due date)" : string.Empty),
            submission.Id, report.ObservationCount, report.ErrorCount, report.WarningCount,
            report.Findings.Select(f => new FeedbackFinding(
                f.Severity == Severity.Error ? "error" : "warning",
                FindingKind(f.Severity),
                f.Location ?? "whole file",
                f.Code,
                f.Advice)).ToList(),
            report.FindingsNotShown);
        return Encoding.UTF8.GetBytes(Reports.HtmlTemplates.Render("feedback.liquid", model));
    }
}

/// <summary>A finding as the feedback page lists it.</summary>
public sealed record FeedbackFinding(string Css, string Severity, string Where, string Code, string Message);

/// <summary>What the feedback page shows.</summary>
public sealed record FeedbackPage(
    string Partnership, string Verdict, string VerdictCss, string Next, string Agency, string Period, string FileName,
    string Received,
    string SubmissionId, int Figures, int Errors, int Queries, IReadOnlyList<FeedbackFinding> Findings, int NotShown);
