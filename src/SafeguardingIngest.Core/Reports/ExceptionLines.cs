using System.Text.RegularExpressions;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Reports;

/// <summary>An Amber or Red action naming an exception's indicator: its agency, reference, RAG and recovery.</summary>
public sealed record ExceptionAction(string Agency, string Reference, PageBadge Rag, string? Recovery);

/// <summary>
/// An indicator the board is asked to look at (Red, or Amber and worsening since last quarter): its RAG, its trend in
/// one line, and the Amber and Red actions from the returns that name it.
/// </summary>
public sealed record ExceptionLine(
    string Anchor,
    string Code,
    string Title,
    PageBadge Rag,
    string Trend,
    IReadOnlyList<ExceptionAction> Actions);

/// <summary>The exceptions section: the indicators listed, and those never listed as their RAG is withheld.</summary>
public sealed record ExceptionList(IReadOnlyList<ExceptionLine> Lines, IReadOnlyList<string> Withheld);

/// <summary>
/// Picks the exceptions from a compiled return by what the page shows. An indicator whose RAG the disclosure plan
/// withholds is never listed, whatever its RAG, and is named among the withheld instead, so neither its presence nor
/// its absence tells a reader its RAG; an Amber is listed as worsening only where the direction since last quarter is
/// shown. An action names an indicator where its reference, description, commentary or recovery actions hold the
/// indicator's code as a word ("NI 65", "CH01").
/// </summary>
public static class ExceptionLines
{
    /// <summary>How many quarters the trend line gives, the latest last.</summary>
    public const int TrendQuarters = 4;

    /// <summary>The exceptions of <paramref name="report"/>, hiding what <paramref name="plan"/> hides.</summary>
    public static ExceptionList For(ConsolidatedReturn report, DisclosurePlan plan)
    {
        var publication = plan.Publication;
        var lines = new List<ExceptionLine>();
        var withheld = new List<string>();
        foreach (var result in report.Indicators)
        {
            var (indicator, area, hide) = (result.Indicator, result.Area, plan.For(result));
            if (area.Rag is not { } rag)
            {
                continue;
            }

            if (hide.YearToDate)
            {
                withheld.Add(indicator.Code);
                continue;
            }

            var previousShown = !hide.Value && !hide.Previous && area.NotComparableWithPrevious is null;
            var worsening = previousShown && area.SincePrevious == Direction.Worsening;
            if (rag == Rag.Red || (rag == Rag.Amber && worsening))
            {
                lines.Add(new ExceptionLine(
                    HtmlReport.Anchor(indicator.Code),
                    indicator.Code,
                    indicator.Title,
                    Badge(rag),
                    Trend(result, hide, previousShown, publication),
                    Actions(report, indicator.Code)));
            }
        }

        return new ExceptionList(lines, withheld);
    }

    /// <summary>
    /// "Year to date 45.2 against 38.0 to date; quarters 40.1, 42.0, c, 45.2 (2025-26 Q3 to 2026-27 Q2); worsening
    /// since last quarter": the figures as the page shows them, a hidden quarter as the suppression symbol.
    /// </summary>
    private static string Trend(
        IndicatorResult result,
        IndicatorDisclosure hide,
        bool previousShown,
        PublicationOptions publication)
    {
        var unit = result.Indicator.Unit;
        var area = result.Area;
        // The quarters since a series break alone: those before it measured something else. A figure lacking an
        // owed return carries the page's † (a quarter with no figure at all just says so), and one over no cases
        // says that.
        var first = Math.Max(result.Series.Count - TrendQuarters, result.SeriesBreakIndex ?? 0);
        var count = result.Series.Count - first;
        string Mark(Coverage? coverage) => coverage is { IsComplete: false } ? " †" : string.Empty;
        var quarters = Enumerable.Range(first, count)
            .Select(q => hide.Quarters.Contains(q)
                ? publication.Symbol
                : FigureText.Value(result.Series[q], result.SeriesParts[q], unit)
                  + Mark(result.Series[q] is not null && q < result.SeriesCoverage.Count
                      ? result.SeriesCoverage[q]
                      : null));
        var toDate = result.TargetToDate is { } target
            ? $" against {FigureText.Show(target, unit)} to date"
            : string.Empty;
        var span = $"{result.SeriesPeriods[first]} to {result.SeriesPeriods[^1]}";
        var yearToDate = FigureText.Value(area.YearToDate, area.YearToDateParts, unit)
            + Mark(area.YearToDate is null ? null : area.YearToDateCoverage);
        var trend = $"Year to date {yearToDate}{toDate}; " +
                    $"quarters {string.Join(", ", quarters)} ({span})";
        return previousShown && area.SincePrevious is { } direction
            ? $"{trend}; {Travel.Describe(direction).ToLowerInvariant()} since last quarter"
            : trend;
    }

    private static List<ExceptionAction> Actions(ConsolidatedReturn report, string code)
    {
        // A code shaped like one ("NI 68") is matched in any case, as officers type it ("ni 68"); a local name
        // used as a code ("Neglect") only as written, so that an action about neglect is not taken for it.
        var word = new Regex(
            @"(?<![\p{L}\p{N}])" + Regex.Escape(code) + @"(?![\p{L}\p{N}])",
            code.Any(char.IsDigit)
                ? RegexOptions.IgnoreCase | RegexOptions.CultureInvariant
                : RegexOptions.CultureInvariant);
        return report.Actions.AmberAndRed
            .Where(a => new[] { a.Item.Reference, a.Item.Description, a.Item.Commentary, a.Item.RecoveryActions }
                .Any(text => text is not null && word.IsMatch(text)))
            .Select(a => new ExceptionAction(
                report.AgencyNames.GetValueOrDefault(a.Agency, a.Agency),
                a.Item.Reference,
                Badge(a.Item.Rag),
                a.Item.RecoveryActions))
            .ToList();
    }

    private static PageBadge Badge(Rag rag) => new(
        rag switch
        {
            Rag.Red => "rag-red",
            Rag.Amber => "rag-amber",
            _ => "rag-green",
        },
        rag.ToString());
}
