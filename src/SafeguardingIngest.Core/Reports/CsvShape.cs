namespace SafeguardingIngest.Reports;

/// <summary>
/// A csv's columns and which of them hold more than one value in its rows: what <see cref="CsvMetadata"/>
/// is written from, taken from a table held whole or from rows as they were written.
/// </summary>
public sealed record CsvShape(IReadOnlyList<string> Columns, IReadOnlySet<string> Varying)
{
    /// <summary>The shape of a table held whole.</summary>
    public static CsvShape Of(CsvTable csv) =>
        new(csv.Columns, csv.Columns.Where(c => csv.DistinctValues(c) > 1).ToHashSet(StringComparer.Ordinal));

    /// <summary>Follows rows as they go by: each column's first value, and whether another came after it.</summary>
    internal sealed class Tracker(IReadOnlyList<string> columns)
    {
        private readonly string?[] _first = new string?[columns.Count];
        private readonly bool[] _varies = new bool[columns.Count];

        public void Add(IReadOnlyList<string> row)
        {
            for (var i = 0; i < _first.Length; i++)
            {
                if (_first[i] is null)
                {
                    _first[i] = row[i];
                }
                else if (!_varies[i] && !string.Equals(_first[i], row[i], StringComparison.Ordinal))
                {
                    _varies[i] = true;
                }
            }
        }

        public CsvShape Shape() =>
            new(columns, columns.Where((_, i) => _varies[i]).ToHashSet(StringComparer.Ordinal));
    }
}
