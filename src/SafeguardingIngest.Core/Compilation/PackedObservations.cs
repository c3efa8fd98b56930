using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// A compile's observations, held packed in the order the csv lists them: by quarter, then indicator, agency and
/// locality (each in ordinal order), rows alike in all four in the order they were read. A row keeps its names as
/// indexes into one table of the distinct names and its figures as numbers, 48 bytes where an
/// <see cref="Observation"/> and the reference to it take over a hundred; each observation read is made again,
/// equal to the one packed. The report keeps these for the whole of a release's writing, so they are what grows.
/// </summary>
public sealed class PackedObservations : IReadOnlyList<Observation>
{
    // 48 KB a chunk: short of the large object heap, and no array twice the size while the rows are added.
    private const int ChunkSize = 1024;

    private readonly Row[][] _chunks;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<ReportingPeriod> _periods = [];
    private readonly Dictionary<int, string> _commentary = [];

    private PackedObservations(IReadOnlyList<Observation> all, int[] order)
    {
        Count = order.Length;
        _chunks = new Row[(Count + ChunkSize - 1) / ChunkSize][];
        for (var i = 0; i < Count; i++)
        {
            if (i % ChunkSize == 0)
            {
                _chunks[i / ChunkSize] = new Row[Math.Min(ChunkSize, Count - i)];
            }

            var o = all[order[i]];
            _chunks[i / ChunkSize][i % ChunkSize] = new Row(
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
                _commentary[i] = commentary;
            }
        }
    }

    /// <summary>How many observations are held.</summary>
    public int Count { get; }

    /// <summary>The observation at <paramref name="index"/>, made again from its row.</summary>
    public Observation this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var row = _chunks[index / ChunkSize][index % ChunkSize];
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

    /// <summary>
    /// The observations of <paramref name="lists"/>, read in turn, packed in the csv's order: what sorting them by
    /// quarter, indicator, agency and locality (a stable sort, ordinal names) gives.
    /// </summary>
    public static PackedObservations Sorted(IEnumerable<IReadOnlyList<Observation>> lists)
    {
        var all = new List<Observation>();
        foreach (var list in lists)
        {
            all.AddRange(list);
        }

        var order = new int[all.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // The position read breaks ties, so the sort, not stable itself, keeps rows alike in the order read.
        Array.Sort(order, (x, y) =>
        {
            var (a, b) = (all[x], all[y]);
            var by = a.Period.CompareTo(b.Period);
            by = by != 0 ? by : string.CompareOrdinal(a.Indicator, b.Indicator);
            by = by != 0 ? by : string.CompareOrdinal(a.Agency, b.Agency);
            by = by != 0 ? by : string.CompareOrdinal(a.Locality, b.Locality);
            return by != 0 ? by : x.CompareTo(y);
        });
        return new PackedObservations(all, order);
    }

    /// <summary>The observations of one indicator (its code as written, compared ordinally), in order.</summary>
    public IEnumerable<Observation> Of(string indicator)
    {
        if (!_ids.TryGetValue(indicator, out var id))
        {
            yield break;
        }

        for (var i = 0; i < Count; i++)
        {
            if (_chunks[i / ChunkSize][i % ChunkSize].Indicator == id)
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
