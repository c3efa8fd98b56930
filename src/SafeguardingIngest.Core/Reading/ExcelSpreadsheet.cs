using System.Diagnostics;
using System.Text;
using System.Xml;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Reading;

/// <summary>
/// The one place ExcelDataReader is used: xlsx and xls read row by row, never into a DataSet.
/// Its exceptions on damaged content become <see cref="UnreadableSpreadsheetException"/>.
/// </summary>
internal sealed class ExcelSpreadsheet : ISpreadsheet
{
    private static readonly System.Reflection.Assembly s_readerAssembly = typeof(ExcelReaderFactory).Assembly;
    private readonly IExcelDataReader _reader;
    private readonly ReaderLimits _limits;
    private readonly Func<string, Dictionary<(int Row, int Column), string>> _errorCells;
    private readonly IDisposable? _errorSource;

    // The sheet the reader stands on, and whether any of its rows were handed out. Moving forward costs only the
    // sheets passed (ExcelDataReader parses each sheet it arrives at); going back means starting over.
    private int _sheet;
    private bool _sheetStarted;

    static ExcelSpreadsheet()
    {
        // Legacy .xls files store text in Windows code pages that .NET does not load by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private ExcelSpreadsheet(
        IExcelDataReader reader,
        ReturnFileKind kind,
        IReadOnlyList<string> sheetNames,
        ReaderLimits limits,
        Func<string, Dictionary<(int Row, int Column), string>> errorCells,
        IDisposable? errorSource)
    {
        _reader = reader;
        _errorCells = errorCells;
        _errorSource = errorSource;
        _limits = limits;
        Kind = kind;
        SheetNames = sheetNames;
    }

    public ReturnFileKind Kind { get; }

    public IReadOnlyList<string> SheetNames { get; }

    public bool UsesDecimalComma => false;

    /// <summary>Opens a workbook the sniffer has identified; the stream stays open and is not owned.</summary>
    public static ExcelSpreadsheet Open(Stream stream, ReturnFileKind kind, ReaderLimits limits)
    {
        var configuration = new ExcelReaderConfiguration { LeaveOpen = true };
        return Guard(() =>
        {
            var reader = kind == ReturnFileKind.Xls
                ? ExcelReaderFactory.CreateBinaryReader(stream, configuration)
                : ExcelReaderFactory.CreateOpenXmlReader(stream, configuration);
            try
            {
                if (kind == ReturnFileKind.Xlsx)
                {
                    var xlsx = new XlsxErrorCells(stream);
                    return new ExcelSpreadsheet(reader, kind, NamesOf(reader, xlsx), limits, xlsx.ForSheet, xlsx);
                }

                var names = ListSheets(reader);
                var compound = CompoundFile.Open(stream);
                var biff = compound?.ReadStream("Workbook") ?? compound?.ReadStream("Book");
                var sheets = biff is null ? [] : BiffErrorCells.Scan(biff);
                return new ExcelSpreadsheet(
                    reader,
                    kind,
                    names,
                    limits,
                    name => sheets.GetValueOrDefault(name) ?? [],
                    null);
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        });
    }

    public ISheetCursor OpenSheet(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, SheetNames.Count);
        Guard(() =>
        {
            if (index < _sheet || (index == _sheet && _sheetStarted))
            {
                _reader.Reset();
                _sheet = 0;
            }

            for (; _sheet < index; _sheet++)
            {
                _reader.NextResult();
            }

            _sheetStarted = true;
            return 0;
        });
        var errors = Guard(() => _errorCells(SheetNames[index]));
        return new Cursor(this, SheetNames[index], errors);
    }

    /// <summary>
    /// The sheet names of an xlsx from its workbook part, without ExcelDataReader parsing every sheet to reach its
    /// name; where the two disagree on the count or the first name, ExcelDataReader's own list is taken.
    /// </summary>
    private static IReadOnlyList<string> NamesOf(IExcelDataReader reader, XlsxErrorCells xlsx) =>
        xlsx.SheetNames.Count == reader.ResultsCount
        && xlsx.SheetNames.Count > 0
        && xlsx.SheetNames[0] == reader.Name
        && xlsx.SheetNames.All(name => name.Length > 0)
            ? xlsx.SheetNames
            : ListSheets(reader);

