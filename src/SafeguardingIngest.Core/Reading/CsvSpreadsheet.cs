using System.Text;
using SafeguardingIngest.Validation;
using Sylvan.Data.Csv;

namespace SafeguardingIngest.Reading;

/// <summary>
/// A csv return: the Indicators table alone, read with Sylvan.Data.Csv. The encoding (UTF-8 with
/// or without BOM, UTF-16 with BOM, else Windows-1252) and the delimiter (comma, semicolon or tab)
/// are worked out from the content.
/// </summary>
internal sealed class CsvSpreadsheet : ISpreadsheet
{
    /// <summary>The name a csv's one table goes by in findings.</summary>
    public const string SheetName = "Indicators";

    private const int SampleLines = 20;
    private readonly Stream _stream;
    private readonly Encoding _encoding;
    private readonly int _preambleLength;
    private readonly char _delimiter;
    private readonly ReaderLimits _limits;

    static CsvSpreadsheet()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private CsvSpreadsheet(Stream stream, Encoding encoding, int preambleLength, char delimiter, ReaderLimits limits)
    {
        _stream = stream;
        _encoding = encoding;
        _preambleLength = preambleLength;
        _delimiter = delimiter;
        _limits = limits;
    }

    public ReturnFileKind Kind => ReturnFileKind.Csv;

    public IReadOnlyList<string> SheetNames { get; } = [SheetName];

    /// <summary>Semicolon-separated files come from Excel set to a decimal-comma locale.</summary>
    public bool UsesDecimalComma => _delimiter == ';';

    /// <summary>The encoding the content was read in.</summary>
    public Encoding Encoding => _encoding;

    /// <summary>The field delimiter found.</summary>
    public char Delimiter => _delimiter;

    /// <summary>Works out encoding and delimiter; the stream stays open and is not owned.</summary>
    public static CsvSpreadsheet Open(Stream stream, ReaderLimits limits)
    {
        var (encoding, preamble) = DetectEncoding(stream);
        stream.Position = preamble;
        var delimiter = DetectDelimiter(stream, encoding);
        return new CsvSpreadsheet(stream, encoding, preamble, delimiter, limits);
    }

