using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Storage.Tests.Ingest;

/// <summary>The sweep removes what runs left behind, and only what is provably dead.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LoadCleanupTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task SweepAsync_LoadOfARunThatDied_IsKeptWithinTheBoundThenRemovedAndCanNoLongerSwitch()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var writer = pipeline.Get<IRowWriter>();
        var dead = await pipeline.Records.StartLoadAsync(
            Samples.Q2,
            "POL",
            "deadrun",
            pipeline.Clock.GetUtcNow(),
            s_none);
        await writer.WriteRowsAsync(dead, Rows("POL", 3), [], [], s_none);

        pipeline.Clock.Advance(TimeSpan.FromMinutes(59));
        var early = await pipeline.Cleanup.SweepAsync(s_none);
        Assert.Equal(new SweepResult(0, 0, 0), early);
        Assert.Equal(3, await pipeline.CountRowsAsync(Samples.Q2));

        pipeline.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await pipeline.Cleanup.SweepAsync(s_none);

        Assert.Equal(new SweepResult(1, 3, 1), late);
        Assert.Equal(0, await pipeline.CountRowsAsync(Samples.Q2));
        var record = await pipeline.Records.GetLoadAsync(Samples.Q2, "POL", dead.Id, s_none);
        Assert.Equal(LoadState.Discarded, record!.State);
        Assert.NotNull(record.ClearedAt);
        Assert.Equal(
            SwitchResult.LoadNotWriting,
            await pipeline.Records.TrySwitchAsync(
                dead,
                null,
                pipeline.Clock.GetUtcNow(),
                Arrival.Of(pipeline.Clock.GetUtcNow(), "e", "x"),
                pipeline.Clock.GetUtcNow(),
                s_none));
        Assert.Empty(await pipeline.Records.ListOpenLoadsAsync(null, null, s_none));
    }

    [Fact]
    public async Task SweepAsync_SupersededLoadWhoseCleanupNeverRan_IsRemovedAndTheCurrentOneKept()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var writer = pipeline.Get<IRowWriter>();
        var now = pipeline.Clock.GetUtcNow();

        // Two runs switch in turn and both stop before clearing anything (a crash after the switch).
        var first = await pipeline.Records.StartLoadAsync(Samples.Q2, "POL", "first", now, s_none);
        await writer.WriteRowsAsync(first, Rows("POL", 4), [], [], s_none);
        Assert.Equal(
            SwitchResult.Switched,
            await pipeline.Records.TrySwitchAsync(first, null, now, Arrival.Of(now, "1", "a"), now, s_none));
        var second = await pipeline.Records.StartLoadAsync(Samples.Q2, "POL", "second", now, s_none);
        await writer.WriteRowsAsync(second, Rows("POL", 2), [], [], s_none);
        var pointer = await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", s_none);
        Assert.Equal(
            SwitchResult.Switched,
            await pipeline.Records.TrySwitchAsync(
                second,
                pointer,
                now,
                Arrival.Of(now.AddSeconds(1), "2", "b"),
                now,
                s_none));

        // Readers already see only the second load, though the first's rows are still there.
        Assert.Equal(2, (await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "POL", s_none)).Count);
        Assert.Equal(6, await pipeline.CountRowsAsync(Samples.Q2));
        Assert.Equal(
            LoadState.Superseded,
            (await pipeline.Records.GetLoadAsync(Samples.Q2, "POL", first.Id, s_none))!.State);

        pipeline.Clock.Advance(TimeSpan.FromMinutes(61));
        var swept = await pipeline.Cleanup.SweepAsync(s_none);

        Assert.Equal(new SweepResult(1, 4, 0), swept);
        Assert.Equal(2, await pipeline.CountRowsAsync(Samples.Q2));
        Assert.Equal(second.Id, (await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", s_none))!.LoadId);
        Assert.Equal(
            LoadState.Current,
            (await pipeline.Records.GetLoadAsync(Samples.Q2, "POL", second.Id, s_none))!.State);
    }

    [Fact]
    public async Task ClearDeadAsync_AnotherRunStillWriting_LeavesItsRowsAlone()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var writer = pipeline.Get<IRowWriter>();
        var writing = await pipeline.Records.StartLoadAsync(
            Samples.Q2,
            "POL",
            "busy",
            pipeline.Clock.GetUtcNow(),
            s_none);
        await writer.WriteRowsAsync(writing, Rows("POL", 5), [], [], s_none);

        var removed = await pipeline.Cleanup.ClearDeadAsync(Samples.Q2, "POL", s_none);

        Assert.Equal(0, removed);
        Assert.Equal(5, await pipeline.CountRowsAsync(Samples.Q2));
        Assert.Equal(
            LoadState.Writing,
            (await pipeline.Records.GetLoadAsync(Samples.Q2, "POL", writing.Id, s_none))!.State);
    }

    private static List<Observation> Rows(string agency, int count) =>
        Enumerable.Range(1, count)
            .Select(
                i => new Observation(
                    Samples.Q2,
                    agency,
                    $"K{i}",
                    "ALL",
                    i,
                    null,
                    i,
                    IndicatorUnit.Count,
                    null,
                    $"Indicators!G{i + 1}"))
            .ToList();
}
