namespace SafeguardingIngest.Reading;

/// <summary>The outcome of opening a return: a spreadsheet to read, or the reason it cannot be read.</summary>
public sealed record OpenResult(ISpreadsheet? Spreadsheet, FileProblem? Problem);

/// <summary>Opens an upload as a spreadsheet, by what its content is rather than what it is called.</summary>
public static class SpreadsheetOpener
{
    /// <summary>
    /// Sniffs and opens a seekable stream. The stream is not owned; dispose the spreadsheet, then the stream.
    /// </summary>
    public static OpenResult Open(Stream stream, ReaderLimits limits)
    {
        var sniff = FileSniffer.Inspect(stream, limits);
        if (sniff.Problem is not null)
        {
            return new OpenResult(null, sniff.Problem);
        }

        try
        {
            ISpreadsheet spreadsheet = sniff.Kind == ReturnFileKind.Csv
                ? CsvSpreadsheet.Open(stream, limits)
                : ExcelSpreadsheet.Open(stream, sniff.Kind!.Value, limits);
            return new OpenResult(spreadsheet, null);
        }
        catch (UnreadableSpreadsheetException e)
        {
            return new OpenResult(null, e.Problem);
        }
    }
}
