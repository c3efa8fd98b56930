using System.Globalization;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Catalogue;

/// <summary>
/// What a new catalogue would change in quarters already released: for each, the indicators, agencies
/// and localities in force, who owes each indicator, its target for the year and whether it compares
/// with the quarter before and the same quarter last year. A release is a record of what was published,
/// so such a change is refused unless the performance team says it is meant.
/// </summary>
public static class ReleasedQuarters
{
    /// <summary>
    /// Each way <paramref name="proposed"/> differs from <paramref name="published"/> in the quarters
    /// <paramref name="released"/>, in words.
    /// </summary>
    public static IReadOnlyList<string> Changes(
        Partnership published,
        Partnership proposed,
        IEnumerable<ReportingPeriod> released)
    {
        var changes = new List<string>();
        foreach (var quarter in released.Distinct().Order())
        {
            var (was, now) = (Describe(published.For(quarter)), Describe(proposed.For(quarter)));
            changes.AddRange(was.Except(now, StringComparer.Ordinal).Select(line => $"{quarter}: no longer {line}"));
            changes.AddRange(now.Except(was, StringComparer.Ordinal).Select(line => $"{quarter}: now {line}"));
        }

        return changes;
    }

    private static List<string> Describe(Partnership catalogue)
    {
        var quarter = catalogue.Quarter!.Value;
        var lines = new List<string>();
        lines.AddRange(catalogue.Agencies.Select(a => $"agency {a.Code}"));
        lines.AddRange(catalogue.Localities.Select(l => $"locality {l.Code}"));
        foreach (var i in catalogue.Indicators)
        {
            lines.Add($"indicator {i.Code} owed by {string.Join(", ", i.Agencies)}");
            if (i.TargetFor(quarter.Year) is { } target)
            {
                lines.Add($"indicator {i.Code} target {target.ToString("0.###", CultureInfo.InvariantCulture)}");
            }

            if (!i.Compares(quarter.SameQuarterLastYear(), quarter))
            {
                lines.Add($"indicator {i.Code} not comparable with last year");
            }
        }

        return lines;
    }
}
