using System.Text;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>The exceptions section, worked by hand on the small test partnership at 2011-12 Q2.</summary>
public sealed class ExceptionLinesTests
{
    private static readonly ReportingPeriod s_q1 = Q2.Previous();

    // NI 65 (percentage, lower is better, adds up over the year; target 13, tolerance 10%: Amber to 14.3):
    //   Q1 A 20/100, B 10/100 = 15.0%; Q2 A 20/100, B 20/100 = 20.0%; year to date 70/400 = 17.5%: Red.
    // NI 68 (percentage, higher is better, A only; target 90, tolerance 5%: Amber down to 85.5):
    //   Q1 90/100 = 90.0%; Q2 86/100 = 86.0%, worsening; year to date 176/200 = 88.0%: Amber.
    // CAF (count, higher is better; 1,200 a year, so 600 to date at Q2): 600 a quarter, 1,200 to date: Green.
    // COHORT (percentage, a position; target 25): Q2 2 of 3 = 66.7%: Red, but 2 of 3 is small, so hidden.
    // REF (rate per 10,000 of 15,000 under-18s, adds up over the year, lower is better; 120 a year, so 60 to date,
    //   tolerance 10%: Amber to 66): Q1 50 = 33.3, Q2 45 = 30.0, improving; year to date 95 = 63.3: Amber.
    private static readonly Observation[] s_cells =
    [
        Observe(s_q1, "A", "NI 65", "ALL", 20, 100), Observe(s_q1, "B", "NI 65", "ALL", 10, 100),
        Observe(Q2, "A", "NI 65", "ALL", 20, 100), Observe(Q2, "B", "NI 65", "ALL", 20, 100),
        Observe(s_q1, "A", "NI 68", "ALL", 90, 100), Observe(Q2, "A", "NI 68", "ALL", 86, 100),
        Observe(s_q1, "A", "CAF", "L1", 150), Observe(s_q1, "B", "CAF", "L1", 150),
        Observe(s_q1, "A", "CAF", "L2", 150), Observe(s_q1, "B", "CAF", "L2", 150),
        Observe(Q2, "A", "CAF", "L1", 150), Observe(Q2, "B", "CAF", "L1", 150),
        Observe(Q2, "A", "CAF", "L2", 150), Observe(Q2, "B", "CAF", "L2", 150),
        Observe(s_q1, "A", "COHORT", "ALL", 1, 3), Observe(Q2, "A", "COHORT", "ALL", 2, 3),
        Observe(s_q1, "A", "REF", "L1", 30, 10000), Observe(s_q1, "A", "REF", "L2", 20, 5000),
        Observe(Q2, "A", "REF", "L1", 25, 10000), Observe(Q2, "A", "REF", "L2", 20, 5000),
    ];

    private static readonly AgencyItem<ActionItem>[] s_actions =
    [
        new("A", new ActionItem(
            "3", "Reduce repeat plans", Rag.Red, "Above", "Review each repeat plan at conference (NI 65)", "B4")),
        new("B", new ActionItem(
            "7", "Assessment timeliness", Rag.Amber, null, "An extra duty worker for ni 68 referrals", "B5")),
        // Names NI 650, not NI 65; and names NI 65 but is Green, so it is not among the Amber and Red actions.
        new("B", new ActionItem("8", "Audit NI 650 returns", Rag.Amber, null, "Audit in Q3", "Actions!B6")),
        new("A", new ActionItem("1", "NI 65 screening", Rag.Green, "On track", null, "Actions!B3")),
    ];

