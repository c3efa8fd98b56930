using SafeguardingIngest.Validation;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>A validation report as a person reads it at a terminal: a heading and a table coloured by severity.</summary>
internal static class ReportView
{
    public static void Render(IAnsiConsole console, ReturnResult result, string fileName)
    {
        var report = result.Report;
        var (colour, verdict) = report.Status switch
        {
            ReturnStatus.Accepted => ("green", "Accepted"),
            ReturnStatus.AcceptedWithWarnings => ("yellow", "Accepted with warnings"),
            _ => ("red", "Rejected"),
        };

        console.MarkupLine($"[bold]{Markup.Escape(fileName)}[/]{(report.FileKind is { } kind ? $" ({kind.ToString().ToLowerInvariant()})" : string.Empty)}");
        static string From(string? source) => source is null or "the Cover" ? string.Empty : $" (from {source})";
        console.MarkupLine($"Agency: {Markup.Escape(report.Agency ?? "?")}{Markup.Escape(From(report.AgencyFrom))}   Period: {Markup.Escape(report.Period?.ToString() ?? "?")}{Markup.Escape(From(report.PeriodFrom))}");
        console.MarkupLine(
            $"[{colour} bold]{verdict}[/]: {Plural(report.ErrorCount, "error")}, {Plural(report.WarningCount, "warning")}; " +
            $"{Plural(report.ObservationCount, "observation")}, {Plural(result.Actions.Count, "action")}, {Plural(result.Risks.Count, "risk")}");
        if (report.Findings.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("Severity");
        table.AddColumn("Where");
        table.AddColumn("Rule");
        table.AddColumn(new TableColumn("Message").Width(80));
        foreach (var finding in report.Findings)
        {
            var style = finding.Severity == Severity.Error ? "red" : "yellow";
            table.AddRow(
                new Markup($"[{style}]{(finding.Severity == Severity.Error ? "error" : "warning")}[/]"),
                new Text(finding.Location ?? "whole file"),
                new Text(finding.Code),
                new Text(finding.Advice));
        }

        console.Write(table);
        if (report.FindingsNotShown > 0)
        {
            console.MarkupLine($"[grey]... and {Plural(report.FindingsNotShown, "more finding")} not shown.[/]");
        }
    }

    private static string Plural(int count, string noun) => $"{count:N0} {noun}{(count == 1 ? string.Empty : "s")}";
}
