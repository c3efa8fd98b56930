using System.Globalization;
using System.Text;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Submissions;

namespace SafeguardingIngest.Reports;

/// <summary>
/// consolidated-return.html: one self-contained page for the board, readable on screen and on paper.
/// RAG is shown by colour and by word; each indicator has an inline SVG trend with its "no action"
/// projection; a figure that lacks an owed return is marked † and a note names the returns. Published,
/// so small counts are suppressed (with the counts that would reveal them). Written through the
/// consolidated-return.liquid template, which encodes every value, so text from agencies stays text.
/// </summary>
public static class HtmlReport
{
    /// <summary>The file name.</summary>
    public const string FileName = "consolidated-return.html";

    /// <summary>Writes the page of <paramref name="release"/>, hiding what <paramref name="plan"/> says.</summary>
    public static byte[] Render(ConsolidatedReturn report, DisclosurePlan plan, ReleaseContext release) =>
        Encoding.UTF8.GetBytes(HtmlTemplates.Render("consolidated-return.liquid", Page(report, plan, release)));

    /// <summary>Writes the page of a first release, hiding what <paramref name="plan"/> says.</summary>
    public static byte[] Render(ConsolidatedReturn report, DisclosurePlan plan) =>
        Render(report, plan, ReleaseContext.First(ReleaseStatus.Published));

    /// <summary>What the page of a first release shows.</summary>
    public static BoardPage Page(ConsolidatedReturn report, DisclosurePlan plan) =>
        Page(report, plan, ReleaseContext.First(ReleaseStatus.Published));

    /// <summary>What the page of <paramref name="release"/> shows.</summary>
    public static BoardPage Page(ConsolidatedReturn report, DisclosurePlan plan, ReleaseContext release)
    {
        var publication = plan.Publication;
        var names = report.AgencyNames;
        var summary = new List<SummaryRow>();
        var notes = new List<PageNote>();
        var cards = new List<IndicatorCard>();
        var flags = FigureFlags.Of(report, plan);
        var pageFlags = new List<PageFlag>();
        foreach (var result in report.Indicators)
        {
            var i = result.Indicator;
            var area = result.Area;
            var hide = plan.For(result);
            var anchor = Anchor(i.Code);
            var missing = area.Lacking;
            if (!missing.IsComplete)
            {
                notes.Add(new PageNote(anchor, i.Code, $"lacks the returns of {FigureText.Missing(missing, names)}."));
            }

            var period = report.Period;
            var keyCode = plan.KeyCode(i.Code);
            var flag = flags.GetValueOrDefault(i.Code);
            if (flag is not null)
            {
                pageFlags.Add(new PageFlag(flag.NoteId, anchor, i.Code, flag.Text()));
            }

            var thisQuarter = Cell(area.Value, i.Unit, hide.Value, area.Coverage, publication, area.Parts)
                with { Revised = release.IsRevised(FigureKey.Area(period, keyCode)), Flag = flag?.NoteId };
            var lastYear = Cell(
                area.SameQuarterLastYear,
                i.Unit,
                hide.LastYear,
                area.LastYearCoverage,
                publication,
                area.SameQuarterLastYearParts)
                with { Revised = release.IsRevised(FigureKey.Area(period.SameQuarterLastYear(), keyCode)) };
            var yearToDateKey = i.Kind == MeasureKind.Flow
                ? FigureKey.YearToDate(period, keyCode)
                : FigureKey.Area(period, keyCode);
            var yearToDate = Cell(
                area.YearToDate,
                i.Unit,
                hide.YearToDate,
                area.YearToDateCoverage,
                publication,
                area.YearToDateParts)
                with { Revised = release.IsRevised(yearToDateKey) };
            var comparable = area.Coverage.IsComplete && area.LastYearCoverage.IsComplete;
            var change = hide.Value || hide.LastYear
                ? new PageCell(publication.Symbol, Suppressed: true)
                : new PageCell(
                    FigureText.ChangeText(
                        area.VariationOnLastYear, area.Value, area.SameQuarterLastYear, comparable, i.Unit),
                    Incomplete: !comparable && area.Value is not null && area.SameQuarterLastYear is not null);
            var sinceLastYear = Direction(
                area.SinceLastYear,
                area.Value,
                area.SameQuarterLastYear,
                hide.Value || hide.LastYear,
                comparable,
                publication);
            var previousCell = Cell(area.Previous, i.Unit, hide.Previous, area.PreviousCoverage, publication)
                with { Revised = release.IsRevised(FigureKey.Area(period.Previous(), keyCode)) };
            var sincePrevious = Direction(area.SincePrevious, area.Value, area.Previous, hide.Value || hide.Previous,
                area.Coverage.IsComplete && area.PreviousCoverage.IsComplete, publication);
            if (area.NotComparableWithLastYear is { } notLastYear)
            {
                // Across a series break the page compares nothing, and says why where the comparison would be.
                var said = new PageCell(notLastYear);
                (lastYear, change, sinceLastYear) = (said, said, said);
            }

            if (area.NotComparableWithPrevious is { } notPrevious)
            {
                (previousCell, sincePrevious) = (new PageCell(notPrevious), new PageCell(notPrevious));
            }

            var rag = Rated(area, result.TargetToDate, hide.YearToDate, publication);
            var annual = new PageCell(result.Target is null ? "No target" : FigureText.Show(result.Target, i.Unit));
            var toDate = new PageCell(result.TargetToDate is null ? "No target" : FigureText.Show(
                result.TargetToDate,
                i.Unit));
            summary.Add(new SummaryRow(anchor, i.Code, i.Title,
            [
                thisQuarter, lastYear, change, yearToDate, annual, toDate, rag, sincePrevious, sinceLastYear,
            ]));

            var chart = TrendChart.Build(result, hide.Quarters.Contains);
            var meta = $"{FigureText.Unit(i.Unit)}, {FigureText.Polarity(i.Polarity)}, " +
                $"{(i.Kind == MeasureKind.Flow ? "adds up over the year" : "a position at quarter end")}" +
                       (i.Baseline is { } b
                           ? $"; baseline {FigureText.Show(b.Value, i.Unit)} ({b.Year})"
                           : string.Empty);
            CardFigure[] figures =
            [
                new("This quarter", thisQuarter),
                new("previous quarter", previousCell),
                new("same quarter last year", lastYear), new("year to date", yearToDate), new("annual target", annual),
                new("target to date", toDate),
            ];
            cards.Add(new IndicatorCard(
                anchor, i.Code, i.Title, meta, figures, rag, chart, chart.Points.Any(p => p.Incomplete),
                missing.IsComplete ? null : $"† Lacks the returns of {FigureText.Missing(missing, names)}.",
                Localities(i, keyCode, period, result.Localities, result.TargetToDate, hide, publication, release),
                i.Unit != IndicatorUnit.Count)
            {
                TargetLegend = i.TargetIsProRata ? "quarterly share of the annual target" : "annual target",
                Benchmarks = BenchmarkPanels.For(result, report, hide.YearToDate, publication),
            });
        }

        var actions = report.Actions;
        return new BoardPage(
            report.Partnership,
            report.Period.ToString(),
            report.Period.Start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            report.Period.End.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            UkTime.Describe(report.CompiledAt),
            (publication.SmallCountThreshold - 1).ToString(CultureInfo.InvariantCulture),
            publication.Symbol,
            summary,
            notes,
            cards,
            report.Submissions.Select(Submission).ToList(),
            Rag(Returns.Rag.Red), actions.Red, Rag(Returns.Rag.Amber), actions.Amber, Rag(Returns.Rag.Green),
            actions.Green,
            actions.AmberAndRed
                .Select(a => new ActionLine(
                    a.Agency,
                    $"{a.Item.Reference}. {a.Item.Description}",
                    Rag(a.Item.Rag),
                    a.Item.Commentary,
                    a.Item.RecoveryActions))
                .ToList(),
            report.Risks
                .Select(r => new RiskLine(
                    r.Item.Score,
                    r.Agency,
                    r.Item.Description,
                    $"{r.Item.Impact} × {r.Item.Likelihood}",
                    r.Item.Mitigation,
                    r.Item.Owner))
                .ToList(),
            report.Queries.Count,
            report.Queries.Count(q => q.Explained),
            QueriesByAgency(report.Queries, names))
        {
            Release = release.Number,
            Status = release.StatusText,
            Revisions = Revisions(report, release, publication),
            Exceptions = ExceptionLines.For(report, plan),
            Flags = pageFlags,
        };
    }

