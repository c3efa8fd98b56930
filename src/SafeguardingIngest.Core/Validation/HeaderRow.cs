using SafeguardingIngest.Reading;

namespace SafeguardingIngest.Validation;

/// <summary>A table's header row: where it is and which column holds what.</summary>
public sealed class HeaderRow
{
    /// <summary>Rows searched for a header before giving up (title rows may stand above it).</summary>
    public const int SearchRows = 20;

    private readonly Dictionary<ReturnColumn, int> _columns;

    private HeaderRow(
        int rowNumber,
        Dictionary<ReturnColumn, int> columns,
        IReadOnlyList<(int Column, string Heading)> headings,
        IReadOnlyList<(int Column, string Heading)> unread,
        IReadOnlyList<(int Column, string Heading, int Taken)> doubled)
    {
        RowNumber = rowNumber;
        _columns = columns;
        Headings = headings;
        Unread = unread;
        Doubled = doubled;
    }

    /// <summary>One-based row number of the header.</summary>
    public int RowNumber { get; }

    /// <summary>Every non-blank heading with its zero-based column.</summary>
    public IReadOnlyList<(int Column, string Heading)> Headings { get; }

    /// <summary>Headings that name no column of the table: their columns are not read.</summary>
    public IReadOnlyList<(int Column, string Heading)> Unread { get; }

    /// <summary>
    /// Headings that name a column an earlier heading already named (<c>Taken</c>): the earlier one is read.
    /// </summary>
    public IReadOnlyList<(int Column, string Heading, int Taken)> Doubled { get; }

    /// <summary>The zero-based column of <paramref name="column"/>, or -1 when the table has none.</summary>
    public int this[ReturnColumn column] => _columns.TryGetValue(column, out var index) ? index : -1;

    /// <summary>True when the table has that column.</summary>
    public bool Has(ReturnColumn column) => _columns.ContainsKey(column);

    /// <summary>How many columns of the table the headings name.</summary>
    public int Recognised => _columns.Count;

    /// <summary>
    /// Reads the current row as a header if it has the <paramref name="key"/> column and at least
    /// <paramref name="minimumColumns"/> recognised headings; null otherwise.
    /// </summary>
    public static HeaderRow? TryRead(
        ISheetCursor cursor,
        IReadOnlyDictionary<string, ReturnColumn> aliases,
        ReturnColumn key,
        int minimumColumns)
    {
        var row = Read(cursor, aliases);
        return row.Has(key) && row.Recognised >= minimumColumns ? row : null;
    }

    /// <summary>Reads the current row's text as headings, whether or not they make a header.</summary>
    public static HeaderRow Read(ISheetCursor cursor, IReadOnlyDictionary<string, ReturnColumn> aliases)
    {
        var columns = new Dictionary<ReturnColumn, int>();
        var headings = new List<(int, string)>();
        var unread = new List<(int, string)>();
        var doubled = new List<(int, string, int)>();
        for (var i = 0; i < cursor.FieldCount; i++)
        {
            var cell = cursor[i];
            if (cell.Kind != CellKind.Text || string.IsNullOrWhiteSpace(cell.Text))
            {
                continue;
            }

            var heading = cell.Text.Trim();
            headings.Add((i, heading));
            if (HeadingReader.Column(heading, aliases) is not { } column)
            {
                unread.Add((i, heading));
            }
            else if (!columns.TryAdd(column, i))
            {
                // The first of two columns with the same meaning wins, as a person reading left to right would assume.
                doubled.Add((i, heading, columns[column]));
            }
        }

        return new HeaderRow(cursor.RowNumber, columns, headings, unread, doubled);
    }
}
