using System.Globalization;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Catalogue;

/// <summary>One change between two periods of a catalogue: what it is, to what, and in words.</summary>
public sealed record CatalogueChange(string Kind, string Code, string Description);

/// <summary>
/// What changes between two periods of one catalogue, so a change is seen before it bites: the
/// indicators, agencies and localities in force at the end of the first period and not at the end of
/// the second ("stops"), the reverse ("starts"), the series breaks between, and the targets that differ.
/// </summary>
public static class CatalogueDiff
{
    /// <summary>The changes from <paramref name="from"/> to <paramref name="to"/>, by kind.</summary>
    public static IReadOnlyList<CatalogueChange> Between(
        Partnership partnership,
        CataloguePeriod from,
        CataloguePeriod to)
    {
        var whole = partnership.Whole;
        var (before, after) = (whole.For(from.Last), whole.For(to.Last));
        var changes = new List<CatalogueChange>();
        Compare(changes, "indicator", whole.Indicators.Select(i => (i.Code, i.Dates)),
            before.Indicators.Select(i => i.Code), after.Indicators.Select(i => i.Code));
        Compare(changes, "agency", whole.Agencies.Select(a => (a.Code, a.Dates)),
            before.Agencies.Select(a => a.Code), after.Agencies.Select(a => a.Code));
        Compare(changes, "locality", whole.Localities.Select(l => (l.Code, l.Dates)),
            before.Localities.Select(l => l.Code), after.Localities.Select(l => l.Code));
        foreach (var indicator in whole.Indicators)
        {
            if (indicator.SeriesBreak is { } year && year > from.Year && year <= to.Year)
            {
                changes.Add(new("breaks", indicator.Code, $"{indicator.Code} breaks its series in {year}" +
                    (indicator.SeriesBreakNote is { } note ? $": {note}" : string.Empty)));
            }
        }

        foreach (var indicator in after.Indicators.Where(i => before.FindIndicator(i.Code) is not null))
        {
            var (was, now) = (indicator.TargetFor(from.Year), indicator.TargetFor(to.Year));
            if (was != now)
            {
                changes.Add(new("target", indicator.Code,
                    $"{indicator.Code}'s target goes from {Show(was)} ({from.Year}) to {Show(now)} ({to.Year})"));
            }
        }

        return changes;
    }

    private static void Compare(
        List<CatalogueChange> changes,
        string what,
        IEnumerable<(string Code, InForce Dates)> all,
        IEnumerable<string> before,
        IEnumerable<string> after)
    {
        var was = before.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var now = after.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, dates) in all)
        {
            if (was.Contains(code) && !now.Contains(code))
            {
                changes.Add(new("stops", code, $"{what} {code} stops: {dates}"));
            }
            else if (!was.Contains(code) && now.Contains(code))
            {
                changes.Add(new("starts", code, $"{what} {code} starts: {dates}"));
            }
        }
    }

    private static string Show(double? target) => target?.ToString("0.###", CultureInfo.InvariantCulture) ?? "none";

    /// <summary>The financial years a catalogue's dates and populations speak of, earliest to latest.</summary>
    public static IReadOnlyList<FinancialYear> Years(Partnership partnership)
    {
        var whole = partnership.Whole;
        var dates = whole.Indicators.Select(i => i.Dates)
            .Concat(whole.Agencies.Select(a => a.Dates))
            .Concat(whole.Localities.Select(l => l.Dates));
        var years = dates.SelectMany(d => new[] { d.From?.Year, d.Until?.Year })
            .Concat(whole.Populations.Select(p => (FinancialYear?)p.Year))
            .OfType<FinancialYear>()
            .ToList();
        if (years.Count == 0)
        {
            return [];
        }

        var (first, last) = (years.Min(), years.Max());
        var list = new List<FinancialYear>();
        for (var y = first; y <= last; y = y.Next())
        {
            list.Add(y);
        }

        return list;
    }
}
