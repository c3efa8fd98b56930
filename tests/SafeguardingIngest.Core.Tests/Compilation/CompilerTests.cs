using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Compilation;

public class CompilerTests
{
    [Fact]
    public void Compile_PercentageAcrossAgencies_AddsNumeratorsAndDenominators()
    {
        // A: 10 of 80 (12.5%), B: 5 of 20 (25%). Together 15 of 100 = 15.0%, not the mean 18.75%.
        var report = Compile(Q2, Observe(Q2, "A", "NI 65", "ALL", 10, 80), Observe(Q2, "B", "NI 65", "ALL", 5, 20));

        var area = report.Indicator("NI 65").Area;
        Assert.Equal(15.0, area.Value!.Value, 9);
        Assert.Equal(12.5, report.Indicator("NI 65").Agencies.Single(a => a.Code == "A").Figures.Value!.Value, 9);
    }

    [Fact]
    public void Compile_RateAcrossLocalitiesAndAgencies_CountsEachPopulationOnce()
    {
        // North: A 20 + B 10 = 30 children of 10,000; South: A 14 of 5,000.
        // Whole area 44 / 15,000 × 10,000 = 29.333; North 30.0; South 28.0. (The mean of the two rates would be 29.0.)
        var report = Compile(Q2,
            Observe(Q2, "A", "CH01", "L1", 20, 10000),
            Observe(Q2, "B", "CH01", "L1", 10, 10000),
            Observe(Q2, "A", "CH01", "L2", 14, 5000));

        var ch01 = report.Indicator("CH01");
        Assert.Equal(29.333, ch01.Area.Value!.Value, 3);
        Assert.Equal(30.0, ch01.Localities.Single(l => l.Code == "L1").Figures.Value!.Value, 9);
        Assert.Equal(28.0, ch01.Localities.Single(l => l.Code == "L2").Figures.Value!.Value, 9);
    }

    [Fact]
    public void Compile_AverageAcrossAgencies_DividesTotalByCases()
    {
        // A: 70 days over 10 cases (7.0), B: 30 over 2 (15.0). Together 100 / 12 = 8.333, not 11.0.
        var report = Compile(Q2, Observe(Q2, "A", "DAYS", "ALL", 70, 10), Observe(Q2, "B", "DAYS", "ALL", 30, 2));

        Assert.Equal(8.333, report.Indicator("DAYS").Area.Value!.Value, 3);
    }

    [Fact]
    public void Compile_PercentageYearToDate_IsTheRatioOfTheSums()
    {
        // Q1: 30 of 100 (30%); Q2: 10 of 300 (3.3%). Year to date 40 / 400 = 10.0%, not the mean 16.7%.
        var q1 = Q2.Previous();
        var report = Compile(Q2, Observe(q1, "A", "NI 65", "ALL", 30, 100), Observe(Q2, "A", "NI 65", "ALL", 10, 300));

        Assert.Equal(10.0, report.Indicator("NI 65").Area.YearToDate!.Value, 9);
    }

    [Fact]
    public void Compile_CumulativeCount_ComparesYearToDateWithProRataTarget()
    {
        // Target 1,200 for 2011-12; at Q2 half the year has gone: 600. Year to date 250 + 300 = 550.
        // Higher is better, tolerance 10% of 600 = 60: 50 short is within it, so Amber.
        var q1 = Q2.Previous();
        var report = Compile(Q2,
            Observe(q1, "A", "CAF", "L1", 150), Observe(q1, "B", "CAF", "L2", 100),
            Observe(Q2, "A", "CAF", "L1", 200), Observe(Q2, "B", "CAF", "L2", 100));

        var caf = report.Indicator("CAF");
        Assert.Equal(1200, caf.Target);
        Assert.Equal(600, caf.TargetToDate);
        Assert.Equal(550, caf.Area.YearToDate);
        Assert.Equal(Rag.Amber, caf.Area.Rag);
    }

    [Fact]
    public void Compile_CountOfAPosition_YearToDateIsTheLatestQuarter()
    {
        // Open cases at the end of Q1 (1,898) and Q2 (1,640) do not add up: the position now is 1,640.
        var report = Compile(
            Q2,
            Observe(Q2.Previous(), "A", "OPEN", "ALL", 1898),
            Observe(Q2, "A", "OPEN", "ALL", 1640));

        var open = report.Indicator("OPEN");
        Assert.Equal(1640, open.Area.YearToDate);
        Assert.Null(open.Area.Rag);
        Assert.Equal(Direction.Down, open.Area.SincePrevious);
    }

    [Theory]
    // 000_…: CH01 target 20 for 2011 (2011-12), lower is better, tolerance 5% of target = 1.0.
    [InlineData(19.5, Rag.Green)]
    [InlineData(20.0, Rag.Green)]
    [InlineData(21.0, Rag.Amber)]
    [InlineData(21.5, Rag.Red)]
    public void Compile_SeedTargetLowerIsBetter_RatesByTolerance(double rate, Rag expected)
    {
        // One locality of 10,000 under-18s: a rate of r needs r children (B, which owes it too, has none).
        // CH01 is a stock: the year to date is where Q2 stands.
        var report = Compile(Q2, Observe(Q2, "A", "CH01", "L1", rate, 10000), Observe(Q2, "B", "CH01", "L1", 0, 10000));

        Assert.Equal(expected, report.Indicator("CH01").Area.Rag);
    }

