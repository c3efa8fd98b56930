using System.Globalization;

namespace SafeguardingIngest.Reading;

/// <summary>A1-style cell references, as people see them in a spreadsheet.</summary>
public static class CellReference
{
    /// <summary>The column letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string Column(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<char> letters = stackalloc char[4];
        var position = letters.Length;
        var n = index + 1;
        while (n > 0)
        {
            var remainder = (n - 1) % 26;
            letters[--position] = (char)('A' + remainder);
            n = (n - 1) / 26;
        }

        return new string(letters[position..]);
    }

    /// <summary>"D14" for zero-based column 3 of one-based row 14.</summary>
    public static string Cell(int columnIndex, int rowNumber) =>
        Column(columnIndex) + rowNumber.ToString(CultureInfo.InvariantCulture);

    /// <summary>"Indicators!D14", quoting sheet names with spaces as Excel does.</summary>
    public static string Qualified(string sheet, string cell) =>
        (sheet.Any(c => !char.IsLetterOrDigit(c) && c != '_') ? $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'" : sheet) + "!" + cell;
}
