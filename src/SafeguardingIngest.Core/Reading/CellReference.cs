using System.Globalization;

namespace SafeguardingIngest.Reading;

/// <summary>A1-style cell references, as people see them in a spreadsheet.</summary>
public static class CellReference
{
    // Column letters of the largest index an int holds.
    private const int MaxLetters = 7;

    /// <summary>The column letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string Column(int index)
    {
        Span<char> letters = stackalloc char[MaxLetters];
        return new string(letters[..WriteColumn(index, letters)]);
    }

    /// <summary>"D14" for zero-based column 3 of one-based row 14.</summary>
    public static string Cell(int columnIndex, int rowNumber)
    {
        Span<char> text = stackalloc char[MaxLetters + 11];
        return new string(text[..WriteCell(columnIndex, rowNumber, text)]);
    }

    /// <summary>"Indicators!D14", quoting sheet names with spaces as Excel does.</summary>
    public static string Qualified(string sheet, string cell) =>
        NeedsQuotes(sheet)
            ? $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!{cell}"
            : string.Concat(sheet, "!", cell);

    /// <summary>What stands before a cell of <paramref name="sheet"/> in a reference: "Indicators!".</summary>
    public static string SheetPrefix(string sheet) => Qualified(sheet, string.Empty);

    /// <summary>
    /// "Indicators!D14" from a sheet's <see cref="SheetPrefix"/>, built in one string: every observation read
    /// names its source cell, and the sheet is the same for all the rows of a table.
    /// </summary>
    public static string Qualified(string sheetPrefix, int columnIndex, int rowNumber)
    {
        Span<char> text = stackalloc char[MaxLetters + 11];
        return string.Concat(sheetPrefix.AsSpan(), text[..WriteCell(columnIndex, rowNumber, text)]);
    }

    private static bool NeedsQuotes(string sheet)
    {
        foreach (var c in sheet)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes "D14" at the start of <paramref name="into"/>; returns how many characters.</summary>
    private static int WriteCell(int columnIndex, int rowNumber, Span<char> into)
    {
        var length = WriteColumn(columnIndex, into);
        rowNumber.TryFormat(into[length..], out var digits, default, CultureInfo.InvariantCulture);
        return length + digits;
    }

    /// <summary>Writes the column's letters at the start of <paramref name="into"/>; returns how many.</summary>
    private static int WriteColumn(int index, Span<char> into)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<char> letters = stackalloc char[MaxLetters];
        var position = letters.Length;
        var n = (long)index + 1;
        while (n > 0)
        {
            var remainder = (n - 1) % 26;
            letters[--position] = (char)('A' + remainder);
            n = (n - 1) / 26;
        }

        letters[position..].CopyTo(into);
        return letters.Length - position;
    }
}
