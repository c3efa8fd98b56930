using System.IO.Compression;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Spreadsheets;

namespace SafeguardingIngest.Tests.Spreadsheets;

public class XlsxWriterTests
{
    private static SheetDefinition[] Sheets() =>
    [
        new(
            "Summary",
            [
                [SheetCell.Header("Code"), SheetCell.Header("Value")],
                ["NI 65", SheetCell.Of(14.7, CellStyle.OneDecimal)],
            ]),
        new("About", [["Partnership", "Test partnership"]]),
    ];

    [Fact]
    public void Write_TheSameSheetsTwice_GivesByteIdenticalWorkbooks()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        XlsxWriter.Write(first, Sheets());
        Thread.Sleep(TimeSpan.FromSeconds(2.1));
        XlsxWriter.Write(second, Sheets());

        // Two seconds apart: a zip entry's time (kept to two seconds) or a generated part id would differ.
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Write_EveryPart_CarriesTheFixedTimeNotTheClocks()
    {
        using var workbook = new MemoryStream();

        XlsxWriter.Write(workbook, Sheets());

        workbook.Position = 0;
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read);
        Assert.NotEmpty(zip.Entries);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Theory]
    [InlineData("R\u00e9f\u00e9rence \u0013 missed appointments audit")]
    [InlineData("bell \u0007, escape \u001b and form feed \u000c")]
    [InlineData("a literal _x0041_ stays as typed")]
    [InlineData("tab\tline\nbreak and \ud83d\ude00")]
    public void Write_TextXmlCannotHold_IsReadBackAsGiven(string text)
    {
        using var workbook = new MemoryStream();

        // An agency's commentary can carry a control character pasted from another system; the workbook must
        // still be written, and read back by a spreadsheet reader as the same text.
        XlsxWriter.Write(workbook, [new SheetDefinition("Commentary", [["NEG05", text]])]);

        workbook.Position = 0;
        var opened = SpreadsheetOpener.Open(workbook, ReaderLimits.Default);
        using var spreadsheet = opened.Spreadsheet!;
        using var cursor = spreadsheet.OpenSheet(0);
        Assert.True(cursor.Read());
        Assert.Equal(text, cursor[1].Text);
    }
}
