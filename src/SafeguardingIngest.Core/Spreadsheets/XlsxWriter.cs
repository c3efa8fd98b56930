using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace SafeguardingIngest.Spreadsheets;

/// <summary>
/// Writes an xlsx workbook with the Open XML SDK, streaming each sheet's rows through an
/// OpenXmlWriter so a large sheet is never held in memory. Text is written inline, so there is
/// no shared-string table to build. The same sheets give the same bytes: parts have fixed ids and
/// every zip entry the fixed time 1 January 1980 rather than the clock's, so the package is built
/// (compressed) in memory and then copied out with its times set.
/// </summary>
public static class XlsxWriter
{
    /// <summary>The time every part of a workbook carries: the earliest a zip entry can hold.</summary>
    public static readonly DateTimeOffset PartTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string WorkbookContentType =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>Writes <paramref name="sheets"/> to <paramref name="output"/>, which stays open.</summary>
    public static void Write(Stream output, IEnumerable<SheetDefinition> sheets)
    {
        using var package = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddNewPart<WorkbookPart>(WorkbookContentType, "rIdWorkbook");
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            stylesPart.Stylesheet = XlsxStyles.Build();
            var sheetList = new Sheets();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>(
                    "rIdSheet" + sheetId.ToString(CultureInfo.InvariantCulture));
                WriteSheet(worksheetPart, sheet);
                sheetList.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(worksheetPart),
                    SheetId = sheetId++,
                    Name = sheet.Name,
                });
            }

            workbookPart.Workbook = new Workbook(sheetList);
            workbookPart.Workbook.Save();
        }

        package.Position = 0;
        CopyAtFixedTime(package, output);
    }

    /// <summary>Copies a zip package entry by entry, in order, each stamped <see cref="PartTime"/>.</summary>
    private static void CopyAtFixedTime(Stream package, Stream output)
    {
        using var source = new ZipArchive(package, ZipArchiveMode.Read);
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = PartTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    /// <summary>Writes a workbook to a file, replacing it.</summary>
    public static void WriteFile(string path, IEnumerable<SheetDefinition> sheets)
    {
        using var stream = File.Create(path);
        Write(stream, sheets);
    }

    private static void WriteSheet(WorksheetPart part, SheetDefinition sheet)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        if (sheet.FrozenRows > 0)
        {
            var topLeft = SafeguardingIngest.Reading.CellReference.Cell(0, sheet.FrozenRows + 1);
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane
                {
                    VerticalSplit = sheet.FrozenRows,
                    TopLeftCell = topLeft,
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen
                },
                new Selection
                {
                    Pane = PaneValues.BottomLeft,
                    ActiveCell = topLeft,
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft }
                })
            { WorkbookViewId = 0 }));
        }

        if (sheet.ColumnWidths is { Count: > 0 } widths)
        {
            var columns = new Columns();
            for (var i = 0; i < widths.Count; i++)
            {
                columns.Append(
                    new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
            }

            writer.WriteElement(columns);
        }

        writer.WriteStartElement(new SheetData());
        var rowNumber = 0;
        var lastColumn = 0;
        foreach (var row in sheet.Rows)
        {
            rowNumber++;
            writer.WriteStartElement(new Row { RowIndex = (uint)rowNumber });
            for (var column = 0; column < row.Count; column++)
            {
                var cell = row[column];
                if (cell.Kind == SheetCellKind.Blank && cell.Style == CellStyle.Default)
                {
                    continue;
                }

                lastColumn = Math.Max(lastColumn, column);
                writer.WriteElement(ToCell(cell, SafeguardingIngest.Reading.CellReference.Cell(column, rowNumber)));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        if (sheet.AutoFilter && rowNumber > sheet.FrozenRows && sheet.FrozenRows > 0)
        {
            writer.WriteElement(new AutoFilter
            {
                Reference = $"{SafeguardingIngest.Reading.CellReference.Cell(0, sheet.FrozenRows)}:" +
                    $"{SafeguardingIngest.Reading.CellReference.Cell(lastColumn, rowNumber)}",
            });
        }

        if (sheet.Validations.Count > 0)
        {
            var validations = new DataValidations { Count = (uint)sheet.Validations.Count };
            foreach (var validation in sheet.Validations)
            {
                validations.Append(ToValidation(validation));
            }

            writer.WriteElement(validations);
        }

        writer.WriteEndElement();
    }

    private static Cell ToCell(SheetCell cell, string reference)
    {
        var result = new Cell { CellReference = reference };
        if (cell.Style != CellStyle.Default)
        {
            result.StyleIndex = (uint)cell.Style;
        }

        switch (cell.Kind)
        {
            case SheetCellKind.Text:
                result.DataType = CellValues.InlineString;
                result.InlineString = new InlineString(
                    new Text(OoxmlText.Escape(cell.Text!)) { Space = SpaceProcessingModeValues.Preserve });
                break;
            case SheetCellKind.Number:
                result.CellValue = new CellValue(cell.Number.ToString("R", CultureInfo.InvariantCulture));
                break;
            case SheetCellKind.Error:
                result.DataType = CellValues.Error;
                result.CellValue = new CellValue(cell.Text!);
                break;
        }

        return result;
    }

    private static DataValidation ToValidation(CellValidation validation)
    {
        var result = new DataValidation
        {
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            Prompt = validation.Prompt,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = validation.Range },
        };
        if (validation.Choices is { } choices)
        {
            result.Type = DataValidationValues.List;
            result.Formula1 = new Formula1($"\"{string.Join(",", choices)}\"");
            result.Error = $"Choose one of {string.Join(", ", choices)}.";
        }
        else
        {
            result.Type = DataValidationValues.Whole;
            result.Operator = DataValidationOperatorValues.Between;
            result.Formula1 = new Formula1(validation.Minimum!.Value.ToString(CultureInfo.InvariantCulture));
            result.Formula2 = new Formula2(validation.Maximum!.Value.ToString(CultureInfo.InvariantCulture));
            result.Error = $"Enter a whole number from {validation.Minimum} to {validation.Maximum}.";
        }

        return result;
    }
}