    [Theory]
    // 000_…: NI 68 target 90% for 2011-12, higher is better, tolerance 5% of 90 = 4.5 points.
    [InlineData(91, Rag.Green)]
    [InlineData(86, Rag.Amber)]
    [InlineData(85, Rag.Red)]
    public void Compile_SeedTargetHigherIsBetter_RatesByTolerance(int onto, Rag expected)
    {
        var report = Compile(
            Q2,
            Observe(Q2.Previous(), "A", "NI 68", "ALL", onto, 100),
            Observe(Q2, "A", "NI 68", "ALL", onto, 100));

        Assert.Equal(expected, report.Indicator("NI 68").Area.Rag);
    }

    [Fact]
    public void Compile_DirectionOfTravel_ReadsThroughPolarity()
    {
        // NI 65 (lower is better) falls 16% → 13% since last quarter and rises from 12% a year ago
        // (B, which owes it too, began no plans in any of those quarters: 0 of 0).
        // NI 68 (higher is better) rises 85% → 91%.
        var lastYear = Q2.SameQuarterLastYear();
        var report = Compile(Q2,
            Observe(lastYear, "A", "NI 65", "ALL", 12, 100),
            Observe(Q2.Previous(), "A", "NI 65", "ALL", 16, 100),
            Observe(Q2, "A", "NI 65", "ALL", 13, 100),
            Observe(lastYear, "B", "NI 65", "ALL", 0, 0),
            Observe(Q2.Previous(), "B", "NI 65", "ALL", 0, 0),
            Observe(Q2, "B", "NI 65", "ALL", 0, 0),
            Observe(Q2.Previous(), "A", "NI 68", "ALL", 85, 100), Observe(Q2, "A", "NI 68", "ALL", 91, 100));

        Assert.Equal(Direction.Improving, report.Indicator("NI 65").Area.SincePrevious);
        Assert.Equal(Direction.Worsening, report.Indicator("NI 65").Area.SinceLastYear);
        Assert.Equal(Direction.Improving, report.Indicator("NI 68").Area.SincePrevious);
        Assert.Null(report.Indicator("NI 68").Area.SinceLastYear);
    }

    [Fact]
    public void Compile_TrendOfEightQuarters_ProjectsTheStraightLine()
    {
        // Open cases rising by exactly 10 a quarter from 100: the projection four quarters on is 100 + 10 × 11 = 210.
        var quarters = Q2.Trailing(8);
        var report = Compile(Q2, quarters.Select((q, i) => Observe(q, "A", "OPEN", "ALL", 100 + (10 * i))).ToArray());

        var open = report.Indicator("OPEN");
        Assert.Equal(quarters, open.SeriesPeriods);
        Assert.Equal(10, open.Trend!.Slope, 9);
        Assert.Equal(210, open.Trend.At(11), 9);
    }

    [Fact]
    public void Compile_NoTargetOrNoFigures_GivesNoRagAndNoValue()
    {
        var report = Compile(Q2, Observe(Q2, "A", "DAYS", "ALL", 10, 2));

        Assert.Null(report.Indicator("DAYS").Area.Rag);
        Assert.Null(report.Indicator("NI 65").Area.Value);
        Assert.Null(report.Indicator("NI 65").Trend);
    }

    [Fact]
    public void Compile_Queries_AreExplainedWhereTheRowHasCommentary()
    {
        var observation = Observe(Q2, "A", "NI 65", "ALL", 10, 80) with
        {
            Commentary = "A new team started counting",
            Source = "Indicators!G7"
        };
        var explained = new AgencyQuery(
            "A",
            "s1",
            new Finding("value-large-change", Severity.Warning, "Indicators", "G7", "12.5", "G7: …"));
        var unexplained = new AgencyQuery(
            "A",
            "s1",
            new Finding("value-outside-range", Severity.Warning, "Indicators", "G9", "90", "G9: …"));
        var data = new Dictionary<ReportingPeriod, PeriodData>
        {
            [Q2] = new(Q2, [observation], [], [], [explained, unexplained])
        };

        var report = Compiler.Compile(Partnership, Q2, data, [], DateTimeOffset.UnixEpoch);

        Assert.Equal([true, false], report.Queries.OrderBy(q => q.Finding.Cell).Select(q => q.Explained));
        Assert.Equal("A new team started counting", report.Queries.Single(q => q.Explained).Commentary);
    }

    [Fact]
    public void Compile_ActionsAndRisks_RollUpByRagAndSortByScore()
    {
        var actions = new[]
        {
            new AgencyItem<ActionItem>("A", new ActionItem("1", "x", Rag.Green, null, null, "")),
            new AgencyItem<ActionItem>("A", new ActionItem("2", "y", Rag.Amber, null, "plan", "")),
            new AgencyItem<ActionItem>("B", new ActionItem("1", "z", Rag.Red, null, "plan", "")),
        };
        var risks = new[]
        {
            new AgencyItem<RiskItem>("A", new RiskItem("1", "low", 2, 2, null, null, null, "")),
            new AgencyItem<RiskItem>("B", new RiskItem("1", "high", 5, 4, null, null, null, "")),
        };
        var data = new Dictionary<ReportingPeriod, PeriodData> { [Q2] = new(Q2, [], actions, risks, []) };

        var report = Compiler.Compile(Partnership, Q2, data, [], DateTimeOffset.UnixEpoch);

        Assert.Equal((1, 1, 1), (report.Actions.Red, report.Actions.Amber, report.Actions.Green));
        Assert.Equal(["z", "y"], report.Actions.AmberAndRed.Select(a => a.Item.Description));
        Assert.Equal([20, 4], report.Risks.Select(r => r.Item.Score));
    }
}