    public ISheetCursor OpenSheet(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(index, 0);
        _stream.Position = _preambleLength;
        var text = new StreamReader(
            _stream,
            _encoding,
            detectEncodingFromByteOrderMarks: false,
            bufferSize: 64 * 1024,
            leaveOpen: true);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = _delimiter,
            OwnsReader = true,
            BufferSize = 64 * 1024,

            // A record longer than any legitimate row is refused rather than buffered without end.
            MaxBufferSize = Math.Max(64 * 1024, (_limits.MaxCellLength * 2) + (64 * 1024)),
        };
        try
        {
            return new Cursor(CsvDataReader.Create(text, options), _limits);
        }
        catch (CsvRecordTooLargeException e)
        {
            // The reader looks at the first record when it opens: a line longer than any cell may be.
            text.Dispose();
            throw new UnreadableSpreadsheetException(new FileProblem(Rules.CellTooLong,
                $"Row 1 is longer than the limit of {_limits.MaxCellLength:N0} characters for a cell; shorten the " +
                "text in it.",
                SheetName), e);
        }
    }

    public void Dispose()
    {
        // The stream belongs to the caller.
    }

    private static (Encoding Encoding, int Preamble) DetectEncoding(Stream stream)
    {
        Span<byte> bom = stackalloc byte[3];
        stream.Position = 0;
        var read = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        if (read >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        {
            return (new UTF8Encoding(false), 3);
        }

        if (read >= 2 && bom[0] == 0xFF && bom[1] == 0xFE)
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2);
        }

        if (read >= 2 && bom[0] == 0xFE && bom[1] == 0xFF)
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2);
        }

        return (IsValidUtf8(stream) ? new UTF8Encoding(false) : Encoding.GetEncoding(1252), 0);
    }

    private static bool IsValidUtf8(Stream stream)
    {
        stream.Position = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[(64 * 1024) + 4];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static char DetectDelimiter(Stream stream, Encoding encoding)
    {
        // Title rows above the table have few separators, so the table's own lines decide: the
        // candidate that appears most often (outside quotes) on the busiest sampled line wins.
        using var reader = new StreamReader(
            stream,
            encoding,
            detectEncodingFromByteOrderMarks: false,
            bufferSize: 16 * 1024,
            leaveOpen: true);
        Span<int> best = stackalloc int[3];
        ReadOnlySpan<char> candidates = [',', ';', '\t'];
        Span<int> counts = stackalloc int[3];
        for (var line = 0; line < SampleLines && reader.ReadLine() is { } text; line++)
        {
            counts.Clear();
            var quoted = false;
            foreach (var c in text)
            {
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (!quoted && candidates.IndexOf(c) is var i and >= 0)
                {
                    counts[i]++;
                }
            }

            for (var i = 0; i < 3; i++)
            {
                best[i] = Math.Max(best[i], counts[i]);
            }
        }

        var winner = 0;
        for (var i = 1; i < 3; i++)
        {
            if (best[i] > best[winner])
            {
                winner = i;
            }
        }

        return candidates[winner];
    }

    private sealed class Cursor(CsvDataReader reader, ReaderLimits limits) : ISheetCursor
    {
        // The text last read from each column. A return lists an indicator's localities one under another, so
        // the indicator's code is made into a string once for them all rather than once a row.
        private string?[] _last = new string?[8];

        public string SheetName => CsvSpreadsheet.SheetName;

        public int RowNumber { get; private set; }

        public int FieldCount { get; private set; }

        public bool Read()
        {
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (CsvRecordTooLargeException e)
            {
                throw new UnreadableSpreadsheetException(new FileProblem(Rules.CellTooLong,
                    $"Row {RowNumber + 1} is longer than the limit of {limits.MaxCellLength:N0} characters for a " +
                    "cell; shorten the text in it.",
                    SheetName), e);
            }

            if (!more)
            {
                return false;
            }

            RowNumber++;
            FieldCount = reader.RowFieldCount;
            if (RowNumber > limits.MaxRows)
            {
                throw new UnreadableSpreadsheetException(new FileProblem(Rules.SheetTooManyRows,
                    $"The file has more than {limits.MaxRows:N0} rows; a quarterly return holds aggregate figures, " +
                    "one row per indicator and locality.",
                    SheetName));
            }

            if (FieldCount > limits.MaxColumns)
            {
                throw new UnreadableSpreadsheetException(new FileProblem(Rules.SheetTooManyColumns,
                    $"Row {RowNumber} has {FieldCount:N0} columns, over the limit of {limits.MaxColumns:N0}; delete " +
                    "the unused columns.",
                    SheetName));
            }

            return true;
        }

        public CellValue this[int column]
        {
            get
            {
                if (column < 0 || column >= FieldCount)
                {
                    return CellValue.Empty;
                }

                var span = reader.GetFieldSpan(column);
                if (span.Length > limits.MaxCellLength)
                {
                    throw new UnreadableSpreadsheetException(new FileProblem(Rules.CellTooLong,
                        $"the cell holds {span.Length:N0} characters, over the limit of {limits.MaxCellLength:N0}; " +
                        "shorten it.",
                        SheetName, CellReference.Cell(column, RowNumber)));
                }

                return span.IsEmpty ? CellValue.Empty : CellValue.FromText(TextOf(column, span));
            }
        }

        public void Dispose() => reader.Dispose();

        private string TextOf(int column, ReadOnlySpan<char> span)
        {
            if (column >= _last.Length)
            {
                Array.Resize(ref _last, Math.Max(column + 1, _last.Length * 2));
            }

            if (_last[column] is { } last && span.SequenceEqual(last))
            {
                return last;
            }

            var text = span.ToString();
            _last[column] = text;
            return text;
        }
    }
}
