using System.Globalization;

namespace SafeguardingIngest.Ingest;

/// <summary>
/// The order in which uploads arrived, the same for every run that looks at them: the receipt time
/// (to 100 ns where storage keeps blob versions, whose ids are timestamps; otherwise the
/// last-modified second), then the blob's ETag, then its name, compared as ordinal text. The last
/// arrival of an accepted return is the agency's current submission.
/// </summary>
public sealed record Arrival : IComparable<Arrival>
{
    private Arrival(string key) => Key = key;

    /// <summary>
    /// The sortable text: UTC receipt time to 100 ns, then the tie-breakers, separated by spaces (which
    /// sort below any character of an ETag, so a key with no tie-breakers comes first in its instant).
    /// </summary>
    public string Key { get; }

    /// <summary>
    /// The arrival of an upload received at <paramref name="receivedAt"/>, with its ETag and blob name as tie-breakers.
    /// </summary>
    public static Arrival Of(DateTimeOffset receivedAt, string version, string blobName) =>
        new(
            $"{receivedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff", CultureInfo.InvariantCulture)} " +
            $"{version.Trim('"')} {blobName}");

    /// <summary>
    /// An arrival read back from storage; a blank key (recorded before arrivals were kept) falls back to the receipt
    /// time.
    /// </summary>
    public static Arrival Parse(string? key, DateTimeOffset receivedAt) =>
        string.IsNullOrEmpty(key) ? Of(receivedAt, string.Empty, string.Empty) : new Arrival(key);

    /// <inheritdoc />
    public int CompareTo(Arrival? other) => other is null ? 1 : string.CompareOrdinal(Key, other.Key);

    /// <summary>True when <paramref name="left"/> arrived after <paramref name="right"/>.</summary>
    public static bool operator >(Arrival left, Arrival right) => left.CompareTo(right) > 0;

    /// <summary>True when <paramref name="left"/> arrived before <paramref name="right"/>.</summary>
    public static bool operator <(Arrival left, Arrival right) => left.CompareTo(right) < 0;

    /// <summary>True when <paramref name="left"/> arrived at or after <paramref name="right"/>.</summary>
    public static bool operator >=(Arrival left, Arrival right) => left.CompareTo(right) >= 0;

    /// <summary>True when <paramref name="left"/> arrived at or before <paramref name="right"/>.</summary>
    public static bool operator <=(Arrival left, Arrival right) => left.CompareTo(right) <= 0;

    /// <inheritdoc />
    public override string ToString() => Key;
}
