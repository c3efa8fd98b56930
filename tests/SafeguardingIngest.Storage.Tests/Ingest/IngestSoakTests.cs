using Azure;
using Azure.Data.Tables;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Soak;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Storage.Tests.Ingest;

/// <summary>
/// Small seeded rounds of the ingest soak (tests/SafeguardingIngest.Soak): overlapping uploads,
/// overwrites and same-content resends on two hosts with storage faults everywhere, then the end
/// state against the plan; and a round of child ingests killed with SIGKILL. The soak's own program
/// runs them for longer.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestSoakTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(20261125)]
    [InlineData(8)]
    public async Task RunAsync_SeededRoundWithFaults_LastAcceptedUploadStandsWholeAndAlone(int seed)
    {
        var options = new SoakOptions(seed, Agencies: 4, Periods: 2, UploadsPerAgency: 4, FaultRate: 0.06);
        var report = await IngestSoak.RunAsync(azurite.ConnectionString, options, CancellationToken.None);

        Assert.True(report.Passed, report.ToString());
        Assert.True(report.Faults > 0, report.ToString());
        Assert.True(report.Reads > 0, report.ToString());
    }

    [Fact]
    public async Task RunCrashAsync_ChildIngestsKilledPartWay_NextIngestAndSweepLeaveTheWinnerWholeAndAlone()
    {
        var report = await IngestSoak.RunCrashAsync(
            azurite.ConnectionString,
            new SoakOptions(17, Agencies: 1, Periods: 1, UploadsPerAgency: 3, MaxIndicators: 12, MaxDelayMs: 300),
            new CrashOptions(KillRate: 0.7),
            CancellationToken.None);

        Assert.True(report.Passed, report.ToString());
        Assert.True(report.Kills.Values.Sum() > 0, report.ToString());
    }

    [Fact]
    public async Task RunAsync_SwitchedThenStoppedAndTheUploadReplacedBeforeARetry_CurrentSubmissionIsRecordedAndKept()
    {
        // Found by the soak's overwrites: a run made its return current and stopped before recording it; the
        // agency then replaced the file under the same name, so no retry ever read the return that stands.
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var blob = await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2);
        var switched = false;
        pipeline.Faults.Applies = message =>
        {
            var after = switched;
            switched |= message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal)
                && Body(message).Contains(pipeline.Names.Submissions, StringComparison.Ordinal);
            return after;
        };
        pipeline.Faults.Arm(pass: 0, fail: 10_000);
        await Assert.ThrowsAnyAsync<RequestFailedException>(
            () => pipeline.Ingest.RunAsync(blob, CancellationToken.None));
        pipeline.Faults.Disarm();
        var current = await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", CancellationToken.None);
        Assert.NotNull(current);

        await PipelineHarness.NextSecondAsync();
        using (var refused = TestWorkbook.Good("POL").Set("Indicators", "G4", "n/a").ToStream())
        {
            await pipeline.UploadAsync(refused, blob);
        }

        var replaced = await pipeline.Ingest.RunAsync(blob, CancellationToken.None);

        Assert.Equal(IngestResult.Rejected, replaced.Result);
        var standing = await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", CancellationToken.None);
        Assert.Equal(current.LoadId, standing!.LoadId);
        var record = await pipeline.Records.FindAsync(Samples.Q2, "POL", current.SubmissionId, CancellationToken.None);
        Assert.Equal(ReturnStatus.Accepted, record?.Status);
        Assert.Equal(4, record!.Rows);
        Assert.Contains(record.StoredAt["archive/".Length..], await pipeline.ListAsync(pipeline.Names.Archive));
    }

    private static string Body(Azure.Core.HttpMessage message)
    {
        using var body = new MemoryStream();
        message.Request.Content?.WriteTo(body, CancellationToken.None);
        return System.Text.Encoding.UTF8.GetString(body.ToArray());
    }

    [Fact]
    public void ExpectedWinner_AcceptedUploadOverwrittenByARefusedOne_AllowsItOrTheLastUploadNeverReplaced()
    {
        var period = new Periods.ReportingPeriod(2025, 2);
        PlannedUpload Upload(int position, string name, bool refused) =>
            new(
                "S01",
                period,
                name,
                new Dictionary<(string, string),
                int> { [("K01", "ALL")] = position },
                refused,
                [(byte)position])
            {
                Position = position,
            };
        var first = Upload(0, "a.csv", refused: false);
        var replaced = Upload(1, "b.csv", refused: false);
        var refusal = Upload(2, "b.csv", refused: true);

        var winner = ExpectedWinner.Of([first, replaced, refusal]);

        Assert.Same(first, winner.Definite);
        Assert.Same(replaced, Assert.Single(winner.Overwritten));
        Assert.Same(replaced, winner.Match(replaced.SubmissionId));
        Assert.Null(winner.Match(refusal.SubmissionId));
        Assert.False(winner.NothingAllowed);
    }

    [Fact]
    public async Task FaultInjection_AfterReachingStorage_FaultsARowDeleteAndARecordReplaceThatWereDone()
    {
        // The two steps the soak once reported never faulted after: both are faulted, and both were done.
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var table = pipeline.Tables.GetTableClient(pipeline.Names.Submissions);
        await table.AddEntityAsync(new TableEntity("soak", "deleted"));
        var saved = await table.AddEntityAsync(new TableEntity("soak", "replaced") { ["Version"] = 1 });
        pipeline.Faults.Applies = _ => true;
        pipeline.Faults.ArmRandom(1, before: 0, after: 1);

        await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("soak", "deleted", ETag.All));
        await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(
                new TableEntity("soak", "replaced") { ["Version"] = 2 },
                saved.Headers.ETag!.Value,
                TableUpdateMode.Replace));
        pipeline.Faults.Disarm();

        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("soak", "deleted")).HasValue);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("soak", "replaced")).Value.GetInt32("Version"));
        Assert.Equal(1, pipeline.Faults.Faulted["table DELETE entity after"]);
        Assert.Equal(1, pipeline.Faults.Faulted["table PUT entity after"]);
    }

    [Fact]
    public async Task FaultInjection_StepNotYetFaulted_FailsAtTheFirstFaultRateEachWayThenAtTheBaseRate()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var table = pipeline.Tables.GetTableClient(pipeline.Names.Submissions);
        pipeline.Faults.Applies = _ => true;
        pipeline.Faults.ArmRandom(1, before: 0, after: 0, untilFaulted: 1);

        // The step's first request fails before it is sent, its second after it was done, its third not at all.
        var refused = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.GetEntityIfExistsAsync<TableEntity>("soak", "a"));
        var lost = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.GetEntityIfExistsAsync<TableEntity>("soak", "a"));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("soak", "a")).HasValue);
        pipeline.Faults.Disarm();

        Assert.Contains("unavailable", refused.Message, StringComparison.Ordinal);
        Assert.Contains("answer was lost", lost.Message, StringComparison.Ordinal);
        var faulted = pipeline.Faults.Faulted;
        Assert.Equal(
            (1, 1, 3),
            (
                faulted["table GET entity before"],
                faulted["table GET entity after"],
                pipeline.Faults.Requests["table GET entity"]));
        Assert.Contains("table PUT entity after", IngestSoak.NeverFaulted(pipeline.Faults.Requests, faulted));
    }
}
