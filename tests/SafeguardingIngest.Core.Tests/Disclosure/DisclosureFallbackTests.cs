using System.Text;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Reports;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Disclosure;

/// <summary>
/// Where the audit cannot pass an indicator figure by figure (a small figure still pinned, a program at its pivot
/// cap, a plan over its time), the plan hides the indicator's whole breakdown and says so.
/// </summary>
public class DisclosureFallbackTests
{
    private static readonly PublicationOptions s_publication = new();

    /// <summary>No pivots at all: every program of the audit stops at its cap.</summary>
    private static readonly AuditLimits s_noPivots =
        new(TimeProvider.System, Timeout.InfiniteTimeSpan, PivotsPerSize: 0);

    /// <summary>The two-agency, two-locality quarter of CAF: North A 3, B 40; South A 30, B 50; 123 in all.</summary>
    private static readonly ConsolidatedReturn s_caf = Caf(3, 40, 30, 50);

    /// <summary>A quarter of CAF: agencies A and B in North (L1) and South (L2).</summary>
    private static ConsolidatedReturn Caf(int northA, int northB, int southA, int southB) => Compile(
        Q2,
        Observe(Q2, "A", "CAF", "L1", northA),
        Observe(Q2, "B", "CAF", "L1", northB),
        Observe(Q2, "A", "CAF", "L2", southA),
        Observe(Q2, "B", "CAF", "L2", southB));

    [Fact]
    public void For_AZeroOfAFewBesideAZeroArea_HidesTheAreaByItsDenominatorRatherThanFallingBack()
    {
        // NI 65 by agency: A 0 of 3 (hidden: its denominator is small), B 0 of 40, the area 0 of 43. Shown, the
        // area's 0 less B's 0 would pin A's numerator to 0, and its 43 less B's 40 A's denominator to 3; the area's
        // denominator and complement (43) are figures the plan can hide, so it hides the area, with no fallback.
        var report = Compile(Q2, Observe(Q2, "A", "NI 65", "ALL", 0, 3), Observe(Q2, "B", "NI 65", "ALL", 0, 40));

        var plan = DisclosurePlan.For(report, s_publication);

        Assert.Empty(plan.Fallbacks);
        Assert.True(plan.Hides(report.Observations.Single(o => o.Agency == "A")));
        Assert.True(plan.For(report.Indicator("NI 65")).Value);
    }

    [Fact]
    public void For_ASmallFigureStillPinnedAfterRepair_FallsBackAndHidesTheWholeBreakdown()
    {
        // The same quarter, after a release that showed every figure but A's row (its area's 0 of 43 and B's 0 of
        // 40 are known to every reader for good): A's numerator is 0 less 0 and its denominator 43 less 40, and no
        // figure left to hide would free them.
        var report = Compile(Q2, Observe(Q2, "A", "NI 65", "ALL", 0, 3), Observe(Q2, "B", "NI 65", "ALL", 0, 40));
        var first = DisclosurePlan.For(report, s_publication).Decisions
            .Select(i => i with { Figures = [.. i.Figures.Select(f => f with { Hidden = f.Key.Contains("|A|") })] })
            .ToList();

        var plan = DisclosurePlan.For(report, s_publication, [new ReleaseDecisions(Q2.Key, 1, first)]);

        Assert.Equal([new DisclosureFallback("NI 65", FallbackReason.StillPinned)], plan.Fallbacks);
        Assert.True(plan.Hides(report.Observations.Single(o => o.Agency == "A")));
        // The breakdown goes but for zeros: B's numerator is 0, but its denominator (40) and complement are not.
        Assert.True(plan.Hides(report.Observations.Single(o => o.Agency == "B")));
    }

    [Fact]
    public void For_AuditAtItsPivotCap_HidesTheWholeBreakdownAndKeepsTheSafeAreaFigures()
    {
        // North A 3 and B 2, hidden together, could be any split of North's 5 but for the sums a program must weigh.
        var report = Caf(3, 2, 30, 88);

        var plan = DisclosurePlan.For(report, s_publication, s_noPivots);

        Assert.Equal([new DisclosureFallback("CAF", FallbackReason.PivotCap)], plan.Fallbacks);
        Assert.All(report.Observations, o => Assert.True(plan.Hides(o), o.ToString()));
        var hide = plan.For(report.Indicator("CAF"));
        Assert.Equal([0, 1], hide.LocalityValue.Order());
        Assert.Equal([0, 1], hide.LocalityYearToDate.Order());
        // The area's 123 over four hidden cells of at least 1 each leaves each 1 to 120: shown, with its year to date.
        Assert.False(hide.Value);
        Assert.False(hide.YearToDate);
        var page = HtmlReport.Page(report, plan).Indicators.Single(c => c.Code == "CAF");
        Assert.Equal("123", page.Figures[0].Cell.Text);
        Assert.Empty(Attack(report, plan, "CAF").Pinned(s_publication.SmallCountThreshold));
    }

