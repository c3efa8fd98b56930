using SafeguardingIngest.Periods;
using SafeguardingIngest.Submissions;

namespace SafeguardingIngest.Storage.Tests.Compilation;

[Collection(AzuriteCollection.Name)]
public sealed class CompileQuarterlyReturnTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task CompileAsync_AfterIngest_WritesAReleaseFromCurrentSubmissionsOnly()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(
                TestWorkbook.Good("POL").Set("Indicators", "G4", 40),
                "POL",
                Samples.Q2,
                "first.xlsx"),
            s_none);
        pipeline.Clock.Advance(TimeSpan.FromHours(1));
        await PipelineHarness.NextSecondAsync();
        await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(
                TestWorkbook.Good("POL").Set("Indicators", "G4", 77),
                "POL",
                Samples.Q2,
                "second.xlsx"),
            s_none);
        await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("EDU").Set("Indicators", "G2", "n/a"), "EDU", Samples.Q2),
            s_none);

        var outcome = await pipeline.Compile.CompileAsync(Samples.Q2, s_none);

        Assert.Equal(
            [
                "2025-26-Q2/latest.json",
                "2025-26-Q2/releases/1/claimed",
                "2025-26-Q2/releases/1/consolidated-return.json",
                "2025-26-Q2/releases/1/consolidated-return.xlsx",
                "2025-26-Q2/releases/1/disclosure-decisions.json",
                "2025-26-Q2/releases/1/manifest.json",
            ],
            (await pipeline.ListAsync(pipeline.Names.Reports)).Order(StringComparer.Ordinal));
        Assert.Equal(
            [
                "2025-26-Q2/latest.json",
                "2025-26-Q2/releases/1/consolidated-return.html",
                "2025-26-Q2/releases/1/observations.csv",
                "2025-26-Q2/releases/1/observations.meta.csv",
            ],
            (await pipeline.ListAsync(pipeline.Names.Publications)).Order(StringComparer.Ordinal));

        // Police DA02 is 77 from the resubmission; the first return's 40 is gone. Only Police returned DA02.
        var da02 = outcome.Report.Indicators.Single(i => i.Indicator.Code == "DA02");
        Assert.Equal(77, da02.Area.Value);
        // The harness clock stands at 20 October 2025, before the 30 October due date.
        var states = outcome.Report.Submissions.ToDictionary(s => s.Agency, s => s.State);
        Assert.Equal(ReturnStateKind.Refused, states["EDU"]);
        Assert.Equal(ReturnStateKind.NotYetDue, states["CSC"]);
    }

    [Fact]
    public async Task CompileAsync_CompileTimeSet_StampsAndJudgesTheReleaseAtItNotAtTheClock()
    {
        // The clock stands at 20 October 2025, before the 30 October due date; Compile:Time says 14 November.
        var settings = new Dictionary<string, string?> { ["Compile:Time"] = "2025-11-14T09:00:00Z" };
        await using var pipeline = await PipelineHarness.StartAsync(azurite, settings);
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2), s_none);

        var outcome = await pipeline.Compile.CompileAsync(Samples.Q2, s_none);

        Assert.Equal(new DateTimeOffset(2025, 11, 14, 9, 0, 0, TimeSpan.Zero), outcome.Report.CompiledAt);
        Assert.Equal(new DateTimeOffset(2025, 11, 14, 9, 0, 0, TimeSpan.Zero), outcome.Release.CompiledAt);
        // Judged on 14 November, a return owed and not sent is missing, not "not yet due".
        var states = outcome.Report.Submissions.ToDictionary(s => s.Agency, s => s.State);
        Assert.Equal(ReturnStateKind.Missing, states["CSC"]);
    }

    [Fact]
    public async Task RunScheduledAsync_CompilesChangedPeriodsOnceUntilTheyChangeAgain()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        pipeline.Clock.SetUtcNow(new DateTimeOffset(2025, 11, 10, 6, 0, 0, TimeSpan.Zero));
        var earlier = ReportingPeriod.Parse("2025-26 Q1");
        await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("POL", earlier), "POL", earlier),
            s_none);

        var first = await pipeline.Compile.RunScheduledAsync(s_none);
        var second = await pipeline.Compile.RunScheduledAsync(s_none);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        await PipelineHarness.NextSecondAsync();
        await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(
                TestWorkbook.Good("POL", earlier).Set("Indicators", "G4", 55),
                "POL",
                earlier,
                "corrected.xlsx"),
            s_none);
        var third = await pipeline.Compile.RunScheduledAsync(s_none);

        // The current period on 10 November 2025 is 2025-26 Q2 (July to September), compiled every run;
        // 2025-26 Q1 only when its submissions have changed since its last compile.
        Assert.Equal(["2025-26 Q1", "2025-26 Q2"], first.Select(o => o.Period.ToString()));
        Assert.Equal(["2025-26 Q2"], second.Select(o => o.Period.ToString()));
        Assert.Equal(["2025-26 Q1", "2025-26 Q2"], third.Select(o => o.Period.ToString()));
        Assert.Equal(55, third[0].Report.Indicators.Single(i => i.Indicator.Code == "DA02").Area.Value);
    }

    [Fact]
    public async Task RunScheduledAsync_CorrectionToAnOldQuarter_RecompilesEveryEndedQuarterThatReadsIt()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        pipeline.Clock.SetUtcNow(new DateTimeOffset(2026, 8, 10, 6, 0, 0, TimeSpan.Zero));
        var old = ReportingPeriod.Parse("2025-26 Q2");
        await pipeline.Compile.RunScheduledAsync(s_none);
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("POL", old), "POL", old), s_none);

        var compiled = await pipeline.Compile.RunScheduledAsync(s_none);
        var again = await pipeline.Compile.RunScheduledAsync(s_none);

        // On 10 August 2026 the last quarter over is 2026-27 Q1. 2025-26 Q2 is among the eight quarters of
        // itself and the seven after it (to 2027-28 Q1); of those, 2025-26 Q2 to 2026-27 Q1 have ended.
        Assert.Equal(
            ["2025-26 Q2", "2025-26 Q3", "2025-26 Q4", "2026-27 Q1"],
            compiled.Select(o => o.Period.ToString()));
        Assert.Equal(["2026-27 Q1"], again.Select(o => o.Period.ToString()));
    }

    [Theory]
    [InlineData("2026-09-30T05:00:00Z", "2026-27 Q1")] // the 06:00 BST run on 30 September: Q2 has not ended
    [InlineData("2026-10-01T05:00:00Z", "2026-27 Q2")] // the 06:00 BST run on 1 October
    public async Task RunScheduledAsync_AroundAQuarterEndInSummerTime_CompilesOnlyAQuarterThatIsOver(
        string now,
        string expected)
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        pipeline.Clock.SetUtcNow(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        var compiled = await pipeline.Compile.RunScheduledAsync(s_none);

        Assert.Equal([expected], compiled.Select(o => o.Period.ToString()));
    }
}
