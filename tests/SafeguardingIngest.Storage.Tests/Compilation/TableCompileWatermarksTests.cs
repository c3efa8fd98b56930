using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Storage.Tests.Compilation;

[Collection(AzuriteCollection.Name)]
public sealed class TableCompileWatermarksTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;
    private static readonly DateTimeOffset s_nine = new(2025, 10, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task MarkChangedAsync_OlderChangeAfterANewerOne_MovesOneTickPastTheNewerMark()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var marks = pipeline.Get<ICompileWatermarks>();

        // A quick run records 09:05; a slow one that switched earlier records 09:00 afterwards. The mark
        // never goes back to 09:00, and the second change still counts: 09:05 plus one tick (100 ns).
        await marks.MarkChangedAsync(Samples.Q2, s_nine.AddMinutes(5), s_none);
        await marks.MarkChangedAsync(Samples.Q2, s_nine, s_none);

        Assert.Equal([(Samples.Q2, s_nine.AddMinutes(5).AddTicks(1))], await marks.PendingAsync(s_none));
    }

    [Fact]
    public async Task MarkChangedAsync_ClockBehindAfterACompileReadTheMark_StaysPending()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var marks = pipeline.Get<ICompileWatermarks>();
        await marks.MarkChangedAsync(Samples.Q2, s_nine.AddMinutes(5), s_none);

        // A compile read 09:05 and included it; then a host whose clock is three minutes behind
        // switched a new return in and recorded 09:03. Skipped, that change would never be compiled.
        await marks.MarkCompiledAsync(Samples.Q2, s_nine.AddMinutes(5), s_nine.AddMinutes(6), s_none);
        await marks.MarkChangedAsync(Samples.Q2, s_nine.AddMinutes(3), s_none);

        Assert.Equal([(Samples.Q2, s_nine.AddMinutes(5).AddTicks(1))], await marks.PendingAsync(s_none));
    }

    [Fact]
    public async Task MarkCompiledAsync_OlderCompileFinishingLast_DoesNotMakeAnIncludedChangePendingAgain()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var marks = pipeline.Get<ICompileWatermarks>();
        await marks.MarkChangedAsync(Samples.Q2, s_nine.AddMinutes(5), s_none);

        await marks.MarkCompiledAsync(Samples.Q2, s_nine.AddMinutes(5), s_nine.AddMinutes(6), s_none);
        await marks.MarkCompiledAsync(Samples.Q2, s_nine, s_nine.AddMinutes(7), s_none);

        Assert.Empty(await marks.PendingAsync(s_none));
    }

    [Fact]
    public async Task MarkChangedAsync_ManyRunsAtOnce_TheLatestChangeWins()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var marks = pipeline.Get<ICompileWatermarks>();
        var period = ReportingPeriod.Parse("2025-26 Q1");

        await Task.WhenAll(
            Enumerable.Range(0, 12).Select(
                i => Task.Run(() => marks.MarkChangedAsync(period, s_nine.AddSeconds(i * 7 % 12), s_none))));

        // 09:00:11 is the latest; each of the (at most eleven) runs that wrote after it moved it one tick.
        var (pendingPeriod, changed) = Assert.Single(await marks.PendingAsync(s_none));
        Assert.Equal(period, pendingPeriod);
        Assert.InRange(changed, s_nine.AddSeconds(11), s_nine.AddSeconds(11).AddTicks(11));
    }
}
