namespace SafeguardingIngest.Releases;

/// <summary>
/// What changed from one release to another: the status, the catalogue, the submissions read, the files,
/// and the figures (values that changed, figures hidden or shown that were not, figures that came or went).
/// </summary>
public sealed record ReleaseDiff(
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Files,
    IReadOnlyList<(FigureDecision Was, FigureDecision Now)> Changed,
    IReadOnlyList<FigureDecision> NowHidden,
    IReadOnlyList<FigureDecision> NowShown,
    IReadOnlyList<FigureDecision> Added,
    IReadOnlyList<FigureDecision> Removed)
{
    /// <summary>Whether the two releases are the same in everything compared.</summary>
    public bool IsEmpty =>
        Inputs.Count + Files.Count + Changed.Count + NowHidden.Count + NowShown.Count + Added.Count + Removed.Count
        == 0;

    /// <summary>Compares release <paramref name="a"/> with a later <paramref name="b"/>.</summary>
    public static ReleaseDiff Between(
        ReleaseManifest a,
        ReleaseDecisions aDecisions,
        ReleaseManifest b,
        ReleaseDecisions bDecisions)
    {
        var inputs = InputChanges(a, b);
        var hashes = a.Files.ToDictionary(f => f.Name, f => f.Sha256, StringComparer.Ordinal);
        var files = b.Files.Where(f => hashes.GetValueOrDefault(f.Name) != f.Sha256).Select(f => f.Name).ToList();

        var was = aDecisions.ByKey();
        var now = bDecisions.ByKey();
        var changed = new List<(FigureDecision, FigureDecision)>();
        var hidden = new List<FigureDecision>();
        var shown = new List<FigureDecision>();
        foreach (var (key, figure) in now.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            if (!was.TryGetValue(key, out var old))
            {
                continue;
            }

            if (old.DiffersFrom(figure))
            {
                changed.Add((old, figure));
            }

            if (figure.Hidden && !old.Hidden)
            {
                hidden.Add(figure);
            }
            else if (!figure.Hidden && old.Hidden)
            {
                shown.Add(figure);
            }
        }

        return new ReleaseDiff(inputs, files, changed, hidden, shown, OnlyIn(now, was), OnlyIn(was, now));
    }

    /// <summary>The figures of <paramref name="these"/> that <paramref name="others"/> does not have, by key.</summary>
    private static List<FigureDecision> OnlyIn(
        IReadOnlyDictionary<string, FigureDecision> these,
        IReadOnlyDictionary<string, FigureDecision> others) =>
        [.. these
            .Where(x => !others.ContainsKey(x.Key))
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => x.Value)];

    /// <summary>What the two releases read differently: status, catalogue and each agency's return.</summary>
    private static List<string> InputChanges(ReleaseManifest a, ReleaseManifest b)
    {
        var inputs = new List<string>();
        if (a.Status != b.Status)
        {
            inputs.Add($"status: {a.Status} → {b.Status}");
        }

        if (a.Catalogue != b.Catalogue)
        {
            inputs.Add($"catalogue: {Short(a.Catalogue)} → {Short(b.Catalogue)}");
        }

        var before = a.Submissions.ToDictionary(s => (s.Period, s.Agency));
        var after = b.Submissions.ToDictionary(s => (s.Period, s.Agency));
        foreach (var (key, read) in after.OrderBy(x => x.Key))
        {
            if (!before.TryGetValue(key, out var earlier))
            {
                inputs.Add($"{key.Agency} {key.Period}: return {Short(read.Submission)} read, none before");
            }
            else if (earlier.Submission != read.Submission)
            {
                inputs.Add(
                    $"{key.Agency} {key.Period}: return {Short(earlier.Submission)} → {Short(read.Submission)}, "
                    + $"received {read.ReceivedAt:yyyy-MM-dd HH:mm}");
            }
        }

        inputs.AddRange(before.Keys
            .Where(k => !after.ContainsKey(k))
            .Order()
            .Select(k => $"{k.Agency} {k.Period}: no return stands now"));
        return inputs;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
