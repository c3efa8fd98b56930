using System.CommandLine;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>`sgi validate FILE`: checks a return as the pipeline would, before it is sent.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The return: .xlsx, .xls or .csv." };
        var agency = CommonOptions.Agency(required: false);
        var period = CommonOptions.Period(required: false);
        var reference = CommonOptions.Reference();
        var format = new Option<string>("--format")
        {
            Description = "Output: a readable table (text) or JSON.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var previous = new Option<FileInfo?>("--previous")
        {
            Description = "Last quarter's return, to flag changes beyond each indicator's expected range.",
            HelpName = "FILE",
        };

        var command = new Command(
            "validate",
            "Check a quarterly return against the indicator catalogue. Exit code 0 accepted, 1 rejected, 2 usage or " +
            "system error.")
        {
            file, agency, period, reference, format, previous,
        };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"File not found: {path.FullName}");
            }

            var partnership = CommonOptions.LoadPartnership(result.GetValue(reference));
            var context = new ReturnContext(
                result.GetValue(agency),
                CommonOptions.ParsePeriod(result.GetValue(period)),
                path.Name);
            var validator = new ReturnValidator(partnership);
            var previousValues = ReadPrevious(validator, result.GetValue(previous), context);
            var outcome = validator.ValidateFile(path.FullName, context, previous: previousValues);
            if (result.GetValue(format) == "json")
            {
                console.Out.WriteLine(ReportJson.ToJson(outcome.Report, path.Name));
            }
            else
            {
                ReportView.Render(console.Ansi, outcome, path.Name);
            }

            return outcome.Report.IsAccepted ? ExitCodes.Accepted : ExitCodes.Rejected;
        });
        return command;
    }

    private static PreviousValues? ReadPrevious(ReturnValidator validator, FileInfo? file, ReturnContext context)
    {
        if (file is null)
        {
            return null;
        }

        if (!file.Exists)
        {
            throw new UsageException($"Previous return not found: {file.FullName}");
        }

        var buffer = new ObservationBuffer();
        var previousContext = new ReturnContext(context.Agency, context.Period?.Previous(), file.Name);
        var outcome = validator.ValidateFile(file.FullName, previousContext, buffer);
        if (!outcome.Report.IsAccepted)
        {
            throw new UsageException(
                $"The previous return {file.Name} is not itself acceptable ({outcome.Report.ErrorCount} errors); " +
                "validate it first.");
        }

        return new PreviousValues(buffer.Items);
    }
}
