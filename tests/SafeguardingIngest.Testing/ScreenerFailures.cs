using System.Globalization;

namespace SafeguardingIngest.Testing;

/// <summary>
/// The failures a screening finds, in the order first found: one line for each failure, naming the data rows
/// (numbered from 1 below the header) it was found on, the first few of them where there are many.
/// </summary>
internal sealed class ScreenerFailures
{
    private const int RowsNamed = 5;
    private readonly Dictionary<string, List<int>> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Records <paramref name="failure"/>, on data row <paramref name="row"/> where it is a row's.</summary>
    public void Add(string failure, int? row = null)
    {
        if (!_rows.TryGetValue(failure, out var rows))
        {
            rows = [];
            _rows.Add(failure, rows);
            _order.Add(failure);
        }

        if (row is { } r)
        {
            rows.Add(r);
        }
    }

    /// <summary>Each failure in words.</summary>
    public IReadOnlyList<string> Lines() => [.. _order.Select(f => f + Where(_rows[f]))];

    private static string Where(List<int> rows)
    {
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        var named = string.Join(", ", rows.Take(RowsNamed).Select(r => r.ToString(CultureInfo.InvariantCulture)));
        var more = rows.Count > RowsNamed
            ? string.Create(CultureInfo.InvariantCulture, $" and {rows.Count - RowsNamed} more")
            : string.Empty;
        return $" (row{(rows.Count == 1 ? string.Empty : "s")} {named}{more})";
    }
}
