using SafeguardingIngest.Periods;
using Sylvan.Data.Csv;

namespace SafeguardingIngest.Testing;

/// <summary>
/// One row of observations.csv as published, read by column name: a column the file lacks reads as empty,
/// and <see cref="Revised"/> as false where there is no <c>revised</c> column. <see cref="Source"/> is the
/// cell of the agency's return the figure came from, where the csv still says.
/// </summary>
public sealed record PublishedRow(
    ReportingPeriod Period,
    string Indicator,
    string Agency,
    string Locality,
    string LocalityName,
    string Numerator,
    string Denominator,
    string Unit,
    bool Revised,
    string Source);

/// <summary>Reads a published observations.csv with a csv reader (Sylvan), whatever columns it has.</summary>
public static class PublishedCsv
{
    /// <summary>The rows of <paramref name="code"/>, in the file's order.</summary>
    public static IReadOnlyList<PublishedRow> Read(string csv, string code)
    {
        using var reader = CsvDataReader.Create(new StringReader(csv.TrimStart('\uFEFF')));
        var rows = new List<PublishedRow>();
        var columns = Enumerable.Range(0, reader.FieldCount)
            .ToDictionary(reader.GetName, i => i, StringComparer.Ordinal);
        string Field(string name) => columns.TryGetValue(name, out var i) ? reader.GetString(i) : string.Empty;
        while (reader.Read())
        {
            if (Field("indicator") == code)
            {
                rows.Add(new PublishedRow(
                    ReportingPeriod.Parse(Field("period")),
                    code,
                    Field("agency"),
                    Field("locality"),
                    Field("locality_name"),
                    Field("numerator"),
                    Field("denominator"),
                    Field("unit"),
                    string.Equals(Field("revised"), "true", StringComparison.OrdinalIgnoreCase),
                    Field("source")));
            }
        }

        return rows;
    }
}
