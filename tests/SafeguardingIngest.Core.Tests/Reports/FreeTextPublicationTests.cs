using System.IO.Compression;
using System.Text;
using AngleSharp.Html.Parser;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>
/// What agencies type (commentary, the explanations of queries, headings echoed in a query's message) reaches the
/// performance team's workbook and JSON, and never the published page or csv, searched byte for byte.
/// </summary>
public class FreeTextPublicationTests
{
    // Distinctive phrases, each written by an agency into one place.
    private const string HiddenRowCommentary = "Down from 20 to 3 after two families moved out of Northfield";
    private const string ShownRowCommentary = "Quetzal outreach team paused its home visits";
    private const string QuietRowCommentary = "Marmalade panel counted late referrals twice";
    private const string EchoedHeading = "Wombat tally";

    private static readonly PublicationOptions s_publication = new();
    private static readonly Lazy<Dictionary<string, byte[]>> s_files = new(() =>
        ReportSet.Render(Build(), Partnership, s_publication).ToDictionary(f => f.Name, f => f.Content));

    public static TheoryData<string> AgencyText() =>
        [HiddenRowCommentary, ShownRowCommentary, QuietRowCommentary, EchoedHeading];

    [Theory]
    [MemberData(nameof(AgencyText))]
    public void PageAndCsv_AgencyText_AppearsInNeither(string text)
    {
        var typed = Encoding.UTF8.GetBytes(text);

        Assert.Equal(-1, s_files.Value[HtmlReport.FileName].AsSpan().IndexOf(typed));
        Assert.Equal(-1, s_files.Value[CsvReport.FileName].AsSpan().IndexOf(typed));
    }

    [Theory]
    [MemberData(nameof(AgencyText))]
    public void JsonAndWorkbook_AgencyText_AreKeptForThePerformanceTeam(string text)
    {
        Assert.Contains(text, Encoding.UTF8.GetString(s_files.Value[JsonReport.FileName]), StringComparison.Ordinal);
        Assert.Contains(text, Unzipped(s_files.Value[XlsxReport.FileName]), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HasNoColumnThatTiesARowToAQuery()
    {
        var csv = Encoding.UTF8.GetString(s_files.Value[CsvReport.FileName]);
        var columns = csv.Split("\r\n")[0].TrimStart('\uFEFF').Split(',');

        Assert.DoesNotContain("commentary", columns);
        Assert.DoesNotContain("source", columns);
        Assert.DoesNotContain("Indicators!", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_DataQuality_IsCountsPerAgencyOnly()
    {
        var html = Encoding.UTF8.GetString(s_files.Value[HtmlReport.FileName]);
        var page = new HtmlParser().ParseDocument(html);
        var table = page.GetElementById("quality")!.NextElementSibling!.NextElementSibling!;

        // A: the fall at E7 (explained by its row's commentary) and the heading at I1 (no row, so not explained);
        // B: the fall at E9, explained. Three raised, two explained.
        var counts = page.GetElementById("quality")!.NextElementSibling!.TextContent;
        Assert.StartsWith("3 queries on accepted returns, 2 explained", counts, StringComparison.Ordinal);
        Assert.Equal(
            [["Agency A (A)", "2", "1"], ["Agency B (B)", "1", "1"]],
            table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToArray());
        var section = html[html.IndexOf("id=\"quality\"", StringComparison.Ordinal)..];
        string[] parts = ["value-large-change", "column-unrecognised", "E7", "E9", "I1", "50%", "85%", "from 20 to 3"];
        foreach (var part in parts)
        {
            Assert.DoesNotContain(part, section, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("value-large-change", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// CAF by locality: A's North fell from 20 to 3 (hidden, with its partners) and B's South from 100 to 40; both
    /// falls are queried and explained by the rows' commentary. A's return also had a heading it did not recognise,
    /// and a commentary on a row with no query.
    /// </summary>
    private static ConsolidatedReturn Build()
    {
        var q1 = Q2.Previous();
        Observation Row(ReportingPeriod quarter, string agency, string place, double n, int row, string? text = null) =>
            Observe(quarter, agency, "CAF", place, n) with { Source = $"Indicators!G{row}", Commentary = text };
        var current = new List<Observation>
        {
            Row(Q2, "A", "L1", 3, 7, HiddenRowCommentary), Row(Q2, "A", "L2", 60, 8, QuietRowCommentary),
            Row(Q2, "B", "L2", 40, 9, ShownRowCommentary), Row(Q2, "B", "L1", 55, 10),
        };
        var earlier = new List<Observation>
        {
            Row(q1, "A", "L1", 20, 7), Row(q1, "A", "L2", 60, 8),
            Row(q1, "B", "L2", 100, 9), Row(q1, "B", "L1", 50, 10),
        };
        AgencyQuery Query(string agency, string code, string cell, string message) =>
            new(agency, "s1", new Finding(code, Severity.Warning, "Indicators", cell, null, $"{cell}: {message}"));
        const string Explain = "more than the 50% expected; please explain in Commentary.";
        AgencyQuery[] queries =
        [
            Query("A", "value-large-change", "E7", $"CAF in North fell 85% since Q1 (from 20 to 3), {Explain}"),
            Query("A", "column-unrecognised", "I1", $"the heading '{EchoedHeading}' names no column of the return."),
            Query("B", "value-large-change", "E9", $"CAF in South fell 60% since Q1 (from 100 to 40), {Explain}"),
        ];
        var data = new Dictionary<ReportingPeriod, PeriodData>
        {
            [q1] = new(q1, earlier, [], [], []),
            [Q2] = new(Q2, current, [], [], queries),
        };
        return Compiler.Compile(Partnership, Q2, data, [], DateTimeOffset.UnixEpoch);
    }

    /// <summary>Every part of the workbook's zip, as text: the strings a reader of the file would find.</summary>
    private static string Unzipped(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
