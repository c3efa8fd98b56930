using SafeguardingIngest.Reading;
using SafeguardingIngest.Spreadsheets;

namespace SafeguardingIngest.Tests.Reading;

public class SpreadsheetReadingTests
{
    private static List<(int Row, List<CellValue> Cells)> ReadSheet(string path, string sheet)
    {
        using var stream = File.OpenRead(path);
        var opened = SpreadsheetOpener.Open(stream, ReaderLimits.Default);
        using var spreadsheet = opened.Spreadsheet!;
        using var cursor = spreadsheet.OpenSheet(spreadsheet.SheetNames.ToList().IndexOf(sheet));
        var rows = new List<(int, List<CellValue>)>();
        while (cursor.Read())
        {
            rows.Add((cursor.RowNumber, Enumerable.Range(0, cursor.FieldCount).Select(i => cursor[i]).ToList()));
        }

        return rows;
    }

    [Theory]
    [InlineData("csc-good-libreoffice.xlsx", ReturnFileKind.Xlsx)]
    [InlineData("csc-good-libreoffice.xls", ReturnFileKind.Xls)]
    public void Open_LibreOfficeWorkbook_ListsSheetsInOrder(string fixture, ReturnFileKind kind)
    {
        using var stream = File.OpenRead(Samples.TestData(fixture));

        using var spreadsheet = SpreadsheetOpener.Open(stream, ReaderLimits.Default).Spreadsheet!;

        Assert.Equal(kind, spreadsheet.Kind);
        Assert.Equal(["Cover", "Indicators", "Actions", "Risks"], spreadsheet.SheetNames);
    }

    [Fact]
    public void OpenSheet_PercentFormattedCellFromLibreOffice_IsFlagged()
    {
        var rows = ReadSheet(Samples.TestData("pol-messy-libreoffice.xlsx"), "Data");

        var cell = rows.Single(r => r.Row == 5).Cells[4];
        Assert.Equal(CellKind.Number, cell.Kind);
        Assert.Equal(0.28125, cell.Number);
        Assert.True(cell.IsPercentFormatted);
        Assert.Equal("28.125%", cell.Display());
    }

    [Fact]
    public void OpenSheet_EmptyRowsInTheXml_StillCountTowardsRowNumbers()
    {
        var rows = ReadSheet(Samples.TestData("pol-messy-libreoffice.xlsx"), "Data");

        Assert.Equal("NEG 04", rows.Single(r => r.Row == 9).Cells[0].Text);
    }

    [Fact]
    public void OpenSheet_ErrorCellsOfOurOwnPrefixedXml_ReadAsErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sgi-{Guid.NewGuid():N}.xlsx");
        try
        {
            TestWorkbook.Empty().Sheet(
                "Indicators",
                ["Indicator", "Value"],
                ["DA02", SheetCell.Error("#VALUE!")],
                ["NEG04", SheetCell.Error("#N/A")]).Save(path);

            var rows = ReadSheet(path, "Indicators");

            Assert.Equal(CellValue.FromError("#VALUE!"), rows[1].Cells[1]);
            Assert.Equal(CellValue.FromError("#N/A"), rows[2].Cells[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void XlsxErrorScan_CellSplitAcrossReadBuffers_IsStillFound()
    {
        // Long formulas push the error cells across the scanner's 64 KiB read boundary.
        var padding = string.Concat(
            Enumerable.Range(0, 4000).Select(i => $"<c r=\"A{i + 1}\" t=\"inlineStr\"><is><t>row {i}</t></is></c>"));
        var xml = $"<worksheet><sheetData><row r=\"1\">{padding}<c r=\"B4001\" s=\"0\" " +
            $"t=\"e\"><f>{new string('1', 300)}/0</f><v>#DIV/0!</v></c></row></sheetData></worksheet>";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));

        var errors = XlsxErrorCells.Scan(stream);

        Assert.Equal("#DIV/0!", errors[(4000, 1)]);
    }
}
