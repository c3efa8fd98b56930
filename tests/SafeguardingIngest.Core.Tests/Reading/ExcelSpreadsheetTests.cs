using ExcelDataReader;
using SafeguardingIngest.Reading;

namespace SafeguardingIngest.Tests.Reading;

/// <summary>"The file is damaged" is said only of files the reader could not read, never of a fault of ours.</summary>
public class ExcelSpreadsheetTests
{
    [Fact]
    public void IsDamage_ReaderFailingOnATruncatedWorkbook_IsDamage()
    {
        // The first half of a LibreOffice xls: the reader fails inside its own parser.
        var bytes = File.ReadAllBytes(Samples.TestData("csc-good-libreoffice.xls"));
        using var truncated = new MemoryStream(bytes[..(bytes.Length / 2)]);

        var thrown = Record.Exception(() =>
        {
            using var reader = ExcelReaderFactory.CreateBinaryReader(truncated);
            while (reader.Read())
            {
            }
        });

        Assert.NotNull(thrown);
        Assert.True(ExcelSpreadsheet.IsDamage(thrown), thrown.ToString());
    }

    [Theory]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(IndexOutOfRangeException))]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(KeyNotFoundException))]
    public void IsDamage_SameTypeThrownByOurOwnCode_IsNotDamage(Type type)
    {
        var thrown = Record.Exception(() => ThrowOurs(type));

        Assert.False(ExcelSpreadsheet.IsDamage(thrown));
    }

    [Fact]
    public void Validate_SinkFailsWhileTheFileIsRead_ThrowsInsteadOfBlamingTheFile()
    {
        var validator = new SafeguardingIngest.Validation.ReturnValidator(Samples.Partnership);
        using var stream = File.OpenRead(Samples.TestData("csc-good-libreoffice.xlsx"));

        var thrown = Assert.Throws<InvalidOperationException>(() =>
            validator.Validate(stream, new Returns.ReturnContext("CSC", Samples.Q2, "csc.xlsx"), new FailingSink()));

        Assert.Equal("a fault of ours", thrown.Message);
    }

    [Theory]
    [InlineData("csc-good-libreoffice.xlsx")]
    [InlineData("pol-messy-libreoffice.xlsx")]
    [InlineData("edu-formula-errors-libreoffice.xlsx")]
    [InlineData("headings-council-style.xlsx")]
    public void Open_Xlsx_NamesTheSheetsAsExcelDataReaderDoes(string file)
    {
        var path = Samples.TestData(file);
        var walked = new List<string>();
        using (var stream = File.OpenRead(path))
        using (var reader = ExcelReaderFactory.CreateOpenXmlReader(stream))
        {
            do
            {
                walked.Add(reader.Name);
            }
            while (reader.NextResult());
        }

        using var file2 = File.OpenRead(path);
        using var spreadsheet = ExcelSpreadsheet.Open(file2, ReturnFileKind.Xlsx, ReaderLimits.Default);

        Assert.Equal(walked, spreadsheet.SheetNames);
    }

    [Theory]
    [InlineData("csc-good-libreoffice.xlsx", ReturnFileKind.Xlsx)]
    [InlineData("csc-good-libreoffice.xls", ReturnFileKind.Xls)]
    public void OpenSheet_InAnyOrderAndAgain_ReadsEachSheetFromItsFirstRow(string file, ReturnFileKind kind)
    {
        using var stream = File.OpenRead(Samples.TestData(file));
        using var spreadsheet = ExcelSpreadsheet.Open(stream, kind, ReaderLimits.Default);
        var count = spreadsheet.SheetNames.Count;
        Assert.True(count >= 3, $"{file} has {count} sheets");
        var firstRows = Enumerable.Range(0, count).Select(i => FirstRow(spreadsheet, i)).ToList();

        // Back to the start, the same sheet twice, forward past one, and back again.
        foreach (var index in new[] { count - 1, 0, 0, 2, 1, count - 1 })
        {
            Assert.Equal(firstRows[index], FirstRow(spreadsheet, index));
        }
    }

    private static string FirstRow(ExcelSpreadsheet spreadsheet, int index)
    {
        using var cursor = spreadsheet.OpenSheet(index);
        Assert.Equal(spreadsheet.SheetNames[index], cursor.SheetName);
        var rows = 0;
        var first = new List<string?>();
        while (cursor.Read())
        {
            if (rows++ == 0)
            {
                first.AddRange(Enumerable.Range(0, cursor.FieldCount).Select(c => cursor[c].Display()));
            }
        }

        return $"{rows} rows; first: {string.Join("|", first)}";
    }

    private static void ThrowOurs(Type type) => throw (Exception)Activator.CreateInstance(type, "a fault of ours")!;

    private sealed class FailingSink : Returns.IObservationSink
    {
        public void Add(Returns.Observation observation) => throw new InvalidOperationException("a fault of ours");
    }
}
