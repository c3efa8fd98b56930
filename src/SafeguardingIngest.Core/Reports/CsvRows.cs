using Sylvan.Data.Csv;

namespace SafeguardingIngest.Reports;

/// <summary>
/// Writes a header and rows of text as csv with Sylvan's writer: RFC 4180, fields quoted where they hold a
/// comma, a quote or a line break (and where one starts with the writer's comment mark, #), each line ending
/// CRLF as Excel writes it. Sylvan's writer closes the text writer it is given once the rows are written, so a
/// caller that goes on with the stream underneath hands in a writer that leaves it open.
/// </summary>
public static class CsvRows
{
    private static readonly CsvDataWriterOptions s_options = new() { NewLine = "\r\n" };

    /// <summary>
    /// Writes <paramref name="columns"/> and then <paramref name="rows"/> to <paramref name="output"/>.
    /// </summary>
    public static void Write(
        TextWriter output,
        IReadOnlyList<string> columns,
        IEnumerable<IReadOnlyList<string>> rows)
    {
        using var reader = new TextRowsReader(columns, rows);
        using var csv = CsvDataWriter.Create(output, s_options);
        csv.Write(reader);
    }

    /// <summary>
    /// Writes <paramref name="columns"/> and then <paramref name="rows"/> to <paramref name="output"/>, a row at a
    /// time as the rows are enumerated.
    /// </summary>
    public static async Task WriteAsync(
        TextWriter output,
        IReadOnlyList<string> columns,
        IEnumerable<IReadOnlyList<string>> rows,
        CancellationToken cancellationToken)
    {
        await using var reader = new TextRowsReader(columns, rows);
        await using var csv = CsvDataWriter.Create(output, s_options);
        await csv.WriteAsync(reader, cancellationToken);
    }
}
