using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Reports;

public class FigureFlagsTests
{
    // KIDS: a count owed by A and B, expected to move at most 50% a quarter. Compiled for 2011-12 Q2.
    private static readonly Partnership s_partnership = PartnershipReader.Parse("""
        {
          "partnership": "Flag partnership", "returnsDueDays": 30,
          "agencies": [ { "code": "A", "name": "Agency A" }, { "code": "B", "name": "Agency B" } ],
          "localities": [ { "code": "L1", "name": "North" } ],
          "indicators": [
            { "code": "KIDS", "title": "Children referred", "unit": "count", "kind": "stock",
              "polarity": "lowerIsBetter", "agencies": ["A", "B"], "maxQuarterlyChange": 50 },
            { "code": "SEEN", "title": "Children seen", "unit": "count", "kind": "stock",
              "polarity": "higherIsBetter", "agencies": ["A", "B"] }
          ]
        }
        """);

    private static readonly ReportingPeriod s_q2 = ReportingPeriod.Parse("2011-12 Q2");
    private static readonly ReportingPeriod s_q1 = s_q2.Previous();
    private static readonly PublicationOptions s_publication = new();

    private const string QueryText = "K12: rose 900% since Q1 (from 10 to 100), more than the 50% expected";

    [Fact]
    public void Page_UnexplainedQueryOnAShownFigure_MarksTheRowAndCardAndLinksToOurWords()
    {
        // SEEN: A 100 + B 60 this quarter (A's row 12 queried, no commentary), A 90 + B 60 last quarter.
        var report = Compile(
            [Seen(s_q2, "A", 100, 12), Seen(s_q2, "B", 60, 13), Seen(s_q1, "A", 90, 12), Seen(s_q1, "B", 60, 13)],
            [Query("A", "K12")]);

        var page = HtmlReport.Page(report, DisclosurePlan.For(report, s_publication));
        var html = Publish.Html(report, s_publication);

        var flag = Assert.Single(page.Flags);
        Assert.Equal(("flag-i-seen", "SEEN"), (flag.Id, flag.Code));
        Assert.Equal(
            "This quarter's figure rests on a return with a data quality query that its agency has not yet " +
            "explained, so it may be corrected.",
            flag.Text);
        Assert.Equal("flag-i-seen", page.Summary.Single(r => r.Code == "SEEN").Cells[0].Flag);
        Assert.Equal("flag-i-seen", page.Indicators.Single(c => c.Code == "SEEN").Figures[0].Cell.Flag);
        Assert.Null(page.Summary.Single(r => r.Code == "KIDS").Cells[0].Flag);

        // Two marks (summary row, card) link to the note; nothing of the query's own text, rule or cell is published.
        Assert.Equal(2, Count(html, "href=\"#flag-i-seen\""));
        Assert.Contains("<li id=\"flag-i-seen\"><a href=\"#i-seen\">SEEN</a> This quarter&#x27;s figure rests", html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("K12", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value-large-change", html, StringComparison.Ordinal);
        Assert.DoesNotContain("900", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_QueryExplainedInCommentary_CarriesNoMark()
    {
        var report = Compile(
            [
                Seen(s_q2, "A", 100, 12) with { Commentary = "A new team started" }, Seen(s_q2, "B", 60, 13),
                Seen(s_q1, "A", 90, 12), Seen(s_q1, "B", 60, 13),
            ],
            [Query("A", "K12")]);

        var page = HtmlReport.Page(report, DisclosurePlan.For(report, s_publication));

        Assert.Empty(page.Flags);
        Assert.All(page.Summary, r => Assert.Null(r.Cells[0].Flag));
    }

    [Fact]
    public void Page_QueryOfAnAgencyWithAHiddenFigure_LooksTheSameWhicheverRowItIsOn()
    {
        // A's KIDS this quarter is 3, a small count, hidden (and B's 40 with it, since the total shows).
        // A query on A's hidden KIDS row (row 20) and one on A's shown SEEN row (row 12) must give the same
        // page: a mark, or its absence, would tell a reader which of A's rows is out of line.
        Observation[] figures =
        [
            Kids(s_q2, "A", 3, 20), Kids(s_q2, "B", 40, 21), Kids(s_q1, "A", 30, 20), Kids(s_q1, "B", 40, 21),
            Seen(s_q2, "A", 100, 12), Seen(s_q2, "B", 60, 13), Seen(s_q1, "A", 90, 12), Seen(s_q1, "B", 60, 13),
        ];

        var onHidden = Publish.Html(Compile(figures, [Query("A", "K20")]), s_publication);
        var onShown = Publish.Html(Compile(figures, [Query("A", "K12")]), s_publication);

        Assert.Equal(onShown, onHidden);
        Assert.DoesNotContain("id=\"flags\"", onHidden, StringComparison.Ordinal);
        Assert.Contains(">c<", onHidden, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_ChangeBeyondMaxQuarterlyChange_IsMarkedWithoutTheLimitTheQueriesUse()
    {
        // KIDS: 30 + 40 = 70 last quarter, 100 + 40 = 140 now: 100 × 70 / 70 = +100%, beyond the 50% expected.
        var report = Compile(
            [Kids(s_q2, "A", 100, 20), Kids(s_q2, "B", 40, 21), Kids(s_q1, "A", 30, 20), Kids(s_q1, "B", 40, 21)],
            []);

        var page = HtmlReport.Page(report, DisclosurePlan.For(report, s_publication));

        var flag = Assert.Single(page.Flags);
        Assert.Equal("KIDS", flag.Code);
        Assert.Equal(
            "This quarter's figure moved from the previous quarter's, as a share of it, by more than this " +
            "indicator is expected to move in a quarter: check it before relying on it.",
            flag.Text);
        Assert.DoesNotContain("50", flag.Text, StringComparison.Ordinal);
        Assert.Equal("flag-i-kids", page.Summary.Single(r => r.Code == "KIDS").Cells[0].Flag);
    }

    [Fact]
    public void Page_ChangeFromAHiddenQuarter_IsNotMarked()
    {
        // KIDS last quarter: A 3 and B 1, both small, so last quarter's total 4 is hidden; now 100 + 40 = 140.
        // A mark would say the hidden total lies below 140 / 1.5 = 93.3: it carries none.
        var report = Compile(
            [Kids(s_q2, "A", 100, 20), Kids(s_q2, "B", 40, 21), Kids(s_q1, "A", 3, 20), Kids(s_q1, "B", 1, 21)],
            []);

        var plan = DisclosurePlan.For(report, s_publication);
        var page = HtmlReport.Page(report, plan);

        Assert.True(plan.For(report.Indicators.Single(i => i.Indicator.Code == "KIDS")).Previous);
        Assert.Empty(page.Flags);
    }

    private static ConsolidatedReturn Compile(Observation[] observations, AgencyQuery[] queries)
    {
        var data = observations.GroupBy(o => o.Period).ToDictionary(
            g => g.Key,
            g => new PeriodData(g.Key, g.ToList(), [], [], g.Key == s_q2 ? queries : []));
        return Compiler.Compile(s_partnership, s_q2, data, [], DateTimeOffset.UnixEpoch);
    }

    private static AgencyQuery Query(string agency, string cell) =>
        new(agency, "sub-1", new Finding("value-large-change", Severity.Warning, "Indicators", cell, "100", QueryText));

    private static Observation Seen(ReportingPeriod period, string agency, double value, int row) =>
        Figure("SEEN", period, agency, value, row);

    private static Observation Kids(ReportingPeriod period, string agency, double value, int row) =>
        Figure("KIDS", period, agency, value, row);

    private static Observation Figure(string code, ReportingPeriod period, string agency, double value, int row) =>
        new(period, agency, code, Locality.WholeAreaCode, value, null, value, IndicatorUnit.Count, null,
            $"Indicators!G{row}");

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal);
             at >= 0;
             at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
