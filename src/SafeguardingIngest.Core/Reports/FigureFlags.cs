using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;

namespace SafeguardingIngest.Reports;

/// <summary>Why an indicator's figure this quarter is to be read with care.</summary>
public enum FlagReason
{
    /// <summary>A return it rests on has a data quality query its agency has not explained.</summary>
    UnexplainedQuery,

    /// <summary>It moved from the previous quarter by more than the catalogue's <c>maxQuarterlyChange</c>.</summary>
    LargeChange,
}

/// <summary>
/// A warning on an indicator's figure this quarter, for the mark beside it on the summary row and the card
/// and the note the mark links to. The note is in our words only: no text an agency typed, no rule code,
/// cell or threshold of a query, and no figure the page does not show.
/// </summary>
public sealed record FigureFlag(string Anchor, string Code, IReadOnlyList<FlagReason> Reasons)
{
    /// <summary>The id of the note on the page.</summary>
    public string NoteId => "flag-" + Anchor;

    /// <summary>The note: what is unusual about the figure, in words we wrote.</summary>
    /// <remarks>
    /// The change note names no threshold: the catalogue's limit on quarterly change is what a return's data
    /// quality query is raised against, and with the page's counts of queries per agency it would bound
    /// hidden figures (docs/disclosure.md).
    /// </remarks>
    public string Text() => string.Join(" ", Reasons.Select(r => r switch
    {
        FlagReason.UnexplainedQuery =>
            "This quarter's figure rests on a return with a data quality query that its agency has not yet " +
            "explained, so it may be corrected.",
        _ =>
            "This quarter's figure moved from the previous quarter's, as a share of it, by more than this " +
            "indicator is expected to move in a quarter: check it before relying on it.",
    }));
}

/// <summary>
/// Which indicators' figures this quarter carry a warning mark. A query is tied to an indicator through the
/// return's row it points at, as the data quality list ties its explanation. So that a mark tells a reader
/// nothing of a hidden figure, the marks follow from what the page and the csv already show: a figure hidden
/// this quarter carries none; a change is judged only between two figures both shown; and a query is marked
/// only where its agency has no hidden figure in the eight quarters, whose symbols the csv shows (a mark on
/// a query of an agency with a hidden figure, or its absence, could say which row the query was on).
/// </summary>
public static class FigureFlags
{
    /// <summary>The flags of <paramref name="report"/>'s indicators, published under <paramref name="plan"/>.</summary>
    public static IReadOnlyDictionary<string, FigureFlag> Of(ConsolidatedReturn report, DisclosurePlan plan)
    {
        var queried = QueriedIndicators(report, plan);
        var flags = new Dictionary<string, FigureFlag>(StringComparer.Ordinal);
        foreach (var result in report.Indicators)
        {
            var code = result.Indicator.Code;
            var hide = plan.For(result);
            if (hide.Value || result.Area.Value is null)
            {
                continue;
            }

            var reasons = new List<FlagReason>();
            if (queried.Contains(code))
            {
                reasons.Add(FlagReason.UnexplainedQuery);
            }

            if (!hide.Previous && ChangedBeyondLimit(result))
            {
                reasons.Add(FlagReason.LargeChange);
            }

            if (reasons.Count > 0)
            {
                flags[code] = new FigureFlag(HtmlReport.Anchor(code), code, reasons);
            }
        }

        return flags;
    }

    /// <summary>
    /// Whether this quarter's figure moved from the previous quarter's by more than the indicator's
    /// <c>maxQuarterlyChange</c> per cent, both as shown and both complete (a missing return is not a change).
    /// </summary>
    internal static bool ChangedBeyondLimit(IndicatorResult result)
    {
        var (indicator, area) = (result.Indicator, result.Area);
        if (indicator.MaxQuarterlyChange is not { } limit
            || area.Value is not { } now
            || area.Previous is not { } before
            || !area.Coverage.IsComplete
            || !area.PreviousCoverage.IsComplete
            || area.NotComparableWithPrevious is not null)
        {
            return false;
        }

        var shownBefore = Shown.Round(before, indicator.Unit);
        return shownBefore != 0
            && Math.Abs(100 * (Shown.Round(now, indicator.Unit) - shownBefore) / shownBefore) > limit;
    }

    /// <summary>The indicators on return rows with an unexplained query, of agencies with nothing hidden.</summary>
    private static HashSet<string> QueriedIndicators(ConsolidatedReturn report, DisclosurePlan plan)
    {
        var hiding = report.Observations.Where(plan.Hides)
            .Select(o => o.Agency)
            .ToHashSet(StringComparer.Ordinal);
        var rows = report.Queries
            .Where(q => !q.Explained && !hiding.Contains(q.Agency))
            .Select(q => (q.Agency, Row: Compiler.RowOf(q.Finding.Location)))
            .Where(q => q.Row is not null)
            .ToHashSet();
        return report.Observations
            .Where(o => o.Period == report.Period && rows.Contains((o.Agency, Compiler.RowOf(o.Source))))
            .Select(o => o.Indicator)
            .ToHashSet(StringComparer.Ordinal);
    }
}
