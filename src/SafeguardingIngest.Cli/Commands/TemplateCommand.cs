using System.CommandLine;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Templates;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>`sgi template`: writes an agency's blank return for a period.</summary>
internal static class TemplateCommand
{
    public static Command Create(CliConsole console)
    {
        var agency = CommonOptions.Agency(required: true);
        var period = CommonOptions.Period(required: true);
        var reference = CommonOptions.Reference();
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write the workbook: a file, or a folder to write {AGENCY}-{PERIOD}-return.xlsx " +
                "in (default the current folder).",
            HelpName = "FILE|FOLDER",
        };

        var command = new Command(
            "template",
            "Write an agency's blank quarterly return: Cover filled in, one row per owed indicator and locality.")
        {
            agency, period, reference, output,
        };
        command.SetAction(result =>
        {
            var partnership = CommonOptions.LoadPartnership(result.GetValue(reference));
            var owner = CommonOptions.FindAgency(partnership, result.GetValue(agency)!);
            var quarter = CommonOptions.ParsePeriod(result.GetValue(period))!.Value;
            var document = ReturnTemplate.For(partnership, owner, quarter);
            var fileName = $"{owner.Code}-{quarter.Key}-return.xlsx";
            var given = result.GetValue(output);

            // A folder (existing, or written with a trailing separator) takes the template's own name.
            var path = given is null ? Path.GetFullPath(fileName)
                : Directory.Exists(given) || given.EndsWith(Path.DirectorySeparatorChar) || given.EndsWith(
                    Path.AltDirectorySeparatorChar) ? Path.GetFullPath(Path.Combine(given, fileName))
                : Path.GetFullPath(given);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            ReturnWorkbookWriter.WriteFile(path, document, partnership);
            var rows = Counted.Of(document.Rows.Count, "indicator row", "indicator rows");
            console.Ansi.MarkupLineInterpolated(
                $"Wrote [bold]{path}[/]: {rows} for {owner.Name}, {quarter}, due {document.DueDate:d MMMM yyyy}.");
            return ExitCodes.Accepted;
        });
        return command;
    }
}
