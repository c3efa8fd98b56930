using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Returns;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Compilation;

/// <summary>Year to date and targets by flow or stock, for every unit; and figures that lack an owed return. Worked by
/// hand.</summary>
public class KindAndCoverageTests
{
    [Fact]
    public void Compile_FlowRate_YearToDateIsTheYearsCountOverThePopulationOnce()
    {
        // REF, referrals per 10,000 (a flow), North 10,000 and South 5,000 under-18s.
        // Q1: 30 + 15 = 45; Q2: 20 + 10 = 30. Year to date 75 / 15,000 × 10,000 = 50.0 per 10,000 so far this
        // year (adding the population once a quarter would give 25.0, an average quarter's rate).
        // Annual target 120, pro rata at Q2: 60; lower is better, 50 is under: Green.
        var q1 = Q2.Previous();
        var report = Compile(Q2,
            Observe(q1, "A", "REF", "L1", 30, 10000), Observe(q1, "A", "REF", "L2", 15, 5000),
            Observe(Q2, "A", "REF", "L1", 20, 10000), Observe(Q2, "A", "REF", "L2", 10, 5000));

        var referrals = report.Indicator("REF");
        Assert.Equal(MeasureKind.Flow, referrals.Indicator.Kind);
        Assert.Equal(20.0, referrals.Area.Value!.Value, 9);
        Assert.Equal(50.0, referrals.Area.YearToDate!.Value, 9);
        Assert.Equal(120, referrals.Target);
        Assert.Equal(60, referrals.TargetToDate);
        Assert.Equal(Rag.Green, referrals.Area.Rag);
        Assert.Equal(50.0, referrals.Localities.Single(l => l.Code == "L1").Figures.YearToDate!.Value, 9);
    }

    [Fact]
    public void Compile_StockRate_YearToDateIsWhereTheQuarterStands()
    {
        // CH01, children on a plan per 10,000 (a stock; rates are stocks unless declared): Q1 24.0, Q2 21.0.
        // Year to date is Q2's 21.0; the annual target 20 applies as it is (no pro rata); tolerance 5% of 20 = 1:
        // Amber.
        var q1 = Q2.Previous();
        var report = Compile(Q2,
            Observe(q1, "A", "CH01", "L1", 24, 10000), Observe(q1, "B", "CH01", "L1", 0, 10000),
            Observe(Q2, "A", "CH01", "L1", 21, 10000), Observe(Q2, "B", "CH01", "L1", 0, 10000));

        var plans = report.Indicator("CH01");
        Assert.Equal(MeasureKind.Stock, plans.Indicator.Kind);
        Assert.Equal(21.0, plans.Area.YearToDate!.Value, 9);
        Assert.Equal(20, plans.TargetToDate);
        Assert.Equal(Rag.Amber, plans.Area.Rag);
    }

    [Fact]
    public void Compile_StockPercentage_YearToDateIsTheLatestCohort()
    {
        // COHORT: 30 of 100 at the end of Q1, 20 of 100 at the end of Q2. Year to date 20.0%, not 50 / 200 = 25.0%.
        // Target 25% for the year, not pro rata; lower is better: Green.
        var report = Compile(
            Q2,
            Observe(Q2.Previous(), "A", "COHORT", "ALL", 30, 100),
            Observe(Q2, "A", "COHORT", "ALL", 20, 100));

        var cohort = report.Indicator("COHORT");
        Assert.Equal(20.0, cohort.Area.YearToDate!.Value, 9);
        Assert.Equal(25, cohort.TargetToDate);
        Assert.Equal(Rag.Green, cohort.Area.Rag);
    }

    [Fact]
    public void Compile_FlowAverage_YearToDateIsAllDaysOverAllCases()
    {
        // DAYS: Q1 70 days over 10 cases, Q2 30 over 2 (both agencies; B had no cases: 0 over 0).
        // Year to date 100 / 12 = 8.333, not the mean of 7.0 and 15.0.
        var q1 = Q2.Previous();
        var report = Compile(Q2,
            Observe(q1, "A", "DAYS", "ALL", 70, 10), Observe(q1, "B", "DAYS", "ALL", 0, 0),
            Observe(Q2, "A", "DAYS", "ALL", 30, 2), Observe(Q2, "B", "DAYS", "ALL", 0, 0));

        Assert.Equal(8.333, report.Indicator("DAYS").Area.YearToDate!.Value, 3);
    }

