using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Storage.Tests.Ingest;

[Collection(AzuriteCollection.Name)]
public sealed class ReprocessTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task ReprocessAsync_AfterReferenceDataIsFixed_AcceptsTheQuarantinedOriginalWithItsReceiptTime()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);

        // Police return a new local indicator the performance team forgot to add to the catalogue.
        var workbook = TestWorkbook.Good("POL").Append("Indicators", "DA03", "", "", "All", "", "", 7);
        var refused = await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(workbook, "POL", Samples.Q2), s_none);
        Assert.Equal(IngestResult.Rejected, refused.Result);
        Assert.Contains(refused.Report!.Findings, f => f.Code == "indicator-unknown");

        await pipeline.Reference.PublishAsync(new MemoryStream(Samples.PartnershipWithDa03()), s_none);
        pipeline.Clock.Advance(TimeSpan.FromDays(3));

        var reprocessed = await pipeline.Ingest.ReprocessAsync(Samples.Q2, "POL", refused.Submission!.Id, s_none);

        Assert.Equal(IngestResult.Accepted, reprocessed.Result);
        Assert.Equal(refused.Submission.Id, reprocessed.Submission!.Id);
        Assert.Equal(refused.Submission.ReceivedAt, reprocessed.Submission.ReceivedAt);
        Assert.Equal(5, (await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "POL", s_none)).Count);
        Assert.Empty(await pipeline.ListAsync(pipeline.Names.Returns));
    }

    [Fact]
    public async Task ReprocessAsync_AcceptedSubmission_IsRefusedWithReason()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var accepted = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2),
            s_none);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => pipeline.Ingest.ReprocessAsync(Samples.Q2, "POL", accepted.Submission!.Id, s_none));

        Assert.Contains("only refused returns are reprocessed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReprocessAsync_NewerUploadWaitingUnderTheSameName_LeavesItForItsOwnRun()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var refused = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(
                TestWorkbook.Good("POL").Append("Indicators", "DA03", "", "", "All", "", "", 7),
                "POL",
                Samples.Q2),
            s_none);
        await pipeline.Reference.PublishAsync(new MemoryStream(Samples.PartnershipWithDa03()), s_none);

        // Police send a corrected return.xlsx; before its run starts, the team reprocesses the refused one.
        await PipelineHarness.NextSecondAsync();
        var newer = TestWorkbook.Good("POL", seed: 9)
            .Append("Indicators", "DA03", "", "", "All", "", "", 8).ToStream()
            .ToArray();
        var waiting = await pipeline.UploadAsync(
            new MemoryStream(newer),
            UploadPath.For("POL", Samples.Q2, "return.xlsx"));
        var reprocessed = await pipeline.Ingest.ReprocessAsync(Samples.Q2, "POL", refused.Submission!.Id, s_none);

        Assert.Equal(IngestResult.Accepted, reprocessed.Result);
        var stillWaiting = await pipeline.Blobs
            .GetBlobContainerClient(pipeline.Names.Returns)
            .GetBlobClient(waiting)
            .DownloadContentAsync();
        Assert.Equal(newer, stillWaiting.Value.Content.ToArray());

        // The corrected file's own run then makes it current: it arrived after the refused one's receipt.
        var corrected = await pipeline.Ingest.RunAsync(waiting, s_none);
        Assert.Equal(IngestResult.Accepted, corrected.Result);
        Assert.Equal(
            corrected.Submission!.Id,
            (await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", s_none))!.SubmissionId);
    }

    [Fact]
    public async Task Run_ReservedReprocessNameAsTheTriggerSeesIt_TakesTheRecordsReceiptTimeAndUploadName()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var refused = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(
                TestWorkbook.Good("POL").Append("Indicators", "DA03", "", "", "All", "", "", 7),
                "POL",
                Samples.Q2),
            s_none);
        await pipeline.Reference.PublishAsync(new MemoryStream(Samples.PartnershipWithDa03()), s_none);
        var id = refused.Submission!.Id;
        var reserved = UploadPath.ForReprocess("POL", Samples.Q2, id, "return.xlsx");
        var quarantined = refused.Submission.StoredAt["quarantine/".Length..];
        await PipelineHarness.NextSecondAsync();

        var restored = await pipeline.Files.RestoreFromQuarantineAsync(quarantined, reserved, s_none);
        var restoredAgain = await pipeline.Files.RestoreFromQuarantineAsync(quarantined, reserved, s_none);
        var outcome = await pipeline.Ingest.RunAsync(reserved, s_none);

        Assert.True(restored);
        Assert.False(restoredAgain);
        Assert.Equal(IngestResult.Accepted, outcome.Result);
        Assert.Equal(refused.Submission.ReceivedAt, outcome.Submission!.ReceivedAt);
        Assert.Equal("POL/2025-26-Q2/return.xlsx", outcome.Submission.BlobName);
        Assert.Empty(await pipeline.ListAsync(pipeline.Names.Returns));
    }

    [Fact]
    public async Task Run_ReservedNameOverOtherContent_IsAnOrdinaryUploadWithItsOwnReceiptTime()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var first = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("POL", seed: 1), "POL", Samples.Q2),
            s_none);
        pipeline.Clock.Advance(TimeSpan.FromDays(20));
        await PipelineHarness.NextSecondAsync();

        // Someone with write access to Police's folder names a different file after the first's id.
        var reserved = UploadPath.ForReprocess("POL", Samples.Q2, first.Submission!.Id, "return.xlsx");
        var outcome = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("POL", seed: 2).ToStream(), reserved),
            s_none);

        Assert.NotEqual(first.Submission.Id, outcome.Submission!.Id);
        Assert.NotEqual(first.Submission.ReceivedAt, outcome.Submission.ReceivedAt);
        Assert.Equal(reserved, outcome.Submission.BlobName);
    }
}
