using System.Globalization;

namespace SafeguardingIngest.Ingest;

/// <summary>A count with its noun in agreement ("1 query", "2 queries"), as feedback and `sgi` say it.</summary>
public static class Counted
{
    /// <summary>
    /// <paramref name="count"/> (with thousands separated) and <paramref name="one"/> when it is 1,
    /// else <paramref name="many"/>.
    /// </summary>
    public static string Of(int count, string one, string many) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
