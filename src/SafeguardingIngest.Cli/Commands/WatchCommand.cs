using System.CommandLine;
using System.Globalization;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Ingest;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>
/// `sgi watch`: the Functions app's triggers for a local store. Uploads to the returns container by any
/// client (Storage Explorer, az storage blob upload, AzCopy, the SDK) are ingested within seconds,
/// and the consolidated return is compiled on the schedule.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(CliConsole console)
    {
        var interval = new Option<double>("--interval")
        {
            Description = "Seconds between looks at the returns container (default 2).",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 2,
        };
        var schedule = new Option<string>("--compile-schedule")
        {
            Description = "When to compile, as the CompileSchedule setting "
                + "(six-field NCRONTAB, UTC, such as '0 30 9 * * MON-FRI'; default '0 0 6 * * *').",
            HelpName = "CRON",
            DefaultValueFactory = _ => "0 0 6 * * *",
        };
        var once = new Option<bool>("--once")
        {
            Description = "Ingest what is waiting now and stop, rather than watching."
        };
        var storage = new StorageCommandOptions();
        var command = new Command(
            "watch",
            "Watch the returns container and ingest each upload as it arrives (as the blob trigger does in Azure), " +
            "and compile on the schedule. Stop with Ctrl+C.")
        {
            interval, schedule, once,
        };
        storage.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var seconds = result.GetValue(interval);
            if (seconds is <= 0 or > 3600)
            {
                throw new UsageException("--interval must be more than 0 and at most 3600 seconds.");
            }

            CronSchedule cron;
            try
            {
                cron = CronSchedule.Parse(result.GetValue(schedule)!);
            }
            catch (FormatException e)
            {
                throw new UsageException($"--compile-schedule: {e.Message}");
            }

            var (host, _) = await storage.StartAsync(result, console, cancellationToken);
            await using (host)
            {
                var watcher = host.Get<UploadWatcher>();
                var time = host.Get<TimeProvider>();
                if (result.GetValue(once))
                {
                    var outcomes = await watcher.PassAsync(cancellationToken);
                    foreach (var outcome in outcomes)
                    {
                        Report(console, time, outcome);
                    }

                    console.Ansi.MarkupLine($"{Counted.Of(outcomes.Count, "upload", "uploads")} ingested.");
                    return outcomes.Any(o => o.Result == IngestResult.Rejected)
                        ? ExitCodes.Rejected
                        : ExitCodes.Accepted;
                }

                console.Ansi.MarkupLine(
                    $"Watching the returns container every {seconds.ToString(CultureInfo.InvariantCulture)} s; " +
                    $"compiling on '{Markup.Escape(result.GetValue(schedule)!)}' (UTC). Ctrl+C stops.");
                await watcher.RunAsync(
                    TimeSpan.FromSeconds(seconds),
                    cron,
                    outcome => Report(console, time, outcome),
                    cancellationToken);
                return ExitCodes.Accepted;
            }
        });
        return command;
    }

    private static void Report(CliConsole console, TimeProvider time, IngestOutcome outcome)
    {
        var colour = outcome.Result switch
        {
            IngestResult.Rejected => "red",
            IngestResult.AcceptedWithWarnings or IngestResult.AcceptedButSuperseded => "yellow",
            _ => "green",
        };
        var who = outcome.Submission is { } s ? $"{s.Agency} {s.Period}: " : string.Empty;
        console.Ansi.MarkupLine(
            $"{Markup.Escape(time.GetUtcNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture))} " +
            $"[{colour}]{Markup.Escape(who + outcome.Message)}[/]");
    }
}
