using System.CommandLine;
using System.Globalization;
using SafeguardingIngest.Cli.Demo;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>
/// `sgi demo`: the whole job on one machine. Publishes the sample partnership, sends eight quarters
/// of returns from every agency through IngestReturn (the blob trigger's path), compiles the latest
/// quarter as a release before the resubmitted correction and again after it, and saves the second
/// release's files.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliConsole console)
    {
        var storage = new StorageCommandOptions();
        var output = new Option<DirectoryInfo?>("--out")
        {
            Description = "Folder for the reports; default ./out.",
            HelpName = "DIR"
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Vary the demo's figures; the same seed gives the same figures every run (default " +
                $"{DemoScenario.DefaultSeed}).",
            DefaultValueFactory = _ => DemoScenario.DefaultSeed
        };
        var command = new Command(
            "demo",
            "Run the whole job on sample data: eight quarters of returns from every agency ingested, the latest " +
            "quarter compiled, reports saved to ./out.")
        {
            output, seed,
        };
        storage.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            // Historic returns keep the receipt dates they are given, so on time and late mean what they would have;
            // the compile is stamped at a fixed time after them, so two runs give the same reports byte for byte.
            var latest = ReportingPeriod.LastEndedBefore(UkTime.Today(TimeProvider.System));
            var settings = new Dictionary<string, string?>
            {
                ["Ingest:AllowBackdatedUploads"] = "true",
                [$"{CompileOptions.SectionName}:Time"] =
                    CompileTime(latest).ToString("O", CultureInfo.InvariantCulture),
            };
            var (host, partnership) = await storage.StartAsync(
                result,
                console,
                cancellationToken,
                settings,
                alwaysPublish: true);
            await using (host)
            {
                var periods = latest.Trailing(Compiler.SeriesLength);
                var uploads = DemoScenario.Build(partnership, periods, result.GetValue(seed));
                var agencies = uploads.Select(u => u.Agency).Distinct().Count();
                console.Ansi.MarkupLine(
                    $"Sending [bold]{Counted.Of(uploads.Count, "return", "returns")}[/] from "
                    + $"{Counted.Of(agencies, "agency", "agencies")} for {periods[0]} to {latest}.");
                // The board sees the quarter twice: a release before the children's services' correction
                // arrives, and one after it, which marks and lists what the correction revised.
                var corrections = uploads.Where(u => u.Story == DemoScenario.ResubmissionStory).ToList();
                var outcomes = await IngestAllAsync(console, host, [.. uploads.Except(corrections)], cancellationToken);
                var compiler = host.Get<CompileQuarterlyReturn>();
                var first = await compiler.CompileAsync(latest, cancellationToken);
                outcomes.AddRange(await IngestAllAsync(console, host, corrections, cancellationToken));
                var compile = await compiler.CompileAsync(latest, cancellationToken);
                var folder = result.GetValue(output)?.FullName ?? Path.GetFullPath("out");
                var saved = await ReportOutput.SaveAsync(folder, compile, host.Get<IReleaseStore>(), cancellationToken);
                console.Ansi.WriteLine();
                var tally = outcomes.GroupBy(o => o).OrderBy(g => g.Key)
                    .Select(g => $"{g.Count()} {IngestResultWords.Of(g.Key)}");
                console.Ansi.MarkupLine("Ingested: " + Markup.Escape(string.Join(", ", tally)));
                console.Ansi.MarkupLine(Markup.Escape(ReportOutput.Describe(first)));
                console.Ansi.MarkupLine(Markup.Escape(ReportOutput.Describe(compile)));
                foreach (var path in first.Written.Concat(compile.Written).Concat(saved))
                {
                    console.Ansi.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/]");
                }

                ReportOutput.Summary(console.Ansi, compile.Report);
                return ExitCodes.Accepted;
            }
        });
        return command;
    }

    /// <summary>
    /// When the demo compiles <paramref name="latest"/>: 09:00 UTC on the 45th day after it ended, after every
    /// return the demo sends for it has arrived (the sample's are due 30 days after the quarter, and the late one
    /// comes 12 days after that).
    /// </summary>
    internal static DateTimeOffset CompileTime(ReportingPeriod latest) =>
        new(latest.End.AddDays(45).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private static async Task<List<IngestResult>> IngestAllAsync(
        CliConsole console,
        StorageHost host,
        List<DemoUpload> uploads,
        CancellationToken cancellationToken)
    {
        var files = host.Get<IReturnFiles>();
        var ingest = host.Get<IngestReturn>();
        var outcomes = new List<IngestResult>();
        async Task SendAsync(DemoUpload upload)
        {
            var blob = UploadPath.For(upload.Agency, upload.Period, upload.FileName);
            using (var content = new MemoryStream(upload.Content))
            {
                await files.UploadAsync(blob, content, cancellationToken, upload.ReceivedAt);
            }

            outcomes.Add((await ingest.RunAsync(blob, cancellationToken)).Result);
        }

        if (console.Ansi.Profile.Capabilities.Interactive)
        {
            await console.Ansi.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Ingesting returns", maxValue: uploads.Count);
                foreach (var upload in uploads)
                {
                    task.Description = $"{upload.Period} {upload.Agency}";
                    await SendAsync(upload);
                    task.Increment(1);
                }
            });
            return outcomes;
        }

        foreach (var quarter in uploads.GroupBy(u => u.Period))
        {
            foreach (var upload in quarter)
            {
                await SendAsync(upload);
            }

            var returns = Counted.Of(quarter.Count(), "return", "returns");
            console.Ansi.MarkupLine(
                Markup.Escape($"  {quarter.Key}: {returns} ingested ({outcomes.Count}/{uploads.Count})"));
        }

        return outcomes;
    }
}
