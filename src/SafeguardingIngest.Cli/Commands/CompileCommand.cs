using System.CommandLine;
using System.Globalization;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>
/// `sgi compile --period P`: compiles the consolidated return into the reports container, and a folder if asked.
/// </summary>
internal static class CompileCommand
{
    public static Command Create(CliConsole console)
    {
        var period = CommonOptions.Period(required: true);
        var storage = new StorageCommandOptions();
        var output = new Option<DirectoryInfo?>("--out")
        {
            Description = "Also save the release's files in this folder.",
            HelpName = "DIR",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Compile a quarter that has not ended yet (its figures so far).",
        };
        var command = new Command(
            "compile",
            "Compile the consolidated quarterly return for a period as a new release: the page, csv and metadata "
            + "under publications/{period}/releases/{n}/, the workbook and JSON under reports/{period}/releases/{n}/; "
            + "nothing is written when nothing it reads has changed.")
        {
            period, output, force,
        };
        storage.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var quarter = CommonOptions.ParsePeriod(result.GetValue(period))!.Value;
            var today = UkTime.Today(TimeProvider.System);
            if (!quarter.HasEnded(today) && !result.GetValue(force))
            {
                throw new UsageException(
                    $"{quarter} has not ended: it runs to "
                    + $"{quarter.End.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, "
                    + $"and the last quarter over is {ReportingPeriod.LastEndedBefore(today)}. " +
                    "Compile that one, or add --force to see this quarter's figures so far.");
            }

            var (host, partnership) = await storage.StartAsync(result, console, cancellationToken);
            await using (host)
            {
                var outcome = await host.Get<CompileQuarterlyReturn>().CompileAsync(quarter, cancellationToken);
                console.Ansi.MarkupLine(Markup.Escape(ReportOutput.Describe(outcome)));
                foreach (var written in outcome.Written)
                {
                    console.Ansi.MarkupLine($"Wrote [bold]{Markup.Escape(written)}[/]");
                }

                if (result.GetValue(output) is { } folder)
                {
                    var saved = await ReportOutput.SaveAsync(
                        folder.FullName,
                        outcome,
                        host.Get<IReleaseStore>(),
                        cancellationToken);
                    foreach (var path in saved)
                    {
                        console.Ansi.MarkupLine($"Saved [bold]{Markup.Escape(path)}[/]");
                    }
                }

                ReportOutput.Summary(console.Ansi, outcome.Report);
                return ExitCodes.Accepted;
            }
        });
        return command;
    }
}
