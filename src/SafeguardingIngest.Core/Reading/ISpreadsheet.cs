namespace SafeguardingIngest.Reading;

/// <summary>An opened return: its sheets, each read forward one row at a time.</summary>
public interface ISpreadsheet : IDisposable
{
    /// <summary>The format the content turned out to be.</summary>
    ReturnFileKind Kind { get; }

    /// <summary>Sheet names in workbook order; a csv has the one sheet "Indicators".</summary>
    IReadOnlyList<string> SheetNames { get; }

    /// <summary>True where numbers in text use a decimal comma ("14,7"), as in semicolon-separated csv.</summary>
    bool UsesDecimalComma { get; }

    /// <summary>Starts reading sheet <paramref name="index"/> from its first row. One cursor at a time.</summary>
    ISheetCursor OpenSheet(int index);
}

/// <summary>A forward-only cursor over the rows of one sheet; cells are read on demand.</summary>
public interface ISheetCursor : IDisposable
{
    /// <summary>The sheet's name.</summary>
    string SheetName { get; }

    /// <summary>The one-based row number of the current row, as the spreadsheet shows it.</summary>
    int RowNumber { get; }

    /// <summary>Number of cells in the current row (trailing empties may be left off).</summary>
    int FieldCount { get; }

    /// <summary>Moves to the next row; false at the end of the sheet.</summary>
    bool Read();

    /// <summary>
    /// The cell in zero-based column <paramref name="column"/> of the current row; empty beyond the row's end.
    /// </summary>
    CellValue this[int column] { get; }
}
