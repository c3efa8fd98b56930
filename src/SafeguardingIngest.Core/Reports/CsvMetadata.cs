using System.Text;

namespace SafeguardingIngest.Reports;

/// <summary>
/// observations.meta.csv: one row for each column of <see cref="CsvReport"/>, saying what it is (a filter
/// that picks rows, or an indicator that holds a figure), its label, its unit and what it holds, so a
/// program or a person loading the csv knows each column without reading this code. Published beside the csv.
/// </summary>
public static class CsvMetadata
{
    /// <summary>The file name.</summary>
    public const string FileName = "observations.meta.csv";

    private static readonly Dictionary<string, (string Type, string Label, string Unit, string Description)> s_columns =
        new(StringComparer.Ordinal)
        {
            ["period"] = ("Filter", "Quarter", "", "The financial-year quarter, such as 2025-26 Q2"),
            ["period_start"] = ("Filter", "Quarter starts", "date", "The quarter's first day (yyyy-mm-dd)"),
            ["period_end"] = ("Filter", "Quarter ends", "date", "The quarter's last day (yyyy-mm-dd)"),
            ["indicator"] = ("Filter", "Indicator code", "", "The catalogue's code for the indicator"),
            ["indicator_title"] = ("Filter", "Indicator", "", "The indicator's title"),
            ["unit"] = ("Filter", "Unit", "", "Count, Percentage, RatePer10000 or Average: how value is worked out"),
            ["polarity"] = ("Filter", "Polarity", "", "Whether lower or higher is better, or direction only"),
            ["agency"] = ("Filter", "Agency code", "", "The agency that returned the figure"),
            ["agency_name"] = ("Filter", "Agency", "", "The agency's name"),
            ["locality"] = ("Filter", "Locality code", "", "The locality, or ALL for a figure for the whole area"),
            ["locality_name"] = ("Filter", "Locality", "", "The locality's name, or Whole area"),
            ["numerator"] = ("Indicator", "Numerator", "number",
                "The count; a percentage's or rate's numerator; an average's total. The symbol c where suppressed"),
            ["denominator"] = ("Indicator", "Denominator", "number",
                "A percentage's denominator, a rate's population, an average's cases; empty for a count. c where suppressed"),
            ["value"] = ("Indicator", "Value", "number",
                "The figure: the count, 100 x n / d, 10,000 x n / population, or total / cases. c where suppressed"),
            ["suppressed"] = ("Filter", "Suppressed", "true/false", "true where the figure is hidden to protect small numbers"),
            ["complete"] = ("Filter", "Complete", "true/false",
                "false where an owed return for the quarter and indicator is missing, so totals are incomplete"),
            ["missing_returns"] = ("Filter", "Missing returns", "", "The codes of the owing agencies with no return standing"),
            ["release"] = ("Filter", "Release", "number", "The release of this quarter's return the file belongs to"),
            ["status"] = ("Filter", "Status", "", "provisional (compiled before the quarter ended: figures will change) or published"),
            ["revised"] = ("Filter", "Revised", "true/false",
                "true where an earlier release published this figure otherwise (the r mark on the page)"),
            ["compares_with_last_year"] = ("Filter", "Compares with last year", "true/z",
                "true where the same quarter last year may be compared; " +
                "z (not applicable) where the definition changed between"),
        };

    /// <summary>Writes the metadata (UTF-8 with BOM, as the csv).</summary>
    /// <exception cref="InvalidOperationException">A column of the csv has no description here.</exception>
    public static byte[] Render()
    {
        var csv = new StringBuilder("col_name,col_type,label,unit,description\r\n");
        foreach (var column in CsvReport.Columns)
        {
            var (type, label, unit, description) = s_columns.TryGetValue(column, out var described)
                ? described
                : throw new InvalidOperationException($"The csv column {column} has no description in {FileName}.");
            string[] fields = [column, type, label, unit, description];
            csv.AppendJoin(',', fields.Select(CsvField.Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
