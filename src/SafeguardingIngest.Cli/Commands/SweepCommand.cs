using System.CommandLine;
using System.Globalization;
using SafeguardingIngest.Ingest;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>`sgi sweep`: removes rows that runs left behind, as the scheduled SweepOrphanRows function does.</summary>
internal static class SweepCommand
{
    public static Command Create(CliConsole console)
    {
        var minutes = new Option<int?>("--older-than")
        {
            Description = "Take a run that is still writing for dead once it started this many minutes ago "
                + "(default Ingest:OrphanMinutes, 60; at least 16): longer than any ingest run can last.",
            HelpName = "MINUTES",
        };
        var storage = new StorageCommandOptions();
        var command = new Command(
            "sweep",
            "Remove the rows of ingest runs that died before their switch, and of superseded submissions whose " +
            "clean-up never ran.")
        {
            minutes,
        };
        storage.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var bound = result.GetValue(minutes);
            if (bound is < IngestOptions.MinOrphanMinutes)
            {
                throw new UsageException(
                    $"--older-than must be {IngestOptions.MinOrphanMinutes} minutes or more: a run may last the " +
                    "function "
                    + $"timeout ({IngestOptions.FunctionTimeoutMinutes} minutes) and is given a "
                    + $"{IngestOptions.SweepMarginMinutes}-minute margin, so a younger one may still be writing.");
            }

            var settings = bound is { } value
                ? new Dictionary<string, string?>
                {
                    ["Ingest:OrphanMinutes"] = value.ToString(CultureInfo.InvariantCulture)
                }
                : null;
            var (host, _) = await storage.StartAsync(result, console, cancellationToken, settings);
            await using (host)
            {
                var swept = await host.Get<LoadCleanup>().SweepAsync(cancellationToken);
                console.Ansi.MarkupLine(
                    $"Removed [bold]{swept.Rows:N0}[/] rows of {swept.Loads:N0} dead loads ({swept.Abandoned:N0} of " +
                    "runs that never finished).");
                return ExitCodes.Accepted;
            }
        });
        return command;
    }
}
