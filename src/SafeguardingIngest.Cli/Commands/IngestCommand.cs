using System.CommandLine;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>
/// `sgi ingest FILE`: uploads a return to returns/{agency}/{period}/ and runs IngestReturn on it, as the blob trigger
/// would.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The return: .xlsx, .xls or .csv." };
        var agency = CommonOptions.Agency(required: false);
        var period = CommonOptions.Period(required: false);
        var storage = new StorageCommandOptions();
        var command = new Command(
            "ingest",
            "Upload a return and ingest it into storage: rows, submission, feedback, archive or quarantine. The " +
            "agency and quarter come from the Cover, else --agency and --period, else the file's name. Exit code 0 " +
            "accepted, 1 rejected, 2 usage or system error.")
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

            var (host, partnership) = await storage.StartAsync(result, console, cancellationToken);
            await using (host)
            {
                // Where the upload goes is whose return it is and for which quarter: the Cover says, else the
                // options, else the file's name, exactly as the pipeline will read them.
                var context = new ReturnContext(
                    result.GetValue(agency),
                    CommonOptions.ParsePeriod(result.GetValue(period)),
                    path.Name);
                var checkedHere = new ReturnValidator(partnership).ValidateFile(path.FullName, context);
                var agencyText = checkedHere.Report.Agency;
                if (agencyText is null || checkedHere.Report.Period is not { } quarter)
                {
                    ReportView.Render(console.Ansi, checkedHere, path.Name);
                    console.Ansi.MarkupLine(
                        "[red]Not uploaded[/]: nothing says whose return this is, or for which quarter; fill in the " +
                        "Cover, give --agency and --period, or name the file like CSC-2025-26-Q2.xlsx.");
                    return ExitCodes.Rejected;
                }

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
            console.Ansi.MarkupLine(
                $"Feedback:   {Markup.Escape($"{names.Feedback}/{submission.FeedbackPath}")}.html (and .json)");
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
                table.AddRow(
                    Feedback.FindingKind(finding.Severity).ToLowerInvariant(),
                    finding.Location ?? "whole file",
                    finding.Advice);
            }

            console.Ansi.Write(table);
        }
    }
}