    /// <summary>
    /// The revised csv cells, as the page lists them: each shows what the releases published (the symbol where hidden).
    /// </summary>
    private static List<RevisionLine> Revisions(
        ConsolidatedReturn report,
        ReleaseContext release,
        PublicationOptions publication)
    {
        var units = report.Indicators.ToDictionary(
            r => r.Indicator.Code,
            r => r.Indicator.Unit,
            StringComparer.Ordinal);
        string Shown(FigureDecision figure, IndicatorUnit unit) =>
            figure.Hidden ? publication.Symbol : FigureText.Value(figure.Value, unit);
        return release.Revisions
            .Select(r => (Revision: r, Parts: FigureKey.Parts(r.Key)))
            .Where(r => r.Parts[0] == "cell")
            .Select(r =>
            {
                var (_, parts) = r;
                var unit = units.GetValueOrDefault(parts[2], IndicatorUnit.Count);
                var quarter = ReportingPeriod.Parse(parts[1]).ToString();
                var locality = parts[4] == Locality.WholeAreaCode
                    ? "Whole area"
                    : report.LocalityNames.GetValueOrDefault(parts[4], parts[4]);
                return new RevisionLine(
                    quarter, parts[2], report.AgencyNames.GetValueOrDefault(parts[3], parts[3]), locality,
                    Shown(r.Revision.Earlier, unit), Shown(r.Revision.Now, unit), r.Revision.Why);
            })
            .ToList();
    }

