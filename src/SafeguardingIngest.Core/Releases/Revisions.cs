using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Releases;

/// <summary>
/// Finds what a release revises: every figure whose value differs from the latest earlier release that had it.
/// </summary>
public static class Revisions
{
    /// <summary>
    /// The revisions in <paramref name="now"/> against <paramref name="earlier"/> releases (oldest first).
    /// <paramref name="why"/> says, for a revised csv cell's agency and quarter, what changed.
    /// </summary>
    public static IReadOnlyList<Revision> Find(
        IReadOnlyList<IndicatorDecisions> now,
        IReadOnlyList<ReleaseDecisions> earlier,
        Func<string, ReportingPeriod, string> why)
    {
        var latest = new Dictionary<string, FigureDecision>(StringComparer.Ordinal);
        foreach (var figure in earlier.SelectMany(r => r.Indicators).SelectMany(i => i.Figures))
        {
            latest[figure.Key] = figure;
        }

        var revisions = new List<Revision>();
        foreach (var figure in now.SelectMany(i => i.WholeFigures))
        {
            if (latest.TryGetValue(figure.Key, out var before) && before.DiffersFrom(figure))
            {
                var parts = FigureKey.Parts(figure.Key);
                var reason = parts[0] == "cell" && ReportingPeriod.TryParse(parts[1], out var period)
                    ? why(parts[3], period)
                    : "follows from the revised figures it adds up";
                revisions.Add(new Revision(before, figure, reason));
            }
        }

        return revisions;
    }
}
