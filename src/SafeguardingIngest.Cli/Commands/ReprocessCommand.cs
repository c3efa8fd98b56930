using System.CommandLine;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Validation;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>`sgi reprocess`: runs a refused return again, typically after the reference data was fixed.</summary>
internal static class ReprocessCommand
{
    public static Command Create(CliConsole console)
    {
        var agency = CommonOptions.Agency(required: true);
        var period = CommonOptions.Period(required: true);
        var submission = new Option<string?>("--submission")
        {
            Description = "The refused submission's id; default the agency's latest refused upload for the period.",
            HelpName = "ID"
        };
        var storage = new StorageCommandOptions();
        var command = new Command(
            "reprocess",
            "Run a refused return again from quarantine, with its original receipt time. Publish fixed reference " +
            "data first with --reference.")
        {
            agency, period, submission,
        };
        storage.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var quarter = CommonOptions.ParsePeriod(result.GetValue(period))!.Value;
            var (host, partnership) = await storage.StartAsync(result, console, cancellationToken);
            await using (host)
            {
                var owner = CommonOptions.FindAgency(partnership, result.GetValue(agency)!);
                var store = host.Get<ISubmissionRecords>();
                var id = result.GetValue(submission) ?? (await store.ListAsync(quarter, cancellationToken))
                    .Where(s => s.Agency == owner.Code && s.Status == ReturnStatus.Rejected)
                    .OrderBy(s => s.ReceivedAt).LastOrDefault()?.Id
                    ?? throw new UsageException($"{owner.Code} has no refused return for {quarter}.");
                IngestOutcome outcome;
                try
                {
                    outcome = await host.Get<IngestReturn>().ReprocessAsync(quarter, owner.Code, id, cancellationToken);
                }
                catch (InvalidOperationException e)
                {
                    throw new UsageException(e.Message);
                }

                console.Ansi.MarkupLine($"Reprocessed {Markup.Escape(id)}. {Markup.Escape(outcome.Message)}");
                foreach (var finding in outcome.Report?.Findings ?? [])
                {
                    console.Ansi.MarkupLine(
                        $"  {Markup.Escape(finding.Location ?? "whole file")}: {Markup.Escape(finding.Advice)}");
                }

                return outcome.Result == IngestResult.Rejected ? ExitCodes.Rejected : ExitCodes.Accepted;
            }
        });
        return command;
    }
}
