namespace SafeguardingIngest.Releases;

/// <summary>
/// What the outputs of a release say of it: its number, whether it is provisional, and the figures it
/// revises (marked "r" on the page and in the csv's revised column, and listed on the page).
/// </summary>
public sealed record ReleaseContext(int Number, ReleaseStatus Status, IReadOnlyList<Revision> Revisions)
{
    private readonly HashSet<string> _revised = Revisions.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The first release of a quarter, with no earlier one to revise.</summary>
    public static ReleaseContext First(ReleaseStatus status) => new(1, status, []);

    /// <summary>Whether the figure <paramref name="key"/> is revised in this release.</summary>
    public bool IsRevised(string key) => _revised.Contains(key);

    /// <summary>The status in words, as every output gives it.</summary>
    public string StatusText => Status == ReleaseStatus.Provisional ? "provisional" : "published";
}
