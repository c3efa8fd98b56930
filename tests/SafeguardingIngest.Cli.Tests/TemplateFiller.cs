using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SafeguardingIngest.Cli.Tests;

/// <summary>Fills a template's Indicators sheet the way a data officer would: typing figures into its cells.</summary>
public static class TemplateFiller
{
    /// <summary>Counts 12 in Value; percentages and averages 30 of 120; rates 70 in Numerator.</summary>
    public static void Fill(string path, Action<string, SheetData>? edit = null)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Indicators");
        var data = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
        foreach (var row in data.Elements<Row>().Skip(1))
        {
            var unit = Text(row, "C");
            if (unit.StartsWith("count", StringComparison.Ordinal))
            {
                Set(row, "G", 12);
            }
            else if (unit.StartsWith("rate", StringComparison.Ordinal))
            {
                Set(row, "E", 70);
            }
            else
            {
                Set(row, "E", 30);
                Set(row, "F", 120);
            }
        }

        edit?.Invoke("Indicators", data);
        workbook.Workbook.Save();
    }

    public static string Text(Row row, string column) =>
        row.Elements<Cell>()
            .FirstOrDefault(c => c.CellReference!.Value!.StartsWith(column, StringComparison.Ordinal))?.InnerText
            ?? string.Empty;

    public static void Set(Row row, string column, double value)
    {
        var reference = column + row.RowIndex!.Value.ToString(CultureInfo.InvariantCulture);
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var after = row.Elements<Cell>().LastOrDefault(
                c => string.CompareOrdinal(c.CellReference!.Value, reference) < 0
                    && c.CellReference!.Value!.Length <= reference.Length);
            if (after is null)
            {
                row.PrependChild(cell);
            }
            else
            {
                after.InsertAfterSelf(cell);
            }
        }

        cell.DataType = null;
        cell.InlineString = null;
        cell.CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
