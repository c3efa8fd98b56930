using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// A compile's observations in the csv's order (what sorting them by quarter, indicator, agency and locality, a stable
/// sort of ordinal names, gives), their rows in a temporary file rather than in memory. A compile holds every figure
/// of eight quarters until its release is written, and the plan, the csv and the reports read them again; here that
/// costs the process the names, the commentary and where each indicator's rows lie, not the rows. While the list is
/// made, the lists read and a position for each of their rows (4 bytes) are held as well. Each row read is made
/// again, equal to the one sorted; a pass over the rows (<see cref="Of(string)"/>, the enumerator) reads them a chunk
/// at a time. The file has no name in the temporary folder once opened (on Windows, it is deleted when closed), so
/// it goes when its handle is closed: when this is disposed, when the collector finalizes the handle, or when the
/// process ends, however it ends.
/// </summary>
public sealed class SortedObservations : IReadOnlyList<Observation>, IDisposable
{
    // 48 KB a read: short of the large object heap.
    private const int ChunkSize = 1024;
    private static readonly int s_rowBytes = Unsafe.SizeOf<PackedRow>();

    private readonly SafeFileHandle _file;
    private readonly PackedNames _names = new();
    private readonly Dictionary<int, string> _commentary = [];

    // Where each indicator's rows lie: a run for each quarter, the rows being sorted by quarter, then indicator.
    private readonly Dictionary<string, List<(int Start, int End)>> _runs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly PackedRow[] _cached = new PackedRow[ChunkSize];
    private int _cachedChunk = -1;

    private SortedObservations((SafeFileHandle Handle, string Path) file) => (_file, FilePath) = file;

    /// <summary>How many observations are held.</summary>
    public int Count { get; private set; }

