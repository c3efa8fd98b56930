using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Releases;

/// <summary>
/// Finds what a release revises: every figure whose value differs from the latest earlier release that had it.
/// Made once from the earlier releases (oldest first), it takes this release's decisions a family at a time, as
/// the disclosure plan makes them.
/// </summary>
public sealed class Revisions
{
    private readonly Dictionary<string, FigureDecision> _latest = new(StringComparer.Ordinal);
    private readonly Func<string, ReportingPeriod, string> _why;

    /// <param name="earlier">The earlier releases, oldest first.</param>
    /// <param name="why">For a revised csv cell's agency and quarter, what changed.</param>
    public Revisions(IReadOnlyList<ReleaseDecisions> earlier, Func<string, ReportingPeriod, string> why)
    {
        _why = why;
        foreach (var figure in earlier.SelectMany(r => r.Indicators).SelectMany(i => i.Figures))
        {
            _latest[figure.Key] = figure;
        }
    }

    /// <summary>
    /// The revisions among one family's figures: a figure whose quantity or value changed, or one of whose parts (a
    /// percentage's denominator and complement) did, as 0 of 0 sent again as 0 of 1.
    /// </summary>
    public IEnumerable<Revision> In(IndicatorDecisions family)
    {
        var ofFigures = family.Figures.Where(f => Disclosure.FigureParts.IsPart(f.Key))
            .ToDictionary(f => f.Key, StringComparer.Ordinal);
        bool PartChanged(string key) =>
            new[] { Disclosure.FigureParts.Denominator(key), Disclosure.FigureParts.Complement(key) }.Any(part =>
                ofFigures.TryGetValue(part, out var now)
                && _latest.TryGetValue(part, out var then)
                && then.DiffersFrom(now));
        foreach (var figure in family.WholeFigures)
        {
            if (_latest.TryGetValue(figure.Key, out var before)
                && (before.DiffersFrom(figure) || PartChanged(figure.Key)))
            {
                var parts = FigureKey.Parts(figure.Key);
                var reason = parts[0] == "cell" && ReportingPeriod.TryParse(parts[1], out var period)
                    ? _why(parts[3], period)
                    : "follows from the revised figures it adds up";
                yield return new Revision(before, figure, reason);
            }
        }
    }

    /// <summary>
    /// The revisions in <paramref name="now"/> against <paramref name="earlier"/> releases (oldest first).
    /// <paramref name="why"/> says, for a revised csv cell's agency and quarter, what changed.
    /// </summary>
    public static IReadOnlyList<Revision> Find(
        IReadOnlyList<IndicatorDecisions> now,
        IReadOnlyList<ReleaseDecisions> earlier,
        Func<string, ReportingPeriod, string> why)
    {
        var revisions = new Revisions(earlier, why);
        return [.. now.SelectMany(revisions.In)];
    }
}
