using System.IO.Compression;
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
}
