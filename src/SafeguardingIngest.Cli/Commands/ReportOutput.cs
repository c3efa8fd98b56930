using SafeguardingIngest.Compilation;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Submissions;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>What compile and demo share: copying the reports to a folder and the summary table.</summary>
internal static class ReportOutput
{
    /// <summary>
    /// Saves a release's files in <paramref name="folder"/>: those the compile wrote, or the standing release's where
    /// it wrote none.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SaveAsync(
        string folder,
        CompileOutcome outcome,
        IReleaseStore releases,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var file in outcome.Release.Files)
        {
            var content = outcome.Files.FirstOrDefault(f => f.Name == file.Name)?.Content
                ?? await releases.ReadFileAsync(outcome.Release, file.Name, cancellationToken);
            var path = Path.Combine(folder, file.Name);
            await File.WriteAllBytesAsync(path, content, cancellationToken);
            written.Add(path);
        }

        return written;
    }

    /// <summary>One line on the release a compile wrote, or found standing.</summary>
    public static string Describe(CompileOutcome outcome)
    {
        var release = outcome.Release;
        return outcome.Unchanged
            ? $"Nothing has changed since {release.Name} ({release.Status.ToString().ToLowerInvariant()}): no new " +
                "release written."
            : $"Wrote {release.Name} ({release.Status.ToString().ToLowerInvariant()}): {release.FiguresShown} " +
                "figures shown, " +
              $"{release.FiguresHidden} hidden, {release.Revisions} revised since earlier releases.";
    }

    public static void Summary(IAnsiConsole console, ConsolidatedReturn report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"{report.Partnership}: {report.Period}");
        foreach (var heading in new[]
            {
                "Indicator", "This quarter", "Year to date", "Target to date", "RAG", "Since last quarter",
            })
        {
            table.AddColumn(heading);
        }

        foreach (var result in report.Indicators)
        {
            var i = result.Indicator;
            var area = result.Area;
            var rag = area.Rag;
            var mark = area.Coverage.IsComplete ? string.Empty : " †";
            var colour = rag switch
            {
                Returns.Rag.Red => "red",
                Returns.Rag.Amber => "yellow",
                Returns.Rag.Green => "green",
                _ => "grey",
            };
            table.AddRow(
                new Text(i.Code),
                new Text(FigureText.Value(area.Value, i.Unit) + (area.Value is null ? string.Empty : mark)),
                new Text(FigureText.Value(area.YearToDate, i.Unit) +
                    (area.YearToDateCoverage.IsComplete || area.YearToDate is null ? string.Empty : " †")),
                new Text(result.TargetToDate is null ? "No target" : FigureText.Show(result.TargetToDate, i.Unit)),
                new Markup($"[{colour}]{Markup.Escape(FigureText.RagText(area, result.TargetToDate, rated: true))}[/]"),
                new Text(FigureText.DirectionText(area.SincePrevious, area.Value, area.Previous)));
        }

        console.Write(table);
        foreach (var result in report.Indicators)
        {
            var missing = result.Area.Lacking;
            if (!missing.IsComplete)
            {
                console.MarkupLine(Markup.Escape(
                    $"† {result.Indicator.Code} lacks the returns of "
                    + $"{FigureText.Missing(missing, report.AgencyNames)}."));
            }
        }

        var states = report.Submissions.GroupBy(s => s.State).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {ReturnState.Words(g.Key)}");
        console.MarkupLine(Markup.Escape(
            $"Returns: {string.Join(", ", states)}. Actions: {report.Actions.Red} red, {report.Actions.Amber} amber, " +
            $"{report.Actions.Green} green. Risks: {report.Risks.Count}. Data quality queries: " +
            $"{report.Queries.Count}."));
    }
}
