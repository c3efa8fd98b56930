using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Testing;

/// <summary>A locality's row of a card's breakdown, its cells as the page writes them.</summary>
public sealed record PublishedLocality(string Name, IReadOnlyList<string> Cells);

/// <summary>A data quality query as the page lists it: the agency, the cell of its return, and the text.</summary>
public sealed record PublishedQuery(string Agency, string Where, string Text);

/// <summary>The page's data quality queries: how many it says there are, and those it lists.</summary>
public sealed record PublishedQueries(int? Count, IReadOnlyList<PublishedQuery> Lines);

/// <summary>
/// What the board page shows of one indicator, read with an HTML parser by each figure's place on the page:
/// the card's headline figures (by label), its RAG, its chart's points and its breakdown by locality, and
/// the indicator's row of the summary table; and the page's data quality queries. Texts are as shown, less
/// the † mark and a revision mark.
/// </summary>
public sealed partial record PublishedCard(
    ReportingPeriod Period,
    string Meta,
    IReadOnlyDictionary<string, string> Figures,
    string? Rag,
    IReadOnlyList<(ReportingPeriod Quarter, string Text)> Points,
    IReadOnlyList<PublishedLocality> Localities,
    IReadOnlyList<string> Summary,
    PublishedQueries Queries)
{
    /// <summary>True where the card says the indicator adds up over the year.</summary>
    public bool Flow => Meta.Contains("adds up over the year", StringComparison.Ordinal);

    /// <summary>The headline figure labelled <paramref name="label"/>, or empty where the card has none.</summary>
    public string Figure(string label) => Figures.GetValueOrDefault(label, string.Empty);

    /// <summary>Reads the card of <paramref name="code"/> from a page.</summary>
    public static PublishedCard Read(string html, string code)
    {
        var page = new HtmlParser().ParseDocument(html);
        var period = ReportingPeriod.Parse(PeriodOfPage().Match(page.Title ?? string.Empty).Groups[1].Value);
        var anchor = HtmlReport.Anchor(code);
        var card = page.QuerySelector($"section#{anchor}")
            ?? throw new InvalidOperationException($"No card for {code}.");
        var headline = card.QuerySelectorAll("p")[1];
        var figures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in headline.TextContent.Split('·', StringSplitOptions.TrimEntries))
        {
            if (s_labels.FirstOrDefault(l => part.StartsWith(l + " ", StringComparison.Ordinal)) is { } label)
            {
                figures[label] = Clean(part[(label.Length + 1)..]);
            }
        }

        var points = card.QuerySelectorAll("circle title")
            .Select(t => ChartPoint().Match(t.TextContent))
            .Where(m => m.Success)
            .Select(m => (ReportingPeriod.Parse(m.Groups[1].Value), m.Groups[2].Value))
            .ToList();
        var localities = card.QuerySelectorAll("tbody tr")
            .Select(row => new PublishedLocality(
                row.QuerySelector("th")!.TextContent,
                row.QuerySelectorAll("td").Select(c => Clean(c.TextContent)).ToList()))
            .ToList();
        var summary = page.QuerySelectorAll("tbody tr")
            .FirstOrDefault(r => r.QuerySelector($"th a[href='#{anchor}']") is not null)?
            .QuerySelectorAll("td").Select(c => Clean(c.TextContent)).ToList() ?? [];
        return new PublishedCard(
            period,
            card.QuerySelector("p.meta")?.TextContent ?? string.Empty,
            figures,
            headline.QuerySelector("span.rag")?.TextContent.Trim(),
            points,
            localities,
            summary,
            ReadQueries(page));
    }

    /// <summary>The data quality section: its count of queries and its table, where the page has them.</summary>
    private static PublishedQueries ReadQueries(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var heading = page.QuerySelector("h2#quality");
        var count = heading?.NextElementSibling is { } line
            && QueryCount().Match(line.TextContent) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : (int?)null;
        var lines = new List<PublishedQuery>();
        for (var next = heading?.NextElementSibling; next is not null && next.TagName != "H2";
             next = next.NextElementSibling)
        {
            lines.AddRange(next.QuerySelectorAll("tbody tr")
                .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
                .Where(c => c.Count >= 3)
                .Select(c => new PublishedQuery(c[0], c[1], c[2])));
        }

        return new PublishedQueries(count, lines);
    }

    /// <summary>A figure as shown ("1,234", "12.5%", "12.5"), or null where the text is not one.</summary>
    public static double? Number(string text) =>
        double.TryParse(
            text.TrimEnd('%'),
            NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out var value) ? value : null;

    private static readonly string[] s_labels =
    [
        "This quarter", "previous quarter", "same quarter last year", "year to date", "annual target", "target to date",
    ];

    /// <summary>
    /// The text less the † of a figure lacking a return, the ⚠ of a figure to read with care, and an <c>r</c>
    /// marking a revised figure.
    /// </summary>
    private static string Clean(string text) =>
        RevisionMark().Replace(
            text.Replace("†", string.Empty, StringComparison.Ordinal)
                .Replace("⚠", string.Empty, StringComparison.Ordinal)
                .Trim(),
            "$1");

    [GeneratedRegex(@"consolidated quarterly return (\d{4}-\d{2} Q\d)")]
    private static partial Regex PeriodOfPage();

    [GeneratedRegex(@"^(\d{4}-\d{2} Q\d): ([\d,.]+%?)")]
    private static partial Regex ChartPoint();

    [GeneratedRegex(@"^([\d,.]+%?)\s*r$")]
    private static partial Regex RevisionMark();

    [GeneratedRegex(@"(\d+) quer(?:y|ies) on accepted returns")]
    private static partial Regex QueryCount();
}
