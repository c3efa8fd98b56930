using System.Globalization;
using System.Net;
using System.Text;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Submissions;

namespace SafeguardingIngest.Reports;

/// <summary>
/// consolidated-return.html: one self-contained page for the board, readable on screen and on paper.
/// RAG is shown by colour and by word; each indicator has an inline SVG trend with its "no action"
/// projection. Published, so small counts are suppressed (with the counts that would reveal them),
/// and everything that came from agencies is HTML-encoded.
/// </summary>
public static class HtmlReport
{
    /// <summary>The file name.</summary>
    public const string FileName = "consolidated-return.html";

    private const string Style = """
        :root{--red:#d4351c;--amber:#f47738;--green:#00703c;--ink:#0b0c0c;--grey:#505a5f;--line:#b1b4b6}
        body{font-family:Arial,Helvetica,sans-serif;color:var(--ink);margin:2rem auto;max-width:72rem;padding:0 1rem;line-height:1.4}
        h1{font-size:1.9rem;margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid var(--ink)}h3{margin:0 0 .3rem}
        .meta{color:var(--grey)}table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.92rem}
        th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}th{background:#f3f2f1}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        .rag{display:inline-block;min-width:4.2rem;text-align:center;font-weight:bold;padding:.1rem .35rem;border:2px solid}
        .rag-red{background:var(--red);border-color:var(--red);color:#fff}.rag-amber{background:var(--amber);border-color:var(--amber);color:#0b0c0c}
        .rag-green{background:var(--green);border-color:var(--green);color:#fff}.rag-none{background:#fff;border-color:var(--line);color:var(--grey)}
        .card{border:1px solid var(--line);padding:1rem;margin:1rem 0;break-inside:avoid;page-break-inside:avoid}
        .chart{width:100%;max-width:560px;height:auto}.chart .grid{stroke:#e5e6e7}.chart .axis{font-size:11px;fill:var(--grey)}
        .chart .actual{fill:none;stroke:#1d70b8;stroke-width:2.5}.chart .point{fill:#1d70b8}
        .chart .projection{fill:none;stroke:var(--red);stroke-width:1.8;stroke-dasharray:6 4}
        .chart .target{stroke:var(--green);stroke-width:1.5;stroke-dasharray:2 3}
        .legend span{margin-right:1.2rem;font-size:.85rem;color:var(--grey)}.note{font-size:.85rem;color:var(--grey)}
        @media print{body{margin:0;max-width:none;font-size:10pt}h2{page-break-before:always}h2.first{page-break-before:avoid}
          .rag{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit;text-decoration:none}}
        """;

