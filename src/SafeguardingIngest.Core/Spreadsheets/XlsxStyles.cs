using DocumentFormat.OpenXml.Spreadsheet;

namespace SafeguardingIngest.Spreadsheets;

/// <summary>The stylesheet behind <see cref="CellStyle"/>: one cell format per value, in enum order.</summary>
internal static class XlsxStyles
{
    private const uint PercentFormat = 164;
    private const uint DecimalFormat = 165;
    private const uint DateFormat = 166;

    public static Stylesheet Build()
    {
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = DecimalFormat, FormatCode = "#,##0.0" },
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "d mmm yyyy" })
        { Count = 3 };

        var fonts = new Fonts(
            Font(false, false, 11, null),
            Font(true, false, 11, null),
            Font(true, false, 14, null),
            Font(false, true, 10, "FF595959"),
            Font(true, false, 11, "FFFFFFFF"))
        { Count = 5 };

        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFD9E1F2"),
            Solid("FFC00000"),
            Solid("FFFFC000"),
            Solid("FF00B050"),
            Solid("FFFFF2CC"))
        { Count = 7 };

        var borders = new Borders(new Border(
            new LeftBorder(),
            new RightBorder(),
            new TopBorder(),
            new BottomBorder(),
            new DiagonalBorder())) { Count = 1 };

        // The order must match CellStyle.
        var cellFormats = new CellFormats(
            Format(0, 0, 0),
            Format(0, 1, 2, wrap: true),
            Format(0, 2, 0),
            Format(PercentFormat, 0, 0),
            Format(DecimalFormat, 0, 0),
            Format(3, 0, 0),
            Format(DateFormat, 0, 0),
            Format(0, 0, 0, wrap: true),
            Format(0, 1, 0),
            Format(0, 3, 0, wrap: true),
            Format(0, 4, 3),
            Format(0, 1, 4),
            Format(0, 4, 5),
            Format(0, 0, 6));
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;

        return new Stylesheet(
            formats,
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 })
            {
                Count = 1
            },
            cellFormats);
    }

    private static Font Font(bool bold, bool italic, double size, string? colour)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        if (italic)
        {
            font.Append(new Italic());
        }

        font.Append(new FontSize { Val = size });
        if (colour is not null)
        {
            font.Append(new Color { Rgb = colour });
        }

        font.Append(new FontName { Val = "Calibri" });
        return font;
    }

    private static Fill Solid(string colour) =>
        new(
            new PatternFill(new ForegroundColor { Rgb = colour }, new BackgroundColor { Indexed = 64 })
            {
                PatternType = PatternValues.Solid
            });

    private static CellFormat Format(uint numberFormat, uint font, uint fill, bool wrap = false)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = 0,
            FormatId = 0,
            ApplyNumberFormat = numberFormat != 0,
            ApplyFont = font != 0,
            ApplyFill = fill != 0,
        };
        if (wrap)
        {
            format.Append(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top });
            format.ApplyAlignment = true;
        }

        return format;
    }
}
