using System.Text;

namespace SafeguardingIngest.Reports;

/// <summary>
/// A csv file before it is written: its header and its rows of fields. <see cref="CsvReport"/> builds one, and
/// the file and its <see cref="CsvMetadata"/> are both written from it, so the metadata describes the rows it
/// is published beside.
/// </summary>
public sealed record CsvTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>How many different values <paramref name="column"/> holds over the rows.</summary>
    /// <exception cref="ArgumentException">The table has no such column.</exception>
    public int DistinctValues(string column)
    {
        var index = Array.IndexOf([.. Columns], column);
        if (index < 0)
        {
            throw new ArgumentException($"The table has no column {column}.", nameof(column));
        }

        return Rows.Select(r => r[index]).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>
    /// The file as <see cref="CsvRows"/> writes it, UTF-8 with BOM (so Excel reads it right), each line ending CRLF.
    /// </summary>
    public byte[] Write()
    {
        using var bytes = new MemoryStream();
        using (var text = new StreamWriter(bytes, new UTF8Encoding(true), 1 << 16, leaveOpen: true))
        {
            CsvRows.Write(text, Columns, Rows);
        }

        return bytes.ToArray();
    }
}
