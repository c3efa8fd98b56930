using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Storage.Tests.Ingest;

/// <summary>The Submissions table's conditional writes, where a lost answer or a stale read must not mislead.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableSubmissionRecordsTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;
    private static readonly DateTimeOffset s_nine = new(2025, 10, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TrySwitchAsync_CommittedButItsAnswerLost_IsReadBackAsSwitched()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var load = await pipeline.Records.StartLoadAsync(Samples.Q2, "POL", "a1", s_nine, s_none);
        var arrival = Arrival.Of(s_nine, "\"0x1\"", "POL/2025-26-Q2/return.xlsx");

        // The switch transaction reaches the table and commits; its answer never comes back.
        pipeline.Faults.Arm(pass: 0, fail: 1, afterDone: true);
        var result = await pipeline.Records.TrySwitchAsync(load, null, s_nine, arrival, s_nine, s_none);

        Assert.Equal(1, pipeline.Faults.Injected);
        Assert.Equal(SwitchResult.Switched, result);
        var current = await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", s_none);
        Assert.Equal(load.Id, current!.LoadId);
    }

    [Fact]
    public async Task TrySwitchAsync_RefusedBeforeItReachedTheTable_Throws()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var load = await pipeline.Records.StartLoadAsync(Samples.Q2, "POL", "a1", s_nine, s_none);
        var arrival = Arrival.Of(s_nine, "\"0x1\"", "POL/2025-26-Q2/return.xlsx");

        pipeline.Faults.Arm(pass: 0, fail: 1);

        await Assert.ThrowsAsync<Azure.RequestFailedException>(
            () => pipeline.Records.TrySwitchAsync(load, null, s_nine, arrival, s_nine, s_none));
        Assert.Null(await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", s_none));
    }

    [Fact]
    public async Task MarkClearedAsync_RecordStillWriting_LeavesItOpen()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var load = await pipeline.Records.StartLoadAsync(Samples.Q2, "POL", "a1", s_nine, s_none);

        // A clean-up that read this load as discarded, while its record says it is still being written.
        var closed = await pipeline.Records.MarkClearedAsync(
            load with { State = LoadState.Discarded },
            0,
            s_nine,
            s_none);

        Assert.False(closed);
        var open = Assert.Single(await pipeline.Records.ListOpenLoadsAsync(Samples.Q2, "POL", s_none));
        Assert.Equal((load.Id, LoadState.Writing), (open.Id, open.State));
    }

    [Fact]
    public async Task MarkClearedAsync_DiscardedLoad_ClosesIt()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var load = await pipeline.Records.StartLoadAsync(Samples.Q2, "POL", "a1", s_nine, s_none);
        Assert.True(await pipeline.Records.TryDiscardAsync(load, s_nine, s_none));

        var closed = await pipeline.Records.MarkClearedAsync(
            load with { State = LoadState.Discarded },
            0,
            s_nine,
            s_none);

        Assert.True(closed);
        Assert.Empty(await pipeline.Records.ListOpenLoadsAsync(Samples.Q2, "POL", s_none));
    }
}
