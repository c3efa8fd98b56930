using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ExcelDataReader;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Reports;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>
/// A figure that lacks an owed return is marked in all four outputs, and no output presents its change,
/// direction or RAG as real. CAF: A returned 785 in Q2, B (which owes it too) nothing; in Q1 A 748, B 739.
/// </summary>
public class IncompleteFiguresTests
{
    private static readonly PublicationOptions s_publication = new();

    private static ConsolidatedReturn Report() => Compile(Q2,
        Observe(Q2.Previous(), "A", "CAF", "L1", 748),
        Observe(Q2.Previous(), "B", "CAF", "L2", 739),
        Observe(Q2, "A", "CAF", "L1", 785),
        Observe(Q2.Previous(), "A", "OPEN", "ALL", 1898), Observe(Q2, "A", "OPEN", "ALL", 1640),
        Observe(Q2.Previous(), "A", "NI 68", "ALL", 85, 100));

    [Fact]
    public void Html_MissingReturn_MarksTheFigureAndNamesTheAgencyInANote()
    {
        var page = new HtmlParser().ParseDocument(Publish.Html(Report(), s_publication));
        var cells = Row(page, "CAF");

        // Columns: this quarter, last year, change, year to date, annual target, target to date, RAG, since last
        // quarter, since last year.
        Assert.Equal("785†", cells[0]);
        Assert.Equal("Incomplete", cells[6]);
        Assert.Equal("Not comparable†", cells[7]);
        Assert.Equal(
            "CAF lacks the returns of Agency B (B) for 2011-12 Q2.",
            page.QuerySelector("#note-i-caf")!.TextContent);
        Assert.Contains(
            "† Lacks the returns of Agency B (B) for 2011-12 Q2.",
            page.QuerySelector("#i-caf")!.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Labels_SayNoDataNoTargetAndTargetsByName()
    {
        var page = new HtmlParser().ParseDocument(Publish.Html(Report(), s_publication));
        var headings = page.QuerySelectorAll("#summary + table thead th").Select(h => h.TextContent).ToList();
        var ni68 = Row(page, "NI 68");
        var open = Row(page, "OPEN");

        Assert.Contains("Annual target", headings);
        Assert.Contains("Target to date", headings);

        // NI 68 has a target (90%) but nothing for Q2: no data, not "no target" (and not incomplete: nothing came at
        // all).
        Assert.Equal("No data", ni68[0]);
        Assert.Equal("90.0%", ni68[4]);

        // Its year to date (a flow) is Q1's 85% alone, lacking A's Q2 return: shown marked, and not rated.
        Assert.Equal("85.0%†", ni68[3]);
        Assert.Equal("Incomplete", ni68[6]);

        // OPEN has figures and no target.
        Assert.Equal("1,640", open[0]);
        Assert.Equal("No target", open[6]);

        // CAF's localities are counts: one note, no RAG column, no badge per row.
        var caf = page.QuerySelector("#i-caf")!;
        Assert.DoesNotContain("RAG", caf.QuerySelector("table thead")!.TextContent, StringComparison.Ordinal);
        Assert.Single(
            caf.QuerySelectorAll("p.note"),
            p => p.TextContent.StartsWith("Counts by locality are not rated", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_RowsOfAnIncompletePeriod_SayWhichReturnsAreMissing()
    {
        var lines = Publish.Csv(Report(), Partnership, s_publication).Split("\r\n");
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var complete = Array.IndexOf(header, "complete");
        var missing = Array.IndexOf(header, "missing_returns");

        var caf = lines.Where(l => l.Contains(",CAF,", StringComparison.Ordinal)).ToList();
        var q2 = caf.Single(l => l.Contains(",2011-12 Q2,", StringComparison.Ordinal)).Split(',');
        var q1 = caf.Where(l => l.Contains(",2011-12 Q1,", StringComparison.Ordinal))
            .Select(l => l.Split(','))
            .ToList();

        Assert.Equal(("false", "B"), (q2[complete], q2[missing]));
        // A filter is never blank in the service's files: a complete row says none is missing.
        Assert.All(q1, row => Assert.Equal(("true", "none"), (row[complete], row[missing])));
    }

    [Fact]
    public void Json_IncompleteFigure_CarriesItsMissingReturnsAndNoRag()
    {
        using var json = JsonDocument.Parse(JsonReport.Render(Report()));
        var caf = json.RootElement
            .GetProperty("indicators")
            .EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "CAF");
        var area = caf.GetProperty("area");

        Assert.False(area.GetProperty("complete").GetBoolean());
        var missing = area.GetProperty("missingReturns").GetProperty("thisQuarter")[0];
        Assert.Equal(
            ("2011-12 Q2", "B"),
            (missing.GetProperty("period").GetString(), missing.GetProperty("agency").GetString()));
        Assert.Equal(JsonValueKind.Null, area.GetProperty("variationOnLastYear").ValueKind);
        Assert.Equal("Incomplete", area.GetProperty("ragState").GetString());
        Assert.Equal("Flow", caf.GetProperty("kind").GetString());
        Assert.Equal(
            1,
            caf.GetProperty("series").EnumerateArray().Last().GetProperty("missingReturns").GetArrayLength());
    }

    [Fact]
    public void Xlsx_Summary_SaysIncompleteAndListsTheMissingReturns()
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(XlsxReport.Render(Report())));
        reader.Read();
        var header = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString()).ToList();
        object?[]? caf = null;
        while (reader.Read())
        {
            if (reader.GetValue(0)?.ToString() == "CAF")
            {
                caf = Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray();
            }
        }

        Assert.NotNull(caf);
        Assert.Equal("Incomplete", caf[header.IndexOf("RAG")]);
        Assert.Equal("Not comparable", caf[header.IndexOf("Since previous quarter")]);
        Assert.Equal("Agency B (B) for 2011-12 Q2", caf[header.IndexOf("Owed returns lacking")]);
        Assert.Equal("Annual target", header[13]);
    }

    private static List<string> Row(AngleSharp.Html.Dom.IHtmlDocument page, string code) =>
        page.QuerySelectorAll("#summary + table tbody tr")
            .Single(r => r.QuerySelector("th a")!.TextContent == code)
            .QuerySelectorAll("td").Select(td => td.TextContent).ToList();
}
