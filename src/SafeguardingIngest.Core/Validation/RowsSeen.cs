using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Validation;

/// <summary>
/// The row each indicator and locality of the Indicators table was first given on: a second row for the
/// same pair is a duplicate, and a pair with none is missing.
/// </summary>
internal sealed class RowsSeen(int localities)
{
    // One table of localities per indicator, each keyed by a plain string: a string key is hashed with the runtime's
    // quick ordinal hash, where a tuple of two strings takes the slower randomized one, and this is asked of
    // every row and again of every pair owed.
    private readonly Dictionary<string, Dictionary<string, int>> _rows = [];

    /// <summary>Records <paramref name="row"/> for the pair; false, with the first row, when it came before.</summary>
    public bool TryAdd(Indicator indicator, string locality, int row, out int first)
    {
        if (!_rows.TryGetValue(indicator.Code, out var rows))
        {
            // Made at the size the indicator is owed at, so it is never grown row by row.
            rows = new Dictionary<string, int>(indicator.ByLocality ? localities + 1 : 1);
            _rows.Add(indicator.Code, rows);
        }

        if (rows.TryAdd(locality, row))
        {
            first = row;
            return true;
        }

        first = rows[locality];
        return false;
    }

    /// <summary>True when a row gave <paramref name="indicator"/> for <paramref name="locality"/>.</summary>
    public bool Contains(string indicator, string locality) =>
        _rows.TryGetValue(indicator, out var rows) && rows.ContainsKey(locality);
}
