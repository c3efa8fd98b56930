using SafeguardingIngest.Ingest;
using SafeguardingIngest.Validation;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>
/// A validation report as a person reads it at a terminal: a heading and a table coloured by severity.
/// </summary>
internal static class ReportView
{
    public static void Render(IAnsiConsole console, ReturnResult result, string fileName)
    {
        var report = result.Report;
        var colour = report.Status switch
        {
            ReturnStatus.Accepted => "green",
            ReturnStatus.AcceptedWithWarnings => "yellow",
            _ => "red",
        };
        var verdict = Feedback.Verdict(report.Status);

        console.MarkupLine(
            $"[bold]{Markup.Escape(fileName)}[/]" +
            $"{(report.FileKind is { } kind ? $" ({kind.ToString().ToLowerInvariant()})" : string.Empty)}");
        static string From(string? source) => source is null or "the Cover" ? string.Empty : $" (from {source})";
        console.MarkupLine(
            $"Agency: {Markup.Escape(report.Agency ?? "?")}{Markup.Escape(From(report.AgencyFrom))}   Period: " +
            $"{Markup.Escape(report.Period?.ToString() ?? "?")}{Markup.Escape(From(report.PeriodFrom))}");
        console.MarkupLine(
            $"[{colour} bold]{verdict}[/]: {Counted.Of(report.ErrorCount, "error", "errors")}, "
            + $"{Counted.Of(report.WarningCount, "query", "queries")}; "
            + $"{Counted.Of(report.ObservationCount, "observation", "observations")}, "
            + $"{Counted.Of(result.Actions.Count, "action", "actions")}, "
            + $"{Counted.Of(result.Risks.Count, "risk", "risks")}");
        if (report.Findings.Count == 0)
        {
            return;
        }

        // As wide as its text needs: a narrower terminal wraps the message at spaces; piped, one line a finding.
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Severity");
        table.AddColumn("Where");
        table.AddColumn("Rule");
        table.AddColumn("Message");
        foreach (var finding in report.Findings)
        {
            var style = finding.Severity == Severity.Error ? "red" : "yellow";
            table.AddRow(
                new Markup($"[{style}]{Feedback.FindingKind(finding.Severity).ToLowerInvariant()}[/]"),
                new Text(finding.Location ?? "whole file"),
                new Text(finding.Code),
                new Text(finding.Advice));
        }

        console.Write(table);
        if (report.FindingsNotShown > 0)
        {
            console.MarkupLine(
                $"[grey]... and {Counted.Of(report.FindingsNotShown, "more finding", "more findings")} not shown.[/]");
        }
    }
}