    /// <summary>The observation at <paramref name="index"/> in the csv's order, read from the file.</summary>
    public Observation this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            ObjectDisposedException.ThrowIf(_file.IsClosed, this);
            lock (_gate)
            {
                if (_cachedChunk != index / ChunkSize)
                {
                    Read(index / ChunkSize, _cached);
                    _cachedChunk = index / ChunkSize;
                }

                return Made(_cached[index % ChunkSize], index);
            }
        }
    }

    /// <summary>
    /// The observations of <paramref name="lists"/>, read in turn, in the csv's order, their rows written to a
    /// temporary file. A packed list's rows are put in order by their keys as packed, and each observation is made
    /// again only as it is written, one at a time.
    /// </summary>
    /// <exception cref="IOException">The temporary file could not be written (a full disk, say).</exception>
    public static SortedObservations Of(IEnumerable<IReadOnlyList<Observation>> lists)
    {
        var held = lists.ToArray();
        var starts = new int[held.Length + 1];
        for (var s = 0; s < held.Length; s++)
        {
            starts[s + 1] = starts[s] + held[s].Count;
        }

        var order = Order(held, starts);
        var sorted = new SortedObservations(TemporaryFile());
        try
        {
            sorted.Write(order.Select(at => Observation(held, starts, at)));
            return sorted;
        }
        catch
        {
            sorted.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The observations of one indicator (its code as written, compared ordinally), in order, read from the file a
    /// chunk at a time.
    /// </summary>
    public IEnumerable<Observation> Of(string indicator) =>
        Rows(_runs.TryGetValue(indicator, out var runs) ? runs : []);

    /// <inheritdoc />
    public IEnumerator<Observation> GetEnumerator() => Rows([(0, Count)]).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Where the file of rows was made (outside Windows, it has no name there once opened).</summary>
    internal string FilePath { get; }

    /// <summary>How many bytes the file of rows holds.</summary>
    internal long FileLength => RandomAccess.GetLength(_file);

    /// <summary>Closes the file, which goes with its handle: the rows can no longer be read.</summary>
    public void Dispose() => _file.Dispose();

    /// <summary>
    /// A new file in the temporary folder, open to read and write, and already without a name where the system
    /// allows it: a process that stops part way leaves nothing behind.
    /// </summary>
    private static (SafeFileHandle Handle, string Path) TemporaryFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sgi-observations-{Guid.NewGuid():N}.bin");
        var windows = OperatingSystem.IsWindows();
        var file = File.OpenHandle(
            path,
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            windows ? FileOptions.DeleteOnClose : FileOptions.None);
        if (!windows)
        {
            File.Delete(path);
        }

        return (file, path);
    }

    /// <summary>
    /// The positions of the rows of every list in turn, in the csv's order. The position read breaks ties, so the
    /// sort, not stable itself, keeps rows alike in the order read.
    /// </summary>
    private static int[] Order(IReadOnlyList<Observation>[] held, int[] starts)
    {
        var order = new int[starts[^1]];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            var (a, b) = (KeyAt(held, starts, x), KeyAt(held, starts, y));
            var by = a.Period.CompareTo(b.Period);
            by = by != 0 ? by : string.CompareOrdinal(a.Indicator, b.Indicator);
            by = by != 0 ? by : string.CompareOrdinal(a.Agency, b.Agency);
            by = by != 0 ? by : string.CompareOrdinal(a.Locality, b.Locality);
            return by != 0 ? by : x.CompareTo(y);
        });
        return order;
    }

    private static (ReportingPeriod Period, string Indicator, string Agency, string Locality) KeyAt(
        IReadOnlyList<Observation>[] held, int[] starts, int at)
    {
        var (list, index) = Locate(starts, at);
        if (held[list] is PackedObservations packed)
        {
            return packed.KeyAt(index);
        }

        var o = held[list][index];
        return (o.Period, o.Indicator, o.Agency, o.Locality);
    }

    private static Observation Observation(IReadOnlyList<Observation>[] held, int[] starts, int at)
    {
        var (list, index) = Locate(starts, at);
        return held[list][index];
    }

    /// <summary>
    /// Which list, their starts <paramref name="starts"/>, holds position <paramref name="at"/>, and where in it.
    /// </summary>
    private static (int List, int Index) Locate(int[] starts, int at)
    {
        var list = Array.BinarySearch(starts, at);
        // Past an empty list its start repeats the next one's: the last of equal starts holds the row.
        if (list >= 0)
        {
            while (list + 1 < starts.Length - 1 && starts[list + 1] == at)
            {
                list++;
            }
        }
        else
        {
            list = ~list - 1;
        }

        return (list, at - starts[list]);
    }

    /// <summary>Writes <paramref name="observations"/> a chunk at a time, noting where each indicator's lie.</summary>
    private void Write(IEnumerable<Observation> observations)
    {
        var rows = new PackedRow[ChunkSize];
        var (filled, chunk) = (0, 0);
        (ushort Period, int Indicator)? running = null;
        List<(int Start, int End)> open = [];
        foreach (var o in observations)
        {
            var row = PackedRow.Of(o, _names);
            if (running != (row.Period, row.Indicator))
            {
                var code = _names.NameAt(row.Indicator);
                if (!_runs.TryGetValue(code, out var runs))
                {
                    _runs[code] = runs = [];
                }

                open = runs;
                open.Add((Count, Count));
                running = (row.Period, row.Indicator);
            }

            open[^1] = (open[^1].Start, Count + 1);
            if (o.Commentary is { } commentary)
            {
                _commentary[Count] = commentary;
            }

            rows[filled++] = row;
            Count++;
            if (filled == ChunkSize)
            {
                RandomAccess.Write(_file, MemoryMarshal.AsBytes(rows.AsSpan()), (long)chunk * ChunkSize * s_rowBytes);
                (filled, chunk) = (0, chunk + 1);
            }
        }

        if (filled > 0)
        {
            RandomAccess.Write(
                _file, MemoryMarshal.AsBytes(rows.AsSpan(0, filled)), (long)chunk * ChunkSize * s_rowBytes);
        }
    }

    /// <summary>The rows of <paramref name="runs"/> (start included, end not), read a chunk at a time.</summary>
    private IEnumerable<Observation> Rows(IEnumerable<(int Start, int End)> runs)
    {
        ObjectDisposedException.ThrowIf(_file.IsClosed, this);
        var rows = new PackedRow[ChunkSize];
        var chunk = -1;
        foreach (var (start, end) in runs)
        {
            for (var i = start; i < end; i++)
            {
                if (i / ChunkSize != chunk)
                {
                    chunk = i / ChunkSize;
                    Read(chunk, rows);
                }

                yield return Made(rows[i % ChunkSize], i);
            }
        }
    }

    /// <summary>Reads chunk <paramref name="chunk"/>'s rows into <paramref name="rows"/>.</summary>
    private void Read(int chunk, PackedRow[] rows)
    {
        var count = Math.Min(ChunkSize, Count - (chunk * ChunkSize));
        var bytes = MemoryMarshal.AsBytes(rows.AsSpan(0, count));
        var offset = (long)chunk * ChunkSize * s_rowBytes;
        for (var read = 0; read < bytes.Length;)
        {
            var got = RandomAccess.Read(_file, bytes[read..], offset + read);
            if (got == 0)
            {
                throw new IOException(
                    $"The compile's temporary file of observations ended at byte {offset + read}, short of its rows.");
            }

            read += got;
        }
    }

    private Observation Made(in PackedRow row, int index) =>
        row.ToObservation(_names, _commentary.GetValueOrDefault(index));
}
