namespace SafeguardingIngest.Releases;

/// <summary>
/// Every earlier release's decisions that a release must carry (oldest first), given an indicator family at a time, as
/// the disclosure plan and the revisions use them. Held as given (<see cref="Of"/>), or read from each release's
/// decisions as they stream in and kept in a temporary file with an index by indicator (<see cref="SpoolAsync"/>), so
/// that a compile holds one family's earlier decisions at a time however many releases came before. Disposing it
/// removes the file.
/// </summary>
public sealed class EarlierDecisions : IDisposable
{
    private readonly List<(string[] Codes, IndicatorDecisions? Held, long Offset, int Length)> _entries = [];
    private readonly FileStream? _file;
    private (string Key, IReadOnlyList<IndicatorDecisions> Found)? _last;

    private EarlierDecisions(FileStream? file) => _file = file;

    /// <summary>The temporary file the decisions are kept in, removed on disposal; null where they are held.</summary>
    public string? FileName => _file?.Name;

    /// <summary>No earlier release.</summary>
    public static EarlierDecisions None => Of([]);

    /// <summary>How many earlier releases there are.</summary>
    public int Releases { get; private set; }

    /// <summary>The decisions of <paramref name="releases"/> (oldest first), held as they are.</summary>
    public static EarlierDecisions Of(IEnumerable<ReleaseDecisions> releases)
    {
        var earlier = new EarlierDecisions(null);
        foreach (var release in releases)
        {
            earlier.Releases++;
            earlier._entries.AddRange(
                release.Indicators.Select(i => (Codes(i.Indicator), (IndicatorDecisions?)i, 0L, 0)));
        }

        return earlier;
    }

    /// <summary>
    /// The decisions of the releases <paramref name="releases"/> opens (oldest first), each read as it streams in,
    /// one family at a time, into a temporary file.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">
    /// A release's decisions are not what a release writes.
    /// </exception>
    public static async Task<EarlierDecisions> SpoolAsync(
        IEnumerable<Func<CancellationToken, Task<Stream>>> releases,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"sgi-earlier-{Guid.NewGuid():N}.json");
        var file = new FileStream(
            path,
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var earlier = new EarlierDecisions(file);
        try
        {
            foreach (var open in releases)
            {
                await using var json = await open(cancellationToken);
                await foreach (var (indicator, entry) in DecisionsReader.EntriesAsync(json, cancellationToken))
                {
                    earlier._entries.Add((Codes(indicator), null, file.Position, entry.Length));
                    await file.WriteAsync(entry, cancellationToken);
                }

                earlier.Releases++;
            }

            await file.FlushAsync(cancellationToken);
            return earlier;
        }
        catch
        {
            earlier.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The earlier decisions of any indicator of <paramref name="codes"/> (a family), oldest first: each entry whose
    /// indicator, or one of the indicators linked in it, is among them. Asked again for the family just read (the plan
    /// asks, then the revisions, as a streamed build finds them family by family), they are not read again.
    /// </summary>
    public IReadOnlyList<IndicatorDecisions> For(IEnumerable<string> codes)
    {
        var wanted = codes.ToHashSet(StringComparer.Ordinal);
        var key = string.Join('+', wanted.Order(StringComparer.Ordinal));
        if (_last is { } last && last.Key == key)
        {
            return last.Found;
        }

        var found = new List<IndicatorDecisions>();
        foreach (var (entryCodes, held, offset, length) in _entries)
        {
            if (entryCodes.Any(wanted.Contains))
            {
                found.Add(held ?? Read(offset, length));
            }
        }

        _last = (key, found);
        return found;
    }

    private IndicatorDecisions Read(long offset, int length)
    {
        var bytes = new byte[length];
        _file!.Position = offset;
        _file.ReadExactly(bytes);
        return ReleaseJson.ReadIndicator(bytes);
    }

    private static string[] Codes(string indicator) => indicator.Split('+');

    /// <inheritdoc />
    public void Dispose()
    {
        _last = null;
        _file?.Dispose();
    }
}
