using System.CommandLine;
using SafeguardingIngest.Ingest;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>`sgi ingest FILE`: uploads a return to returns/{agency}/{period}/ and runs IngestReturn on it, as the blob trigger would.</summary>
internal static class IngestCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The return: .xlsx, .xls or .csv." };
        var agency = CommonOptions.Agency(required: true);
        var period = CommonOptions.Period(required: true);
        var storage = new StorageCommandOptions();
        var command = new Command("ingest", "Upload a return and ingest it into storage: rows, submission, feedback, archive or quarantine. Exit code 0 accepted, 1 rejected, 2 usage or system error.")
        {
            file, agency, period,
        };
        storage.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"File not found: {path.FullName}");
            }

            var quarter = CommonOptions.ParsePeriod(result.GetValue(period))!.Value;
            var (host, partnership) = await storage.StartAsync(result, console, cancellationToken);
            await using (host)
            {
                var agencyText = result.GetValue(agency)!;
                var code = partnership.FindAgency(agencyText)?.Code ?? agencyText;
                var blob = UploadPath.For(code, quarter, path.Name);
                await using (var content = path.OpenRead())
                {
                    await host.Get<IReturnFiles>().UploadAsync(blob, content, cancellationToken);
                }

                var outcome = await host.Get<IngestReturn>().RunAsync(blob, cancellationToken);
                Render(console, outcome, blob, host.Get<Storage.StorageNames>());
                return outcome.Result is IngestResult.Rejected ? ExitCodes.Rejected : ExitCodes.Accepted;
            }
        });
        return command;
    }

    private static void Render(CliConsole console, IngestOutcome outcome, string blob, Storage.StorageNames names)
    {
        var colour = outcome.Result switch
        {
            IngestResult.Rejected => "red",
            IngestResult.AcceptedWithWarnings or IngestResult.AcceptedButSuperseded => "yellow",
            _ => "green",
        };
        console.Ansi.MarkupLine($"Uploaded [bold]{Markup.Escape($"{names.Returns}/{blob}")}[/]");
        console.Ansi.MarkupLine($"[{colour} bold]{Markup.Escape(outcome.Message)}[/]");
        if (outcome.Submission is { } submission)
        {
            console.Ansi.MarkupLine($"Submission: {Markup.Escape(submission.Id)}");
            console.Ansi.MarkupLine($"Feedback:   {Markup.Escape($"{names.Feedback}/{submission.FeedbackPath}")}.html (and .json)");
            console.Ansi.MarkupLine($"Original:   {Markup.Escape(names.Prefix + submission.StoredAt)}");
        }

        if (outcome.Report is { Findings.Count: > 0 } report)
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("Severity");
            table.AddColumn("Where");
            table.AddColumn("Message");
            foreach (var finding in report.Findings)
            {
                table.AddRow(finding.Severity.ToString().ToLowerInvariant(), finding.Location ?? "whole file", finding.Advice);
            }

            console.Ansi.Write(table);
        }
    }
}
