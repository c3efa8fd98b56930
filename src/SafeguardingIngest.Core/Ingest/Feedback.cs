using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
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
            ReportJson.WriteOptional(json, "dueDate", submission.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteBoolean("late", submission.IsLate);
            ReportJson.WriteFields(json, report, fileName);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The HTML page: verdict, what happens next, and a table of findings by sheet and cell.</summary>
    public static byte[] Html(Submission submission, ValidationReport report, string fileName, string partnershipName, bool isCurrent)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
        var (verdict, colour, next) = report.Status switch
        {
            ReturnStatus.Accepted => ("Accepted", "#00703c", "Your return has been accepted. Nothing more is needed."),
            ReturnStatus.AcceptedWithWarnings => ("Accepted with queries", "#b35c00", "Your return has been accepted. Please answer the queries below, in Commentary in your next return or by replying to the performance team."),
            _ => ("Not accepted", "#d4351c", "Your return has not been accepted. Correct every error below and upload the corrected file to the same folder."),
        };
        if (report.IsAccepted && !isCurrent)
        {
            next = "A later upload for the same quarter had already been received, so that one stands; this file has been kept on record.";
        }

        var received = submission.ReceivedAt.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) + (submission.IsLate ? " (after the due date)" : string.Empty);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(verdict)}}: {{E(submission.Agency)}} {{E(submission.Period.ToString())}} return</title>
            <style>
            body{font-family:Arial,Helvetica,sans-serif;margin:2rem;color:#0b0c0c;max-width:70rem}
            .verdict{display:inline-block;padding:.3rem .8rem;color:#fff;font-weight:bold;background:{{colour}}}
            table{border-collapse:collapse;width:100%;margin-top:1rem}th,td{border:1px solid #b1b4b6;padding:.4rem;text-align:left;vertical-align:top}
            th{background:#f3f2f1}.error{color:#d4351c;font-weight:bold}.warning{color:#b35c00;font-weight:bold}
            dl{display:grid;grid-template-columns:12rem auto;gap:.2rem 1rem}dt{font-weight:bold}
            @media print{body{margin:0}.verdict{border:2px solid {{colour}};color:{{colour}};background:none} }
            </style></head><body>
            <h1>{{E(partnershipName)}}: quarterly return</h1>
            <p class="verdict" role="status">{{E(verdict)}}</p>
            <p>{{E(next)}}</p>
            <dl>
            <dt>Agency</dt><dd>{{E(submission.Agency)}}</dd>
            <dt>Period</dt><dd>{{E(submission.Period.ToString())}}</dd>
            <dt>File</dt><dd>{{E(fileName)}}</dd>
            <dt>Received</dt><dd>{{E(received)}}</dd>
            <dt>Submission</dt><dd>{{E(submission.Id)}}</dd>
            <dt>Figures read</dt><dd>{{report.ObservationCount.ToString(CultureInfo.InvariantCulture)}}</dd>
            <dt>Errors</dt><dd>{{report.ErrorCount.ToString(CultureInfo.InvariantCulture)}}</dd>
            <dt>Queries</dt><dd>{{report.WarningCount.ToString(CultureInfo.InvariantCulture)}}</dd>
            </dl>
            """);;
        if (report.Findings.Count > 0)
        {
            html.Append("<table><caption>Findings</caption><thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Where</th><th scope=\"col\">Rule</th><th scope=\"col\">What to do</th></tr></thead><tbody>\n");
            foreach (var finding in report.Findings)
            {
                var severity = finding.Severity == Severity.Error ? "error" : "warning";
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"{severity}\">{(finding.Severity == Severity.Error ? "Error" : "Query")}</td><td>{E(finding.Location ?? "whole file")}</td><td><code>{E(finding.Code)}</code></td><td>{E(finding.Message)}</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
            if (report.FindingsNotShown > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>… and {report.FindingsNotShown} more findings not shown. Fix those above and upload again to see the rest.</p>\n");
            }
        }

        html.Append("</body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
