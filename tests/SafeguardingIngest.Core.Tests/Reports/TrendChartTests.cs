using System.Text.Json;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Reports;

public class TrendChartTests
{
    private static readonly PublicationOptions s_publication = new();

    [Fact]
    public void Build_EveryQuarterHidden_SaysSoRatherThanNoFigures()
    {
        // CAF: A's North 2 last quarter and 3 this quarter, both small, so both of the chart's quarters are hidden.
        var report = Compile(Q2, Observe(Q2.Previous(), "A", "CAF", "L1", 2), Observe(Q2, "A", "CAF", "L1", 3));

        var chart = Publish.Page(report, s_publication).Indicators.Single(c => c.Code == "CAF").Chart;
        var html = Publish.Html(report, s_publication);
        var card = html[html.IndexOf("id=\"i-caf\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</section>", StringComparison.Ordinal)];

        Assert.True(chart.Empty);
        Assert.Equal("Every quarter's figure is hidden to protect small numbers", chart.Blank);
        const string Said = "Every quarter&#x27;s figure is hidden to protect small numbers</text>";
        Assert.Contains(Said, card, StringComparison.Ordinal);
        Assert.DoesNotContain("No figures returned", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NothingReturned_SaysNoFigures()
    {
        // OPEN has no rows at all in this compile.
        var report = Compile(Q2, Observe(Q2, "A", "CAF", "L1", 30));

        var chart = Publish.Page(report, s_publication).Indicators.Single(c => c.Code == "OPEN").Chart;

        Assert.True(chart.Empty);
        Assert.Equal("No figures returned", chart.Blank);
    }

    // EH, early help assessments: a count that adds up over the year, higher is better, owed by A and B, with
    // annual targets 2,000 (2009-10), 2,400 (2010-11) and 2,800 (2011-12); none yet for 2012-13.
    private static readonly Partnership s_flow = PartnershipReader.Parse("""
        {
          "partnership": "Flow partnership", "returnsDueDays": 30,
          "agencies": [ { "code": "A", "name": "Agency A" }, { "code": "B", "name": "Agency B" } ],
          "localities": [ { "code": "L1", "name": "North" } ],
          "indicators": [
            { "code": "EH", "title": "Early help assessments", "unit": "count", "kind": "flow",
              "polarity": "higherIsBetter", "agencies": ["A", "B"],
              "targets": { "2009-10": 2000, "2010-11": 2400, "2011-12": 2800 }, "tolerance": 10 }
          ]
        }
        """);

    [Fact]
    public void Build_FlowAcrossYearEnds_DrawsQuartersAgainstAQuarterOfEachYearsTarget()
    {
        // Eight quarters 2009-10 Q3 … 2011-12 Q2 (slots 0 to 7), four ahead to 2012-13 Q2 (8 to 11). Each quarter A
        // returns its figure less 100 and B returns 100: 520, 540, 560, 580, 600, 620, 640, 660, rising 20 a
        // quarter. B's 2010-11 Q2 return (slot 3) is missing, so that quarter is A's 480 alone, marked incomplete.
        var report = CompileFlow([520, 540, 560, 580, 600, 620, 640, 660], missingB: 3);

        var page = Publish.Page(report, s_publication);
        var card = page.Indicators.Single(c => c.Code == "EH");
        var chart = card.Chart;

        // Quarterly shares: 2,000 / 4 = 500 for slots 0-1 (2009-10 Q3, Q4); 2,400 / 4 = 600 for slots 2-5;
        // 2,800 / 4 = 700 for slots 6-9; no target for 2012-13, so no line over slots 10-11.
        Assert.Equal(
            [(0, 1, 500.0), (2, 5, 600.0), (6, 9, 700.0)],
            chart.Target.Select(t => (t.First, t.Last, t.Value)));

        // The line through the complete quarters alone (480 left out) is exactly 520 + 20 × slot: at slot 11, 740.
        // The axis is drawn to the data, the projection and the quarterly shares: 0 to 740, about five steps of
        // 148, rounds to steps of 200 up to 800. It is not stretched to reach 2,800.
        Assert.Equal(["0", "200", "400", "600", "800"], chart.Ticks.Select(t => t.Label));

        // x = 56 + slot × (544 − 56) / 11 = 56 + slot × 44.364; y = 16 + (800 − value) × (168 − 16) / 800.
        // 2011-12's level runs from half a slot before slot 6 (x 300) to half a slot after slot 9 (x 477.5),
        // at y = 16 + 100 × 0.19 = 35; 2009-10's starts at the left edge (x 56), y = 16 + 300 × 0.19 = 73.
        Assert.Equal("300,35 477.5,35", chart.Target[2].Points);
        Assert.StartsWith("56,73 ", chart.Target[0].Points, StringComparison.Ordinal);
        Assert.EndsWith(" 300,35 477.5,35", Assert.Single(chart.TargetLines), StringComparison.Ordinal);

        // The projection starts at slot 0 (520: y = 16 + 280 × 0.19 = 69.2) and ends at slot 11 (740: y = 27.4).
        Assert.StartsWith("56,69.2 ", chart.Projection, StringComparison.Ordinal);
        Assert.EndsWith(" 544,27.4", chart.Projection, StringComparison.Ordinal);
        Assert.Contains("through the 7 complete, published quarters", chart.Method, StringComparison.Ordinal);
        Assert.Equal(
            "This indicator adds up over the year, so each quarter is drawn against a quarter of its financial " +
            "year's annual target (2,000 a year in 2009-10, 500 a quarter, 2,400 a year in 2010-11, 600 a quarter, " +
            "2,800 a year in 2011-12, 700 a quarter); it steps where the target changes from one financial year " +
            "to the next.",
            chart.TargetNote);
        Assert.Equal("quarterly share of the annual target", card.TargetLegend);
    }

    [Fact]
    public void Lines_AYearWithoutATarget_SplitsTheLineRatherThanSlopingAcrossIt()
    {
        // Targets for slots 0-3 and 8-11, none for 4-7: two lines, the first year's level alone in the first.
        TargetStep[] steps = [new(0, 3, 500, "56,73 212,73"), new(8, 11, 700, "389,35 544,35")];

        Assert.Equal(["56,73 212,73", "389,35 544,35"], TrendChart.Lines(steps));
        Assert.Equal(
            ["56,73 212,73 212,54 300,54"],
            TrendChart.Lines([steps[0], new TargetStep(4, 5, 600, "212,54 300,54")]));
    }

    [Fact]
    public void Build_IncompleteQuarter_IsLeftOutOfTheProjectionOnThePageAndInTheJson()
    {
        // The same eight quarters, but the newest (slot 7) lacks B's return: 560 alone, not 660. Fitted through
        // slots 0-6 (520 + 20 × slot), the line reaches 740 at slot 11; through 560 too it would fall short.
        var report = CompileFlow([520, 540, 560, 580, 600, 620, 640, 660], missingB: 7);

        var chart = Publish.Page(report, s_publication).Indicators.Single(c => c.Code == "EH").Chart;
        var trend = report.Indicators.Single().Trend!;

        Assert.Equal(7, trend.Points);
        Assert.Equal(20, trend.Slope, 9);
        Assert.Equal(520, trend.Intercept, 9);
        Assert.EndsWith(" 544,27.4", chart.Projection, StringComparison.Ordinal);
        Assert.Contains(
            "(a quarter lacking an owed return, or hidden, is left out)",
            chart.Method,
            StringComparison.Ordinal);

        // The JSON's projection is the same line, slots 8 to 11: 680, 700, 720, 740.
        using var json = JsonDocument.Parse(JsonReport.Render(report));
        var projection = json.RootElement.GetProperty("indicators")[0].GetProperty("projection").EnumerateArray()
            .Select(p => (p.GetProperty("period").GetString(), p.GetProperty("value").GetDouble()));
        Assert.Equal(
            [("2011-12 Q3", 680.0), ("2011-12 Q4", 700.0), ("2012-13 Q1", 720.0), ("2012-13 Q2", 740.0)],
            projection);
    }

    [Fact]
    public void Build_StockPercentage_DrawsTheAnnualTargetAsItIs()
    {
        // NI 65 (a percentage; its target is not pro rata): 2010-11's 14 and 2011-12's 13, as they are.
        var q1 = Q2.Previous();
        var report = Compile(Q2, Observe(q1, "A", "NI 65", "ALL", 15, 100), Observe(Q2, "A", "NI 65", "ALL", 14, 100));

        var card = Publish.Page(report, s_publication).Indicators.Single(c => c.Code == "NI 65");

        // Eight quarters 2009-10 Q3 … 2011-12 Q2 and four ahead: 2010-11 is slots 2-5, 2011-12 slots 6-9.
        Assert.Equal([(2, 5, 14.0), (6, 9, 13.0)], card.Chart.Target.Select(t => (t.First, t.Last, t.Value)));
        Assert.Equal("annual target", card.TargetLegend);
        Assert.Equal(
            "Dotted: each financial year's annual target; it steps where the target changes from one financial " +
            "year to the next.",
            card.Chart.TargetNote);
    }

    private static ConsolidatedReturn CompileFlow(double[] values, int missingB)
    {
        var quarter = ReportingPeriod.Parse("2011-12 Q2");
        var periods = quarter.Trailing(values.Length);
        var observations = new List<Observation>();
        for (var i = 0; i < values.Length; i++)
        {
            observations.Add(Count(periods[i], "A", values[i] - 100));
            if (i != missingB)
            {
                observations.Add(Count(periods[i], "B", 100));
            }
        }

        var data = observations.GroupBy(o => o.Period)
            .ToDictionary(g => g.Key, g => new PeriodData(g.Key, g.ToList(), [], [], []));
        return Compiler.Compile(s_flow, quarter, data, [], DateTimeOffset.UnixEpoch);
    }

    private static Observation Count(ReportingPeriod period, string agency, double value) =>
        new(
            period,
            agency,
            "EH",
            Locality.WholeAreaCode,
            value,
            null,
            value,
            IndicatorUnit.Count,
            null,
            "Indicators!G2");
}
