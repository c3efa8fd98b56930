using System.Globalization;

namespace SafeguardingIngest.Reports;

/// <summary>
/// observations.meta.csv: one row for each indicator column of a <see cref="CsvReport"/> file and each filter
/// column that holds more than one value in it, in the form the Department for Education's explore education
/// statistics service reads a data file's metadata: col_name, col_type (Filter picks rows, Indicator holds a
/// figure), label, indicator_grouping, indicator_unit, indicator_dp (the decimal places every figure of the column
/// is written to), filter_hint (what a filter holds) and filter_grouping_column. So a program or a person loading
/// the csv knows each column without reading this code.
/// It is written from the rows of the csv it is published beside: the service refuses a filter of one value (it
/// picks nothing), so a column that holds one value throughout that file (the release's number and status, and
/// in many a file whether a figure is suppressed, complete or revised) is left out here and stays in the csv,
/// which the service allows. The time and geography columns (<see cref="ObservationalUnits"/>) are not listed:
/// the service knows them by name, and its metadata describes filters and indicators only.
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

    /// <summary>
    /// The columns of <paramref name="csv"/> the metadata lists, in the csv's order: every indicator, and every
    /// filter holding more than one value in its rows.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// A filter or indicator of the csv has no description here.
    /// </exception>
    public static IReadOnlyList<string> Described(CsvTable csv) => Described(CsvShape.Of(csv));

    /// <summary>The columns the metadata lists of a csv of <paramref name="shape"/>.</summary>
    /// <exception cref="InvalidOperationException">
    /// A filter or indicator of the csv has no description here.
    /// </exception>
    public static IReadOnlyList<string> Described(CsvShape shape) =>
    [
        .. shape.Columns
            .Where(c => !ObservationalUnits.Columns.Contains(c))
            .Where(c => Describe(c).Type == CsvColumnType.Indicator || shape.Varying.Contains(c)),
    ];

    /// <summary>Writes the metadata of <paramref name="csv"/> (UTF-8 with BOM, as the csv).</summary>
    /// <exception cref="InvalidOperationException">
    /// A filter or indicator of the csv has no description here.
    /// </exception>
    public static byte[] Render(CsvTable csv) => Render(CsvShape.Of(csv));

    /// <summary>Writes the metadata of a csv of <paramref name="shape"/> (UTF-8 with BOM, as the csv).</summary>
    /// <exception cref="InvalidOperationException">
    /// A filter or indicator of the csv has no description here.
    /// </exception>
    public static byte[] Render(CsvShape shape)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var column in Described(shape))
        {
            var described = Describe(column);
            rows.Add(described.Type == CsvColumnType.Indicator
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
                ]);
        }

        return new CsvTable(Header, rows).Write();
    }

    private static CsvColumn Describe(string column) =>
        CsvColumns.Describe(column)
        ?? throw new InvalidOperationException($"The csv column {column} has no description in {FileName}.");
}
