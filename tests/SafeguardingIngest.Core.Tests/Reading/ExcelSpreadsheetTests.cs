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

    private static void ThrowOurs(Type type) => throw (Exception)Activator.CreateInstance(type, "a fault of ours")!;

    private sealed class FailingSink : Returns.IObservationSink
    {
        public void Add(Returns.Observation observation) => throw new InvalidOperationException("a fault of ours");
    }
}