    private static ConsolidatedReturn Report()
    {
        var data = s_cells.GroupBy(o => o.Period).ToDictionary(
            g => g.Key,
            g => new PeriodData(g.Key, g.ToList(), g.Key == Q2 ? s_actions : [], [], []));
        return Compiler.Compile(Partnership, Q2, data, [], DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void For_RedAndWorseningAmber_ListsThemWithTrendAndTheActionsThatNameThem()
    {
        var report = Report();
        var plan = DisclosurePlan.For(report, new PublicationOptions());

        var exceptions = ExceptionLines.For(report, plan);

        Assert.Equal(["NI 65", "NI 68"], exceptions.Lines.Select(l => l.Code));
        var ni65 = exceptions.Lines[0];
        Assert.Equal(("Red", "rag-red", "i-ni65"), (ni65.Rag.Text, ni65.Rag.Css, ni65.Anchor));
        Assert.Equal(
            "Year to date 17.5% against 13.0% to date; quarters No data, No data, 15.0%, 20.0% " +
            "(2010-11 Q3 to 2011-12 Q2); worsening since last quarter",
            ni65.Trend);
        var action = Assert.Single(ni65.Actions);
        Assert.Equal(("Agency A", "3", "Red", "Review each repeat plan at conference (NI 65)"),
            (action.Agency, action.Reference, action.Rag.Text, action.Recovery));

        var ni68 = exceptions.Lines[1];
        Assert.Equal("Amber", ni68.Rag.Text);
        Assert.Equal(
            "Year to date 88.0% against 90.0% to date; quarters No data, No data, 90.0%, 86.0% " +
            "(2010-11 Q3 to 2011-12 Q2); worsening since last quarter",
            ni68.Trend);
        Assert.Equal(["7"], ni68.Actions.Select(a => a.Reference));
    }

    [Fact]
    public void For_QuarterLackingAReturnOrBeforeASeriesBreak_MarksItOrLeavesItOut()
    {
        // NI 65's Q1 (series slot 6) is said to lack B's return: its 15.0% carries the page's †. NI 68's series
        // breaks at Q2 (slot 7): only Q2 is of the new definition, so Q1's 90.0% is not set beside it.
        var report = Report();
        var indicators = report.Indicators.Select(r => r.Indicator.Code switch
        {
            "NI 65" => r with
            {
                SeriesCoverage = [.. r.SeriesPeriods.Select(p => p == s_q1
                    ? new Coverage([new MissingReturn(p, "B")])
                    : Coverage.Complete)],
            },
            "NI 68" => r with { SeriesBreakIndex = 7 },
            _ => r,
        }).ToList();
        var changed = report with { Indicators = indicators };

        var exceptions = ExceptionLines.For(changed, DisclosurePlan.For(changed, new PublicationOptions()));

        var (ni65, ni68) = (exceptions.Lines[0].Trend, exceptions.Lines[1].Trend);
        Assert.Contains("quarters No data, No data, 15.0% †, 20.0% ", ni65, StringComparison.Ordinal);
        Assert.Contains("quarters 86.0% (2011-12 Q2 to 2011-12 Q2)", ni68, StringComparison.Ordinal);
    }

    [Fact]
    public void For_AmberImprovingAndGreen_AreNotListed()
    {
        var report = Report();
        var plan = DisclosurePlan.For(report, new PublicationOptions());

        var exceptions = ExceptionLines.For(report, plan);

        var referrals = report.Indicator("REF").Area;
        Assert.Equal((Rag.Amber, Direction.Improving), (referrals.Rag, referrals.SincePrevious));
        Assert.Equal(Rag.Green, report.Indicator("CAF").Area.Rag);
        Assert.DoesNotContain(exceptions.Lines, l => l.Code is "REF" or "CAF");
    }

    [Fact]
    public void For_RedWhoseRagIsHidden_IsNotListedButNamedAmongTheWithheld()
    {
        var report = Report();
        var plan = DisclosurePlan.For(report, new PublicationOptions());
        Assert.True(plan.For(report.Indicator("COHORT")).YearToDate, "2 of 3 is a small count: the plan hides it");

        var exceptions = ExceptionLines.For(report, plan);

        // COHORT is Red, but listing it would publish the RAG the summary withholds.
        Assert.Equal(Rag.Red, report.Indicator("COHORT").Area.Rag);
        Assert.DoesNotContain(exceptions.Lines, l => l.Code == "COHORT");
        Assert.Equal(["COHORT"], exceptions.Withheld);
    }

    [Fact]
    public void Render_Page_WritesTheSectionWithItsActions()
    {
        var report = Report();
        var plan = DisclosurePlan.For(report, new PublicationOptions());

        var html = Encoding.UTF8.GetString(HtmlReport.Render(report, plan));

        Assert.Contains("<h2 id=\"exceptions\">Exceptions</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#i-ni65\">NI 65</a>", html, StringComparison.Ordinal);
        Assert.Contains("Review each repeat plan at conference (NI 65)", html, StringComparison.Ordinal);
        Assert.Contains(
            "because their RAG is withheld to protect small numbers: COHORT.", html, StringComparison.Ordinal);
    }
}