    [Fact]
    public void For_APatternSafeWithoutAProgram_PassesAtThePivotCap()
    {
        // North A 3 hidden with its partner B 40: nothing but North's 43 ties them, so A could be 1 to 42 by the
        // figures' values alone, and the audit passes with no program run at all.
        var plan = DisclosurePlan.For(s_caf, s_publication, s_noPivots);

        Assert.Empty(plan.Fallbacks);
        Assert.True(plan.Hides(s_caf.Observations.Single(o => o is { Agency: "A", Locality: "L1" })));
        Assert.False(plan.Hides(s_caf.Observations.Single(o => o is { Agency: "B", Locality: "L2" })));
        Assert.Empty(Attack(s_caf, plan, "CAF").Pinned(s_publication.SmallCountThreshold));
    }

    [Fact]
    public void For_AuditWithinItsCaps_DoesNotFallBack()
    {
        var plan = DisclosurePlan.For(s_caf, s_publication, new FakeTimeProvider());

        Assert.Empty(plan.Fallbacks);
        Assert.False(plan.Hides(s_caf.Observations.Single(o => o is { Agency: "B", Locality: "L2" })));
    }

    [Fact]
    public void For_PlanOverItsTimeCap_FallsBack()
    {
        // Every reading of this clock moves it on 31 seconds, past the default cap of 30 per indicator.
        var clock = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(31) };

        var plan = DisclosurePlan.For(s_caf, s_publication, clock);

        Assert.Contains(new DisclosureFallback("CAF", FallbackReason.TimeCap), plan.Fallbacks);
        Assert.All(s_caf.Observations, o => Assert.True(plan.Hides(o), o.ToString()));
    }

    [Fact]
    public void For_AFallbackOverAFewSmallCells_HidesTheAreaFigureThatWouldPinThem()
    {
        // CAF: North A 3, B 1, South A 2, B 0; the area's 6 over three hidden cells of at least 1 leaves each 1 to 4,
        // so it goes, and with it the year to date. South B's 0 stays: a zero identifies no one.
        var report = Caf(3, 1, 2, 0);

        var plan = DisclosurePlan.For(report, s_publication, s_noPivots);

        var hide = plan.For(report.Indicator("CAF"));
        Assert.True(hide.Value);
        Assert.True(hide.YearToDate);
        Assert.False(plan.Hides(report.Observations.Single(o => o.Numerator == 0)));
        Assert.Empty(Attack(report, plan, "CAF").Pinned(s_publication.SmallCountThreshold));
    }

    [Fact]
    public void Fallback_OnGeneratedSeries_LeavesNoHiddenCountPinned()
    {
        // Eight quarters of CAF, each agency's count in each locality: mostly small, now and then large; every
        // program stops at its cap, so each plan with anything to audit falls back, and a reader must pin nothing.
        var periods = Compiler.PeriodsNeeded(Q2);
        var places = periods
            .SelectMany(p => new[] { "A", "B" }.SelectMany(a => new[] { "L1", "L2" }.Select(l => (p, a, l))))
            .ToList();
        var counts = Gen.Frequency((3, Gen.Const(0)), (4, Gen.Int[1, 4]), (2, Gen.Int[5, 11]), (1, Gen.Int[12, 80]))
            .Array[places.Count];
        var fallbacks = 0;
        counts.Sample(series =>
        {
            var report = Compile(Q2, [.. places.Select((c, i) => Observe(c.p, c.a, "CAF", c.l, series[i]))]);
            var plan = DisclosurePlan.For(report, s_publication, s_noPivots);
            Interlocked.Add(ref fallbacks, plan.Fallbacks.Count);
            Assert.Empty(Attack(report, plan, "CAF").Pinned(s_publication.SmallCountThreshold));
        }, iter: 60);

        Assert.True(fallbacks > 45, $"only {fallbacks} of 60 plans fell back");
    }

    private static DisclosureAttacker Attack(ConsolidatedReturn report, DisclosurePlan plan, string code) =>
        DisclosureAttacker.Attack(
            Encoding.UTF8.GetString(HtmlReport.Render(report, plan)),
            Encoding.UTF8.GetString(CsvReport.Render(report, Partnership, plan)),
            code);
}
