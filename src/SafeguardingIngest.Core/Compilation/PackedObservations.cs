using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// Observations held packed in memory, in the order read (<see cref="Pack"/>): how a compile holds what it reads of
/// each quarter until it has compiled them (<see cref="SortedObservations"/> then keeps them in a file). A row keeps
/// its names as indexes into one table of the distinct names and its figures as numbers, 48 bytes where an
/// <see cref="Observation"/> and the reference to it take over a hundred; each observation read is made again, equal
/// to the one packed.
/// </summary>
public sealed class PackedObservations : IReadOnlyList<Observation>
{
    // 48 KB a chunk: short of the large object heap, and no array twice the size while the rows are added.
    private const int ChunkSize = 1024;

    private readonly List<PackedRow[]> _chunks = [];
    private readonly PackedNames _names = new();
    private readonly Dictionary<int, string> _commentary = [];

    private PackedObservations()
    {
    }

    /// <summary>How many observations are held.</summary>
    public int Count { get; private set; }

    /// <summary>The observation at <paramref name="index"/>, made again from its row.</summary>
    public Observation this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return RowAt(index).ToObservation(_names, _commentary.GetValueOrDefault(index));
        }
    }

    /// <summary>The observations of <paramref name="observations"/>, packed in the order given.</summary>
    public static PackedObservations Pack(IEnumerable<Observation> observations)
    {
        var packed = new PackedObservations();
        foreach (var observation in observations)
        {
            packed.Add(observation);
        }

        return packed;
    }

    /// <summary>
    /// The observations of <paramref name="indicator"/> (its code compared ordinally) in <paramref name="held"/>,
    /// in their order: made one at a time where they are held packed, rather than all at once.
    /// </summary>
    public static IEnumerable<Observation> Of(IReadOnlyList<Observation> held, string indicator) => held switch
    {
        PackedObservations packed => packed.Of(indicator),
        SortedObservations sorted => sorted.Of(indicator),
        _ => held.Where(o => string.Equals(o.Indicator, indicator, StringComparison.Ordinal)),
    };

    /// <summary>The observations of one indicator (its code as written, compared ordinally), in order.</summary>
    public IEnumerable<Observation> Of(string indicator)
    {
        var id = _names.Find(indicator);
        for (var i = 0; id >= 0 && i < Count; i++)
        {
            if (RowAt(i).Indicator == id)
            {
                yield return this[i];
            }
        }
    }

    /// <inheritdoc />
    public IEnumerator<Observation> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>What the csv sorts the row at <paramref name="index"/> by, read without making it again.</summary>
    internal (ReportingPeriod Period, string Indicator, string Agency, string Locality) KeyAt(int index)
    {
        var row = RowAt(index);
        return (_names.PeriodAt(row.Period), _names.NameAt(row.Indicator), _names.NameAt(row.Agency),
            _names.NameAt(row.Locality));
    }

    private ref readonly PackedRow RowAt(int index) => ref _chunks[index / ChunkSize][index % ChunkSize];

    private void Add(Observation o)
    {
        var (chunk, offset) = (Count / ChunkSize, Count % ChunkSize);
        if (chunk == _chunks.Count)
        {
            _chunks.Add(new PackedRow[16]);
        }

        // A chunk grows by doubling to its full size, so a few rows (one agency's load) take little room.
        var rows = _chunks[chunk];
        if (offset == rows.Length)
        {
            Array.Resize(ref rows, Math.Min(ChunkSize, rows.Length * 2));
            _chunks[chunk] = rows;
        }

        rows[offset] = PackedRow.Of(o, _names);
        if (o.Commentary is { } commentary)
        {
            _commentary[Count] = commentary;
        }

        Count++;
    }
}
