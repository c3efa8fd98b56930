using System.Text.Json;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Tests.Reports;

public class ReportSetTests
{
    // Three percentages held to 19.0% (lower is better, tolerance 10%), compiled for 2011-12 Q1, whose year to
    // date is the quarter itself. ON: 1,904 of 10,000 = 19.04%, shows 19.0%; last year 1,690 of 10,000 = 16.9%.
    // OVER: 1,906 of 10,000 = 19.06%, shows 19.1%. DOWN: 1,630 of 10,000 = 16.3%, last year 16.9%.
    private static readonly Partnership s_partnership = PartnershipReader.Parse("""
        {
          "partnership": "Boundary partnership", "returnsDueDays": 30,
          "agencies": [ { "code": "A", "name": "Agency A" } ],
          "localities": [ { "code": "L1", "name": "North" } ],
          "indicators": [
            { "code": "ON", "title": "On the boundary", "unit": "percentage", "kind": "stock",
              "polarity": "lowerIsBetter", "agencies": ["A"], "targets": { "2011-12": 19.0 }, "tolerance": 10 },
            { "code": "OVER", "title": "Over the boundary", "unit": "percentage", "kind": "stock",
              "polarity": "lowerIsBetter", "agencies": ["A"], "targets": { "2011-12": 19.0 }, "tolerance": 10 },
            { "code": "DOWN", "title": "Down on last year", "unit": "percentage", "kind": "stock",
              "polarity": "lowerIsBetter", "agencies": ["A"], "targets": { "2011-12": 19.0 }, "tolerance": 10 }
          ]
        }
        """);

    private static readonly ReportingPeriod s_quarter = ReportingPeriod.Parse("2011-12 Q1");

    [Fact]
    public async Task Stream_EveryFile_IsTheRenderedFileByteForByteInTheSameOrder()
    {
        // ON's 3 of 10,000 this quarter is a small count, so the csv hides cells as well as showing them.
        var report = Compile(
            ("ON", s_quarter, 3), ("ON", s_quarter.SameQuarterLastYear(), 1690),
            ("OVER", s_quarter, 1906), ("DOWN", s_quarter, 1630));
        var plan = DisclosurePlan.For(report, new PublicationOptions());
        var release = new ReleaseContext(2, ReleaseStatus.Provisional, []);

        var rendered = ReportSet.Render(report, s_partnership, plan, release);
        var streamed = ReportSet.Stream(report, s_partnership, plan, release);

        Assert.Equal(
            rendered.Select(f => (f.Name, f.ContentType, f.Public)),
            streamed.Select(f => (f.Name, f.ContentType, f.Public)));
        foreach (var (file, stream) in rendered.Zip(streamed))
        {
            using var written = new MemoryStream();
            await stream.WriteAsync(written, CancellationToken.None);
            Assert.Equal(file.Content, written.ToArray());
        }

        Assert.Contains(",c,", System.Text.Encoding.UTF8.GetString(rendered[1].Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RatingsAndChangesAtTheRoundingBoundary_AreTheSameInPageWorkbookAndJson()
    {
        var report = Compile(
            ("ON", s_quarter, 1904), ("ON", s_quarter.SameQuarterLastYear(), 1690),
            ("OVER", s_quarter, 1906), ("OVER", s_quarter.SameQuarterLastYear(), 1690),
            ("DOWN", s_quarter, 1630), ("DOWN", s_quarter.SameQuarterLastYear(), 1690));

        var files = ReportSet.Render(report, s_partnership, new PublicationOptions()).ToDictionary(f => f.Name);
        var page = HtmlReport.Page(report, DisclosurePlan.For(report, new PublicationOptions()));
        var summary = XlsxReportTests.Read(files[XlsxReport.FileName].Content)["Summary"];
        using var json = JsonDocument.Parse(files[JsonReport.FileName].Content);

        // ON: 19.0% against 19.0%, Green; 19.0 − 16.9 = +2.1 points. OVER: 19.1%, 0.1 over: Amber; +2.2 points.
        // DOWN: 16.3 − 16.9 = −0.6 points, Green.
        (string Code, string Rag, double Change, string Text)[] expected =
        [
            ("ON", "Green", 2.1, "+2.1 pp"), ("OVER", "Amber", 2.2, "+2.2 pp"), ("DOWN", "Green", -0.6, "−0.6 pp"),
        ];
        foreach (var (code, rag, change, text) in expected)
        {
            var row = page.Summary.Single(r => r.Code == code);
            Assert.Equal(text, row.Cells[2].Text);
            Assert.Equal(rag, row.Cells[6].Text);

            var sheetRow = summary.Single(r => (string?)r[0] == code);
            Assert.Equal(change, (double)sheetRow[7]!, 9);
            Assert.Equal(rag, sheetRow[15]);

            var indicator = json.RootElement.GetProperty("indicators").EnumerateArray()
                .Single(i => i.GetProperty("code").GetString() == code);
            Assert.Equal("percentagePoints", indicator.GetProperty("changeUnit").GetString());
            Assert.Equal(change, indicator.GetProperty("area").GetProperty("variationOnLastYear").GetDouble(), 9);
            Assert.Equal(rag, indicator.GetProperty("area").GetProperty("rag").GetString());
        }
    }

    private static ConsolidatedReturn Compile(params (string Code, ReportingPeriod Quarter, double Numerator)[] figures)
    {
        var observations = figures.Select(f => new Observation(
            f.Quarter, "A", f.Code, Locality.WholeAreaCode, f.Numerator, 10_000, f.Numerator / 100,
            IndicatorUnit.Percentage, null, "Indicators!G2"));
        var data = observations.GroupBy(o => o.Period)
            .ToDictionary(g => g.Key, g => new PeriodData(g.Key, g.ToList(), [], [], []));
        return Compiler.Compile(s_partnership, s_quarter, data, [], DateTimeOffset.UnixEpoch);
    }
}
