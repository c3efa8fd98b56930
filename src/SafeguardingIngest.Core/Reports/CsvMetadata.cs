using System.Globalization;
using System.Text;

namespace SafeguardingIngest.Reports;

/// <summary>
/// observations.meta.csv: one row for each filter and indicator column of <see cref="CsvReport"/>, in the form
/// the Department for Education's explore education statistics service reads a data file's metadata: col_name,
/// col_type (Filter picks rows, Indicator holds a figure), label, indicator_grouping, indicator_unit,
/// indicator_dp (the decimal places every figure of the column is written to), filter_hint (what a filter holds)
/// and filter_grouping_column. So a program or a person loading the csv knows each column without reading this
/// code.
/// The time and geography columns (<see cref="ObservationalUnits"/>) are not listed: the service knows them by
/// name, and its metadata describes filters and indicators only. Published beside the csv.
/// </summary>
public static class CsvMetadata
{
    /// <summary>The file name.</summary>
    public const string FileName = "observations.meta.csv";

    /// <summary>The metadata's own columns, in order.</summary>
    public static IReadOnlyList<string> Header { get; } =
    [
        "col_name", "col_type", "label", "indicator_grouping", "indicator_unit", "indicator_dp", "filter_hint",
        "filter_grouping_column",
    ];

    /// <summary>Writes the metadata of the csv's filters and indicators (UTF-8 with BOM, as the csv).</summary>
    /// <exception cref="InvalidOperationException">
    /// A filter or indicator of the csv has no description here.
    /// </exception>
    public static byte[] Render() => Render(CsvReport.FiltersAndIndicators);

    /// <summary>Writes the metadata of <paramref name="columns"/> (UTF-8 with BOM, as the csv).</summary>
    /// <exception cref="InvalidOperationException">A column has no description here.</exception>
    public static byte[] Render(IEnumerable<string> columns)
    {
        var csv = new StringBuilder().AppendJoin(',', Header).Append("\r\n");
        foreach (var column in columns)
        {
            var described = CsvColumns.Describe(column)
                ?? throw new InvalidOperationException($"The csv column {column} has no description in {FileName}.");
            string[] fields = described.Type == CsvColumnType.Indicator
                ?
                [
                    column, "Indicator", described.Label, described.Grouping, described.Unit,
                    described.DecimalPlaces?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    string.Empty, string.Empty,
                ]
                :
                [
                    column, "Filter", described.Label, string.Empty, string.Empty, string.Empty, described.Description,
                    string.Empty,
                ];
            csv.AppendJoin(',', fields.Select(CsvField.Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
