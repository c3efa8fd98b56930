using System.Globalization;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Submissions;

namespace SafeguardingIngest.Notifications;

/// <summary>The things the performance team hears about, in words.</summary>
public static class Notifications
{
    /// <summary>A quarter's consolidated return was written.</summary>
    public static Notification Compiled(CompileOutcome outcome)
    {
        var report = outcome.Report;
        var states = report.Submissions;
        var outstanding = states
            .Where(s => s.State is ReturnStateKind.Missing or ReturnStateKind.Refused)
            .Select(s => s.Agency)
            .ToList();
        var incomplete = report.Indicators.Count(i => !i.Area.Lacking.IsComplete);
        return new Notification(
            "compiled",
            $"Consolidated return for {outcome.Period} compiled",
            $"The consolidated quarterly return for {outcome.Period} was compiled at " +
            $"{Periods.UkTime.Describe(report.CompiledAt)}: {report.Indicators.Count} indicators, " +
            $"{incomplete} of them lacking an owed return.",
            [
                new("Period", outcome.Period.ToString()),
                new("Release", $"{outcome.Release.Number} ({outcome.Release.Status.ToString().ToLowerInvariant()}), " +
                    $"{outcome.Release.Revisions} figures revised since earlier releases"),
                new(
                    "Returns on time",
                    states.Count(s => s.State == ReturnStateKind.OnTime).ToString(CultureInfo.InvariantCulture)),
                new(
                    "Returns late",
                    states.Count(s => s.State == ReturnStateKind.Late).ToString(CultureInfo.InvariantCulture)),
                new("Returns missing or refused", outstanding.Count == 0 ? "none" : string.Join(", ", outstanding)),
                new("Reports", string.Join(", ", outcome.Written)),
            ]);
    }

    /// <summary>An agency's return was refused.</summary>
    public static Notification Refused(Submission submission) => new(
        "refused",
        $"Return from {submission.Agency} for {submission.Period} refused",
        $"The return {Path.GetFileName(submission.BlobName)} from {submission.Agency} for {submission.Period} was " +
        $"refused with {submission.Errors} errors; the agency has its feedback.",
        [
            new("Agency", submission.Agency),
            new("Period", submission.Period.ToString()),
            new("Errors", submission.Errors.ToString(CultureInfo.InvariantCulture)),
            new("Feedback", $"feedback/{submission.FeedbackPath}.html"),
        ]);

    /// <summary>A quarter's due date has passed with returns missing.</summary>
    public static Notification Overdue(
        Periods.ReportingPeriod period,
        DateOnly due,
        IReadOnlyList<ReturnState> outstanding) => new(
        "overdue",
        $"Returns overdue for {period}",
        $"Returns for {period} were due on {due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}; " +
        $"{outstanding.Count} have not come in or were refused.",
        [
            new("Period", period.ToString()),
            new("Due", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new(
                "Outstanding",
                string.Join(", ", outstanding.Select(s => $"{s.AgencyName} ({s.Agency}): {s.Describe()}"))),
        ]);

    /// <summary>
    /// Uploads the trigger missed (an event lost, or retries given up) that the reconciler had to run.
    /// </summary>
    public static Notification Rescued(IReadOnlyList<IngestOutcome> rescued, IReadOnlyList<string> failing) => new(
        "rescued",
        $"{rescued.Count} uploads missed by the trigger were run by the reconciler",
        $"{rescued.Count} uploads had waited in the returns container or on the poison queue and were run now; "
        + $"{failing.Count} failed again and will be tried on the next run.",
        [
            new("Rescued", rescued.Count == 0 ? "none" : string.Join(", ", rescued.Select(o =>
                $"{o.Submission?.BlobName ?? "?"} ({o.Result})"))),
            new("Still failing", failing.Count == 0 ? "none" : string.Join(", ", failing)),
        ]);
}
