using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Releases;

/// <summary>
/// Finds what a release revises: every figure whose value differs from the latest earlier release that had it.
/// Made once from the earlier releases (oldest first), it takes this release's decisions a family at a time, as
/// the disclosure plan makes them.
/// </summary>
public sealed class Revisions
{
    private readonly EarlierDecisions _earlier;
    private readonly Func<string, ReportingPeriod, string> _why;

    /// <param name="earlier">The earlier releases, oldest first, read a family at a time.</param>
    /// <param name="why">For a revised csv cell's agency and quarter, what changed.</param>
    public Revisions(EarlierDecisions earlier, Func<string, ReportingPeriod, string> why)
    {
        _earlier = earlier;
        _why = why;
    }

    /// <summary>
    /// The revisions among one family's figures: a figure whose quantity or value changed, or one of whose parts (a
    /// percentage's denominator and complement) did, as 0 of 0 sent again as 0 of 1.
    /// </summary>
    public IEnumerable<Revision> In(IndicatorDecisions family)
    {
        // The latest earlier figure of each key: the family's figures are its indicators', so no other family's
        // earlier decisions hold any of them.
        var latest = new Dictionary<string, FigureDecision>(StringComparer.Ordinal);
        foreach (var figure in _earlier.For(family.Indicator.Split('+')).SelectMany(i => i.Figures))
        {
            latest[figure.Key] = figure;
        }

        var ofFigures = family.Figures.Where(f => Disclosure.FigureParts.IsPart(f.Key))
            .ToDictionary(f => f.Key, StringComparer.Ordinal);
        bool PartChanged(string key) =>
            new[] { Disclosure.FigureParts.Denominator(key), Disclosure.FigureParts.Complement(key) }.Any(part =>
                ofFigures.TryGetValue(part, out var now)
                && latest.TryGetValue(part, out var then)
                && then.DiffersFrom(now));
        foreach (var figure in family.WholeFigures)
        {
            if (latest.TryGetValue(figure.Key, out var before)
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
        using var held = EarlierDecisions.Of(earlier);
        return Find(now, held, why);
    }

    /// <summary>
    /// The revisions in <paramref name="now"/> against the <paramref name="earlier"/> releases, read a family at a
    /// time; <paramref name="why"/> as above.
    /// </summary>
    public static IReadOnlyList<Revision> Find(
        IReadOnlyList<IndicatorDecisions> now,
        EarlierDecisions earlier,
        Func<string, ReportingPeriod, string> why)
    {
        var revisions = new Revisions(earlier, why);
        return [.. now.SelectMany(revisions.In)];
    }
}