    /// <summary>Every sheet's name by walking the reader through them, then back to the first.</summary>
    private static List<string> ListSheets(IExcelDataReader reader)
    {
        var names = new List<string>();
        do
        {
            names.Add(reader.Name ?? $"Sheet{names.Count + 1}");
        }
        while (reader.NextResult());
        reader.Reset();
        return names;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _errorSource?.Dispose();
    }

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Translate(e);
        }
    }

    // ExcelDataReader has no single exception type for damaged content: besides its own, it lets
    // the BCL's exceptions escape from deep inside its parsers on truncated, malformed or inconsistent
    // files. Those count as damage only when the reader itself was running when they were thrown; the
    // same types thrown by our own code are our faults, surfaced as internal errors that the host
    // retries and logs, never shown to an agency as "the file is damaged".
    internal static bool IsDamage(Exception e) =>
        e is ExcelReaderException or XmlException or InvalidDataException or EndOfStreamException or
            DecoderFallbackException
        ||
            (e is FormatException or ArgumentException or IndexOutOfRangeException or InvalidOperationException or
                OverflowException
                or NotSupportedException or InvalidCastException or KeyNotFoundException or NullReferenceException
            && ThrownInsideReader(e));

    private static bool ThrownInsideReader(Exception e) =>
        new StackTrace(e, fNeedFileInfo: false)
            .GetFrames()
            .Any(f => f.GetMethod()?.DeclaringType?.Assembly == s_readerAssembly);

    private static UnreadableSpreadsheetException Translate(Exception e) => e is InvalidPasswordException
        ? new UnreadableSpreadsheetException(
            new FileProblem(
                Rules.FilePasswordProtected,
                "The workbook is protected with a password; remove the password (File > Info > Protect Workbook) and " +
                "resend it."),
            e)
        : new UnreadableSpreadsheetException(
            new FileProblem(
                Rules.FileCorrupt,
                $"The workbook is damaged and cannot be read ({Describe(e)}); open it in Excel, save it again and " +
                "resend it."),
            e);

    private static string Describe(Exception e) => e switch
    {
        XmlException => "its XML is malformed",
        EndOfStreamException or InvalidDataException => "the file is cut short or its compression is broken",
        HeaderException => "its header is not a workbook's",
        _ => e.Message.TrimEnd('.'),
    };

    private static bool IsPercentFormat(string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return false;
        }

        var quoted = false;
        foreach (var c in format)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '%' && !quoted)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Cursor(
        ExcelSpreadsheet owner,
        string sheetName,
        Dictionary<(int Row, int Column), string> errors) : ISheetCursor
    {
        private readonly IExcelDataReader _reader = owner._reader;

        public string SheetName => sheetName;

        public int RowNumber { get; private set; }

        public int FieldCount { get; private set; }

        public bool Read()
        {
            try
            {
                if (!_reader.Read())
                {
                    return false;
                }
            }
            catch (Exception e) when (IsDamage(e))
            {
                throw Translate(e);
            }

            RowNumber++;
            FieldCount = _reader.FieldCount;
            if (RowNumber > owner._limits.MaxRows)
            {
                throw new UnreadableSpreadsheetException(new FileProblem(Rules.SheetTooManyRows,
                    $"Sheet '{sheetName}' has more than {owner._limits.MaxRows:N0} rows; a quarterly return holds " +
                    "aggregate figures, one row per indicator and locality.",
                    sheetName));
            }

            if (FieldCount > owner._limits.MaxColumns)
            {
                throw new UnreadableSpreadsheetException(new FileProblem(Rules.SheetTooManyColumns,
                    $"Sheet '{sheetName}' has {FieldCount:N0} columns, over the limit of " +
                    $"{owner._limits.MaxColumns:N0}; delete the unused columns.",
                    sheetName));
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

                object? value;
                try
                {
                    value = _reader.GetValue(column);
                }
                catch (Exception e) when (IsDamage(e))
                {
                    throw Translate(e);
                }

                switch (value)
                {
                    case null:
                        return errors.Count > 0 && errors.TryGetValue((RowNumber - 1, column), out var error)
                            ? CellValue.FromError(error)
                            : CellValue.Empty;
                    case double number:
                        return CellValue.FromNumber(number, IsPercentFormat(FormatOf(column)));
                    case string text:
                        if (text.Length > owner._limits.MaxCellLength)
                        {
                            throw new UnreadableSpreadsheetException(new FileProblem(Rules.CellTooLong,
                                $"the cell holds {text.Length:N0} characters, over the limit of " +
                                $"{owner._limits.MaxCellLength:N0}; shorten it.",
                                sheetName, CellReference.Cell(column, RowNumber)));
                        }

                        return CellValue.FromText(text);
                    case bool flag:
                        return new CellValue(CellKind.Boolean, flag ? 1 : 0, null, false);
                    case DateTime date:
                        return new CellValue(CellKind.Date, date.ToOADate(), null, false);
                    case TimeSpan time:
                        return CellValue.FromNumber(time.TotalDays);
                    case int whole:
                        return CellValue.FromNumber(whole);
                    default:
                        return CellValue.FromText(Convert.ToString(
                            value,
                            System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        private string? FormatOf(int column)
        {
            try
            {
                return _reader.GetNumberFormatString(column);
            }
            catch (Exception e) when (IsDamage(e))
            {
                throw Translate(e);
            }
        }

        public void Dispose()
        {
            // The reader belongs to the spreadsheet; the next OpenSheet rewinds it.
        }
    }
}
