using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// Observations held packed: as a period's were read (<see cref="Pack"/>), or in the order the csv lists a
/// compile's (<see cref="Sorted"/>). A row keeps its names as indexes into one table of the distinct names and its
/// figures as numbers, 48 bytes where an <see cref="Observation"/> and the reference to it take over a hundred; each
/// observation read is made again, equal to the one packed. A compile holds every figure it reads until its release
/// is written, so their size is what grows with the data.
/// </summary>
public sealed class PackedObservations : IReadOnlyList<Observation>
{
    // 48 KB a chunk: short of the large object heap, and no array twice the size while the rows are added.
    private const int ChunkSize = 1024;

    private readonly List<Row[]> _chunks = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<ReportingPeriod> _periods = [];
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
            var row = RowAt(index);
            return new Observation(
                _periods[row.Period],
                _names[row.Agency],
                _names[row.Indicator],
                _names[row.Locality],
                row.Numerator,
                row.HasDenominator ? row.Denominator : null,
                row.Value,
                (IndicatorUnit)row.Unit,
                _commentary.GetValueOrDefault(index),
                _names[row.Source]);
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
    /// The observations of <paramref name="lists"/>, read in turn, packed in the csv's order: what sorting them by
    /// quarter, indicator, agency and locality (a stable sort, ordinal names) gives. Packed lists are sorted by
    /// their rows' keys, and each observation made again only as it is packed anew, one at a time.
    /// </summary>
    public static PackedObservations Sorted(IEnumerable<IReadOnlyList<Observation>> lists)
    {
        var sources = lists.ToList();
        var starts = new int[sources.Count + 1];
        for (var s = 0; s < sources.Count; s++)
        {
            starts[s + 1] = starts[s] + sources[s].Count;
        }

        var order = new int[starts[^1]];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // The position read breaks ties, so the sort, not stable itself, keeps rows alike in the order read.
        Array.Sort(order, (x, y) =>
        {
            var (a, b) = (KeyAt(sources, starts, x), KeyAt(sources, starts, y));
            var by = a.Period.CompareTo(b.Period);
            by = by != 0 ? by : string.CompareOrdinal(a.Indicator, b.Indicator);
            by = by != 0 ? by : string.CompareOrdinal(a.Agency, b.Agency);
            by = by != 0 ? by : string.CompareOrdinal(a.Locality, b.Locality);
            return by != 0 ? by : x.CompareTo(y);
        });
        var packed = new PackedObservations();
        foreach (var at in order)
        {
            var s = SourceOf(starts, at);
            packed.Add(sources[s][at - starts[s]]);
        }

        return packed;
    }

    /// <summary>
    /// The observations of <paramref name="indicator"/> (its code compared ordinally) in <paramref name="held"/>,
    /// in their order: made one at a time where they are held packed, rather than all at once.
    /// </summary>
    public static IEnumerable<Observation> Of(IReadOnlyList<Observation> held, string indicator) =>
        held is PackedObservations packed
            ? packed.Of(indicator)
            : held.Where(o => string.Equals(o.Indicator, indicator, StringComparison.Ordinal));

    /// <summary>The observations of one indicator (its code as written, compared ordinally), in order.</summary>
    public IEnumerable<Observation> Of(string indicator)
    {
        if (!_ids.TryGetValue(indicator, out var id))
        {
            yield break;
        }

        for (var i = 0; i < Count; i++)
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

    private static (ReportingPeriod Period, string Indicator, string Agency, string Locality) KeyAt(
        List<IReadOnlyList<Observation>> sources, int[] starts, int at)
    {
        var s = SourceOf(starts, at);
        var index = at - starts[s];
        if (sources[s] is PackedObservations packed)
        {
            var row = packed.RowAt(index);
            return (packed._periods[row.Period], packed._names[row.Indicator], packed._names[row.Agency],
                packed._names[row.Locality]);
        }

        var o = sources[s][index];
        return (o.Period, o.Indicator, o.Agency, o.Locality);
    }

    /// <summary>Which source, their starts <paramref name="starts"/>, holds position <paramref name="at"/>.</summary>
    private static int SourceOf(int[] starts, int at)
    {
        var found = Array.BinarySearch(starts, at);
        // Past an empty source its start repeats the next one's: the last of equal starts holds the row.
        if (found >= 0)
        {
            while (found + 1 < starts.Length - 1 && starts[found + 1] == at)
            {
                found++;
            }

            return found;
        }

        return ~found - 1;
    }

    private ref readonly Row RowAt(int index) => ref _chunks[index / ChunkSize][index % ChunkSize];

    private void Add(Observation o)
    {
        var (chunk, offset) = (Count / ChunkSize, Count % ChunkSize);
        if (chunk == _chunks.Count)
        {
            _chunks.Add(new Row[16]);
        }

        // A chunk grows by doubling to its full size, so a few rows (one agency's load) take little room.
        var rows = _chunks[chunk];
        if (offset == rows.Length)
        {
            Array.Resize(ref rows, Math.Min(ChunkSize, rows.Length * 2));
            _chunks[chunk] = rows;
        }

        rows[offset] = new Row(
            o.Numerator,
            o.Denominator ?? 0,
            o.Value,
            Id(o.Agency),
            Id(o.Indicator),
            Id(o.Locality),
            Id(o.Source),
            PeriodId(o.Period),
            (byte)o.Unit,
            o.Denominator is not null);
        if (o.Commentary is { } commentary)
        {
            _commentary[Count] = commentary;
        }

        Count++;
    }

    private int Id(string name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            _ids[name] = id = _names.Count;
            _names.Add(name);
        }

        return id;
    }

    private ushort PeriodId(ReportingPeriod period)
    {
        var id = _periods.IndexOf(period);
        if (id < 0)
        {
            id = _periods.Count;
            _periods.Add(period);
        }

        return checked((ushort)id);
    }

    /// <summary>One observation: its figures, then its names and quarter as indexes (48 bytes, laid out so).</summary>
    private readonly record struct Row(
        double Numerator,
        double Denominator,
        double Value,
        int Agency,
        int Indicator,
        int Locality,
        int Source,
        ushort Period,
        byte Unit,
        bool HasDenominator);
}
