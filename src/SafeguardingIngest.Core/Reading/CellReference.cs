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
        // Built in one string: every row read names its source cell.
        Span<char> text = stackalloc char[MaxLetters + 11];
        var length = WriteColumn(columnIndex, text);
        rowNumber.TryFormat(text[length..], out var digits, default, CultureInfo.InvariantCulture);
        return new string(text[..(length + digits)]);
    }

    /// <summary>"Indicators!D14", quoting sheet names with spaces as Excel does.</summary>
    public static string Qualified(string sheet, string cell) =>
        NeedsQuotes(sheet)
            ? $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!{cell}"
            : string.Concat(sheet, "!", cell);

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