    /// <summary>Writes the page.</summary>
    public static byte[] Render(ConsolidatedReturn report, PublicationOptions publication)
    {
        var html = new StringBuilder();
        var period = report.Period;
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(report.Partnership)}: consolidated quarterly return {E(period.ToString())}</title>
            <style>{Style}</style></head><body>
            <header><h1>Consolidated quarterly return, {E(period.ToString())}</h1>
            <p class="meta">{E(report.Partnership)} · {E(period.Start.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))} to {E(period.End.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))} · compiled {E(report.CompiledAt.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture))}</p>
            <p class="note">Figures are added up across agencies, localities and quarters before any percentage or rate is worked out. RAG compares the year to date with the target for the year (pro rata for counts that add up over the year). Counts of 1 to {publication.SmallCountThreshold - 1}, and any figure that would let a reader work one out, are shown as <strong>{E(publication.Symbol)}</strong>.</p>
            </header>
            """);
        Summary(html, report, publication);
        foreach (var result in report.Indicators)
        {
            Indicator(html, result, publication);
        }

        Submissions(html, report);
        Actions(html, report);
        Risks(html, report);
        DataQuality(html, report);
        html.Append("</body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void Summary(StringBuilder html, ConsolidatedReturn report, PublicationOptions publication)
    {
        html.Append("<h2 class=\"first\" id=\"summary\">Summary</h2><table><caption class=\"note\">Every indicator, whole partnership area</caption><thead><tr>")
            .Append("<th scope=\"col\">Indicator</th><th scope=\"col\">This quarter</th><th scope=\"col\">Same quarter last year</th><th scope=\"col\">Change</th>")
            .Append("<th scope=\"col\">Year to date</th><th scope=\"col\">Target</th><th scope=\"col\">RAG</th><th scope=\"col\">Since last quarter</th><th scope=\"col\">Since last year</th></tr></thead><tbody>\n");
        foreach (var result in report.Indicators)
        {
            var i = result.Indicator;
            var area = result.Area;
            var hide = AreaHidden(result, publication);
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\"><a href=\"#{Anchor(i.Code)}\">{E(i.Code)}</a> {E(i.Title)}</th>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Shown(area.Value, i.Unit, hide.Value, publication)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Shown(area.SameQuarterLastYear, i.Unit, hide.LastYear, publication)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(hide.Value || hide.LastYear ? E(publication.Symbol) : E(Figures.Change(area.VariationOnLastYear)))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Shown(area.YearToDate, i.Unit, hide.YearToDate, publication)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{E(result.TargetToDate is null ? "–" : Figures.Show(result.TargetToDate, i.Unit))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Rag(area.Rag)}</td><td>{E(Travel.Describe(area.SincePrevious))}</td><td>{E(Travel.Describe(area.SinceLastYear))}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Indicator(StringBuilder html, IndicatorResult result, PublicationOptions publication)
    {
        var i = result.Indicator;
        var area = result.Area;
        var hide = AreaHidden(result, publication);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"card\" id=\"{Anchor(i.Code)}\"><h3>{E(i.Code)}: {E(i.Title)}</h3>")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(Figures.Unit(i.Unit))}, {E(Figures.Polarity(i.Polarity))}{(i.Baseline is { } b ? $"; baseline {E(Figures.Show(b.Value, i.Unit))} ({E(b.Year)})" : string.Empty)}{(result.Target is { } t ? $"; target {E(Figures.Show(t, i.Unit))} for {E(result.SeriesPeriods[^1].Year.ToString())}" : "; no target")}</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>This quarter <strong>{Shown(area.Value, i.Unit, hide.Value, publication)}</strong> · previous quarter {Shown(area.Previous, i.Unit, hide.Previous, publication)} · same quarter last year {Shown(area.SameQuarterLastYear, i.Unit, hide.LastYear, publication)} · year to date {Shown(area.YearToDate, i.Unit, hide.YearToDate, publication)} · {Rag(area.Rag)}</p>")
            .Append(TrendChart.Render(result, index => IsSmallFigure(i, result.SeriesParts[index], publication)))
            .Append("<p class=\"legend\"><span>━ actual</span><span>╌ projection if no action is taken</span>").Append(result.Target is null ? string.Empty : "<span>┈ target</span>").Append("</p>");
        if (result.Localities.Count > 0)
        {
            Breakdown(html, i, "Locality", result.Localities, publication);
        }

        html.Append("</section>\n");
    }

    private static void Breakdown(StringBuilder html, Indicator indicator, string heading, IReadOnlyList<BreakdownRow> rows, PublicationOptions publication)
    {
        // Counts: each column is a line whose total (the whole area's) is published, so secondary suppression applies.
        var thisQuarter = Hidden(indicator, rows.Select(r => r.Figures.Parts).ToList(), publication);
        var lastYear = Hidden(indicator, rows.Select(r => r.Figures.SameQuarterLastYearParts).ToList(), publication);
        var yearToDate = Hidden(indicator, rows.Select(r => r.Figures.YearToDateParts).ToList(), publication);
        html.Append(CultureInfo.InvariantCulture, $"<table><thead><tr><th scope=\"col\">{E(heading)}</th><th scope=\"col\">This quarter</th><th scope=\"col\">Same quarter last year</th><th scope=\"col\">Year to date</th><th scope=\"col\">RAG</th><th scope=\"col\">Since last quarter</th></tr></thead><tbody>\n");
        for (var r = 0; r < rows.Count; r++)
        {
            var f = rows[r].Figures;
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(rows[r].Name)}</th>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Shown(f.Value, indicator.Unit, thisQuarter.Contains(r), publication)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Shown(f.SameQuarterLastYear, indicator.Unit, lastYear.Contains(r), publication)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{Shown(f.YearToDate, indicator.Unit, yearToDate.Contains(r), publication)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{Rag(f.Rag)}</td><td>{(thisQuarter.Contains(r) ? E(publication.Symbol) : E(Travel.Describe(f.SincePrevious)))}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    /// <summary>Rows to hide in one column of a breakdown: small figures, and for counts whatever would reveal them from the total.</summary>
    private static HashSet<int> Hidden(Indicator indicator, List<Ratio> parts, PublicationOptions publication)
    {
        if (indicator.Unit == IndicatorUnit.Count)
        {
            // The total needs no hiding of its own here: it can only give away a cell when it is itself small, and then it is hidden already.
            return SmallCounts.Line(parts.Select(p => p.IsEmpty ? (double?)null : p.Numerator).ToList(), publication.SmallCountThreshold).Hidden;
        }

        return Enumerable.Range(0, parts.Count).Where(i => IsSmallFigure(indicator, parts[i], publication)).ToHashSet();
    }

    /// <summary>
    /// A figure resting on a small number of children: a count or numerator of 1 to the threshold less
    /// one, or an average over that few cases.
    /// </summary>
    internal static bool IsSmallFigure(Indicator indicator, Ratio parts, PublicationOptions publication) =>
        !parts.IsEmpty && SmallCounts.IsSmall(indicator.Unit == IndicatorUnit.Average ? parts.Denominator : parts.Numerator, publication.SmallCountThreshold);

    private static (bool Value, bool Previous, bool LastYear, bool YearToDate) AreaHidden(IndicatorResult result, PublicationOptions publication)
    {
        var i = result.Indicator;
        var series = result.SeriesParts;
        return (
            IsSmallFigure(i, series[^1], publication),
            series.Count > 1 && IsSmallFigure(i, series[^2], publication),
            series.Count > 4 && IsSmallFigure(i, series[^5], publication),
            IsSmallFigure(i, result.Area.YearToDateParts, publication));
    }

    private static void Submissions(StringBuilder html, ConsolidatedReturn report)
    {
        html.Append("<h2 id=\"submissions\">Returns received</h2><table><thead><tr><th scope=\"col\">Agency</th><th scope=\"col\">State</th><th scope=\"col\">Due</th><th scope=\"col\">Received</th></tr></thead><tbody>\n");
        foreach (var s in report.Submissions)
        {
            var css = s.State switch
            {
                ReturnStateKind.OnTime => "rag-green",
                ReturnStateKind.Late => "rag-amber",
                ReturnStateKind.NotYetDue => "rag-none",
                _ => "rag-red",
            };
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{E(s.AgencyName)} ({E(s.Agency)})</th><td><span class=\"rag {css}\">{E(s.Describe())}</span></td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(s.DueDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture))}</td><td>{E(s.Current?.ReceivedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "–")}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Actions(StringBuilder html, ConsolidatedReturn report)
    {
        var a = report.Actions;
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"actions\">Delivery actions</h2><p>{Rag(Returns.Rag.Red)} {a.Red} · {Rag(Returns.Rag.Amber)} {a.Amber} · {Rag(Returns.Rag.Green)} {a.Green}</p>");
        if (a.AmberAndRed.Count == 0)
        {
            html.Append("<p>No action is Amber or Red.</p>\n");
            return;
        }

        html.Append("<table><thead><tr><th scope=\"col\">Agency</th><th scope=\"col\">Action</th><th scope=\"col\">RAG</th><th scope=\"col\">Commentary</th><th scope=\"col\">Actions to bring back on track</th></tr></thead><tbody>\n");
        foreach (var item in a.AmberAndRed)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(item.Agency)}</td><td>{E(item.Item.Reference)}. {E(item.Item.Description)}</td><td>{Rag(item.Item.Rag)}</td><td>{E(item.Item.Commentary)}</td><td>{E(item.Item.RecoveryActions)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void Risks(StringBuilder html, ConsolidatedReturn report)
    {
        html.Append("<h2 id=\"risks\">Risk register</h2>");
        if (report.Risks.Count == 0)
        {
            html.Append("<p>No risks were returned.</p>\n");
            return;
        }

        html.Append("<table><thead><tr><th scope=\"col\">Score</th><th scope=\"col\">Agency</th><th scope=\"col\">Risk</th><th scope=\"col\">Impact × likelihood</th><th scope=\"col\">Mitigation</th><th scope=\"col\">Owner</th></tr></thead><tbody>\n");
        foreach (var risk in report.Risks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"num\"><strong>{risk.Item.Score}</strong></td><td>{E(risk.Agency)}</td><td>{E(risk.Item.Description)}</td><td>{risk.Item.Impact} × {risk.Item.Likelihood}</td><td>{E(risk.Item.Mitigation)}</td><td>{E(risk.Item.Owner)}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static void DataQuality(StringBuilder html, ConsolidatedReturn report)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"quality\">Data quality</h2><p>{report.Queries.Count} queries on accepted returns, {report.Queries.Count(q => q.Explained)} explained by the agency's commentary.</p>");
        if (report.Queries.Count == 0)
        {
            return;
        }

        html.Append("<table><thead><tr><th scope=\"col\">Agency</th><th scope=\"col\">Where</th><th scope=\"col\">Query</th><th scope=\"col\">Explained</th></tr></thead><tbody>\n");
        foreach (var q in report.Queries)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(q.Agency)}</td><td>{E(q.Finding.Location)}</td><td>{E(q.Finding.Message)}</td><td>{(q.Explained ? "Yes: " + E(q.Commentary) : "No")}</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static string Shown(double? value, IndicatorUnit unit, bool hidden, PublicationOptions publication) =>
        hidden && value is not null ? $"<abbr title=\"suppressed: a small number\">{E(publication.Symbol)}</abbr>" : E(Figures.Show(value, unit));

    private static string Rag(Rag? rag) => rag switch
    {
        Returns.Rag.Red => "<span class=\"rag rag-red\">Red</span>",
        Returns.Rag.Amber => "<span class=\"rag rag-amber\">Amber</span>",
        Returns.Rag.Green => "<span class=\"rag rag-green\">Green</span>",
        _ => "<span class=\"rag rag-none\">No target</span>",
    };

    private static string Anchor(string code) => "i-" + new string(code.Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