    /// <summary>
    /// Queries as counts per agency only: a query's rule, cell, threshold or figures would tie it to a row and
    /// bound a hidden figure, and its explanation is the agency's own text, for the performance team alone.
    /// </summary>
    private static List<AgencyQueries> QueriesByAgency(
        IReadOnlyList<DataQualityQuery> queries,
        IReadOnlyDictionary<string, string> names) =>
        queries.GroupBy(q => q.Agency, StringComparer.Ordinal)
            .Select(g => new AgencyQueries(
                names.GetValueOrDefault(g.Key, g.Key), g.Key, g.Count(), g.Count(q => q.Explained)))
            .OrderBy(q => q.Agency, StringComparer.Ordinal)
            .ToList();

    private static List<BreakdownLine> Localities(
        Indicator indicator,
        string keyCode,
        ReportingPeriod period,
        IReadOnlyList<BreakdownRow> rows,
        double? targetToDate,
        IndicatorDisclosure hide,
        PublicationOptions publication,
        ReleaseContext release)
    {
        var rated = indicator.Unit != IndicatorUnit.Count;
        var code = keyCode;
        var flow = indicator.Kind == MeasureKind.Flow;
        return rows.Select((row, r) =>
        {
            var f = row.Figures;
            var thisQuarter = hide.LocalityValue.Contains(r);
            List<PageCell> cells =
            [
                Cell(f.Value, indicator.Unit, thisQuarter, f.Coverage, publication, f.Parts)
                    with { Revised = release.IsRevised(FigureKey.Locality(period, code, row.Code)) },
                Cell(
                    f.SameQuarterLastYear,
                    indicator.Unit,
                    hide.LocalityLastYear.Contains(r),
                    f.LastYearCoverage,
                    publication,
                    f.SameQuarterLastYearParts)
                    with
                    {
                        Revised = release.IsRevised(FigureKey.Locality(period.SameQuarterLastYear(), code, row.Code))
                    },
                Cell(
                    f.YearToDate,
                    indicator.Unit,
                    hide.LocalityYearToDate.Contains(r),
                    f.YearToDateCoverage,
                    publication,
                    f.YearToDateParts)
                    with
                    {
                        Revised = release.IsRevised(flow
                            ? FigureKey.LocalityYearToDate(period, code, row.Code)
                            : FigureKey.Locality(period, code, row.Code)),
                    },
            ];
            if (rated)
            {
                cells.Add(Rated(f, targetToDate, hide.LocalityYearToDate.Contains(r), publication));
            }

            cells.Add(Direction(
                f.SincePrevious,
                f.Value,
                f.Previous,
                hide.LocalityDirection.Contains(r),
                f.Coverage.IsComplete && f.PreviousCoverage.IsComplete,
                publication));
            return new BreakdownLine(row.Name, cells);
        }).ToList();
    }

    private static PageCell Cell(
        double? value,
        IndicatorUnit unit,
        bool hidden,
        Coverage coverage,
        PublicationOptions publication,
        Ratio parts = default) =>
        hidden && value is not null
            ? new PageCell(publication.Symbol, Suppressed: true, Incomplete: !coverage.IsComplete)
            : new PageCell(FigureText.Value(value, parts, unit), Incomplete: value is not null && !coverage.IsComplete);

    private static PageCell Direction(
        Direction? direction,
        double? now,
        double? before,
        bool hidden,
        bool comparable,
        PublicationOptions publication) =>
        hidden
            ? new PageCell(publication.Symbol, Suppressed: true, Numeric: false)
            : PageCell.Words(
                FigureText.DirectionText(direction, now, before),
                !comparable && now is not null && before is not null);

    /// <summary>
    /// A RAG, withheld where the year to date it rates is hidden: a band about the target would bound the hidden
    /// figure.
    /// </summary>
    private static PageCell Rated(
        IndicatorFigures figures,
        double? targetToDate,
        bool hidden,
        PublicationOptions publication) =>
        hidden && figures.Rag is not null
            ? new PageCell(publication.Symbol, Suppressed: true, Numeric: false)
            : PageCell.Badge(Rag(figures, targetToDate, rated: true));

    private static PageBadge Rag(IndicatorFigures figures, double? targetToDate, bool rated) =>
        figures.Rag is { } rag ? Rag(rag) : new PageBadge("rag-none", FigureText.RagText(figures, targetToDate, rated));

    private static PageBadge Rag(Rag rag) => new(rag switch
    {
        Returns.Rag.Red => "rag-red",
        Returns.Rag.Amber => "rag-amber",
        _ => "rag-green",
    }, rag.ToString());

    private static SubmissionLine Submission(ReturnState s)
    {
        var css = s.State switch
        {
            ReturnStateKind.OnTime => "rag-green",
            ReturnStateKind.Late => "rag-amber",
            ReturnStateKind.NotYetDue => "rag-none",
            _ => "rag-red",
        };
        return new SubmissionLine(
            s.AgencyName, s.Agency, new PageBadge(css, s.Describe()),
            s.DueDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
            s.Current?.ReceivedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "–", null);
    }

    /// <summary>
    /// The id of an indicator's card on the page: "i-" and the code's letters and digits, lower case.
    /// </summary>
    public static string Anchor(string code) =>
        "i-" + new string(code.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
}