    [Fact]
    public void Compile_AgencyMissingThisQuarter_FigureIsShownButNeitherChangeNorDirectionNorRag()
    {
        // CAF (both agencies owe it): Q1 A 748 + B 739 = 1,487; Q2 only A's 785 stands (B refused).
        // The 785 is shown, marked as lacking B's Q2 return; "−47.2%, Worsening" would be B's absence, not a change.
        var q1 = Q2.Previous();
        var report = Compile(Q2,
            Observe(q1, "A", "CAF", "L1", 748), Observe(q1, "B", "CAF", "L2", 739), Observe(Q2, "A", "CAF", "L1", 785));

        var caf = report.Indicator("CAF");
        Assert.Equal(785, caf.Area.Value);
        Assert.Equal([new MissingReturn(Q2, "B")], caf.Area.Coverage.Missing);
        Assert.True(caf.Area.PreviousCoverage.IsComplete);
        Assert.Null(caf.Area.SincePrevious);
        Assert.Null(caf.Area.Rag);
        Assert.Equal([new MissingReturn(Q2, "B")], caf.Area.YearToDateCoverage.Missing);

        // Agency A's own row is complete and compared (748 → 785, higher is better); B's has nothing and says so.
        var a = caf.Agencies.Single(r => r.Code == "A").Figures;
        var b = caf.Agencies.Single(r => r.Code == "B").Figures;
        Assert.True(a.Coverage.IsComplete);
        Assert.Equal(Direction.Improving, a.SincePrevious);
        Assert.Null(b.Value);
        Assert.Equal(["B"], b.Coverage.Agencies);
    }

    [Fact]
    public void Compile_AgencyMissingInOneQuarterLastYear_QuarterIsComparedButYearToDateIsNot()
    {
        // CAF, 2011-12 against 2010-11. This year: Q1 A 100 + B 50, Q2 A 120 + B 60. Last year: Q1 only A's 90
        // (B missing), Q2 A 110 + B 40. Q2 on Q2: 180 against 150, +20.0%, both complete. Year to date 330 against
        // 240 would be +37.5%, but last year's lacks B's Q1 return: not compared.
        var q1 = Q2.Previous();
        var lastQ1 = q1.SameQuarterLastYear();
        var lastQ2 = Q2.SameQuarterLastYear();
        var report = Compile(Q2,
            Observe(q1, "A", "CAF", "L1", 100),
            Observe(q1, "B", "CAF", "L2", 50),
            Observe(Q2, "A", "CAF", "L1", 120),
            Observe(Q2, "B", "CAF", "L2", 60),
            Observe(lastQ1, "A", "CAF", "L1", 90),
            Observe(lastQ2, "A", "CAF", "L1", 110),
            Observe(lastQ2, "B", "CAF", "L2", 40));

        var area = report.Indicator("CAF").Area;
        Assert.Equal(20.0, area.VariationOnLastYear!.Value, 9);
        Assert.Equal(330, area.YearToDate);
        Assert.Equal(240, area.YearToDateLastYear);
        Assert.Null(area.YearToDateVariation);
        Assert.Equal([new MissingReturn(lastQ1, "B")], area.YearToDateLastYearCoverage.Missing);
        Assert.True(area.YearToDateCoverage.IsComplete);
    }

    [Fact]
    public void Compile_NoDataThisQuarter_TargetStillKnownAndEveryOwedReturnListed()
    {
        // NI 68 (owed by A) has a target of 90% but nothing was returned for Q2.
        var report = Compile(Q2, Observe(Q2.Previous(), "A", "NI 68", "ALL", 85, 100));

        var ni68 = report.Indicator("NI 68");
        Assert.Null(ni68.Area.Value);
        Assert.Equal(90, ni68.Target);
        Assert.Equal([new MissingReturn(Q2, "A")], ni68.Area.Coverage.Missing);
        Assert.Null(ni68.Area.Rag);
        Assert.False(ni68.SeriesCoverage[^1].IsComplete);
        Assert.True(ni68.SeriesCoverage[^2].IsComplete);
    }

    [Fact]
    public void Compile_AgencyWithNoCases_AddsNothingAndShowsNoCases()
    {
        // NI 65: A had no new plans this quarter (0 of 0), B 5 of 20. The area is 5 / 20 = 25.0%,
        // complete (A returned); A's own row has no percentage to show.
        var report = Compile(Q2, Observe(Q2, "A", "NI 65", "ALL", 0, 0), Observe(Q2, "B", "NI 65", "ALL", 5, 20));

        var ni65 = report.Indicator("NI 65");
        Assert.Equal(25.0, ni65.Area.Value!.Value, 9);
        Assert.True(ni65.Area.Coverage.IsComplete);
        var a = ni65.Agencies.Single(r => r.Code == "A").Figures;
        Assert.Null(a.Value);
        Assert.Equal("No cases", SafeguardingIngest.Reports.FigureText.Value(a.Value, a.Parts, ni65.Indicator.Unit));
    }
}
