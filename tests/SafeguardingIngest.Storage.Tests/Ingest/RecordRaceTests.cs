using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Storage.Tests.Ingest;

/// <summary>Records and feedback when two runs of the same content overlap, or the same file comes back.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RecordRaceTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task Run_SlowEarlierRunOfTheSameFileRecordsLast_KeepsTheLaterRunsCurrentRecord()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var x = TestWorkbook.Good("CSC", seed: 1).ToStream().ToArray();
        var firstX = await pipeline.UploadAsync(new MemoryStream(x), UploadPath.For("CSC", Samples.Q2, "x.xlsx"));

        // Run A of X switches X in on a host that then stalls before saving its record.
        var reached = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var slow = await pipeline.AnotherInstanceAsync(s => s.AddSingleton<ISubmissionRecords>(sp =>
            new GatedRecords(
                ActivatorUtilities.CreateInstance<TableSubmissionRecords>(sp),
                _ => Task.CompletedTask,
                _ =>
            {
                reached.TrySetResult();
                return release.Task;
            })));
        var runA = Task.Run(() => slow.Ingest.RunAsync(firstX, s_none));
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // Meanwhile Y replaces X, and then X is sent again: run C switches X back in under a load of its own.
        await PipelineHarness.NextSecondAsync();
        var y = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("CSC", seed: 2), "CSC", Samples.Q2, "y.xlsx"),
            s_none);
        await PipelineHarness.NextSecondAsync();
        var c = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(new MemoryStream(x), UploadPath.For("CSC", Samples.Q2, "x-again.xlsx")),
            s_none);
        release.SetResult();
        var a = await runA;
        Assert.Equal(a.Submission!.Id, c.Submission!.Id);

        // The record of X names the load readers read (C's), and says it replaced Y, as C recorded it.
        var current = await pipeline.Records.GetCurrentAsync(Samples.Q2, "CSC", s_none);
        var record = await pipeline.Records.FindAsync(Samples.Q2, "CSC", c.Submission.Id, s_none);
        Assert.Equal(c.Submission.LoadId, current!.LoadId);
        Assert.Equal(current.LoadId, record!.LoadId);
        Assert.Equal(y.Submission!.Id, record.Supersedes);
    }

    [Fact]
    public async Task Run_RefusedFileSentAgainAfterTheReferenceDataChanged_IsCheckedAgainAndAccepted()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var refused = await pipeline.Ingest.RunAsync(await UploadDa03Async(pipeline), s_none);
        Assert.Equal(IngestResult.Rejected, refused.Result);

        await pipeline.Reference.PublishAsync(new MemoryStream(Samples.PartnershipWithDa03()), s_none);
        await PipelineHarness.NextSecondAsync();
        var again = await pipeline.Ingest.RunAsync(await UploadDa03Async(pipeline), s_none);

        Assert.Equal(IngestResult.Accepted, again.Result);
        Assert.Equal(refused.Submission!.Id, again.Submission!.Id);
        var current = await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", s_none);
        Assert.Equal(again.Submission.Id, current!.SubmissionId);
    }

    [Fact]
    public async Task Run_RefusedFileSentAgainUnderTheSameReferenceData_FeedbackSaysPlainlyWhyNothingIsNew()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await pipeline.Ingest.RunAsync(await UploadDa03Async(pipeline), s_none);
        await PipelineHarness.NextSecondAsync();

        var again = await pipeline.Ingest.RunAsync(await UploadDa03Async(pipeline), s_none);

        Assert.Equal(IngestResult.AlreadyProcessed, again.Result);
        var feedback = await pipeline.Blobs.GetBlobContainerClient(pipeline.Names.Feedback)
            .GetBlobClient(UploadPath.FeedbackFor("POL", Samples.Q2, "return.xlsx") + ".json").DownloadContentAsync();
        using var json = JsonDocument.Parse(feedback.Value.Content.ToString());
        var message = json.RootElement.GetProperty("message").GetString()!;
        Assert.Equal("Rejected", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("the same as one already checked", message, StringComparison.Ordinal);
        Assert.Contains("reference data has not changed since", message, StringComparison.Ordinal);
    }

    // One file's bytes, sent as often as a test needs: Police's return with DA03, which the sample lacks.
    private static readonly byte[] s_da03Return =
        TestWorkbook.Good("POL").Append("Indicators", "DA03", "", "", "All", "", "", 7).ToStream().ToArray();

    private static Task<string> UploadDa03Async(PipelineHarness pipeline) =>
        pipeline.UploadAsync(new MemoryStream(s_da03Return), UploadPath.For("POL", Samples.Q2, "return.xlsx"));
}
