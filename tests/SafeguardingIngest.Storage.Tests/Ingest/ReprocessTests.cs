using System.Text;
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

        var fixedReference = File.ReadAllText(Samples.PartnershipPath).Replace(
            "\"indicators\": [",
            "\"indicators\": [ { \"code\": \"DA03\", \"title\": \"Domestic abuse notifications to schools\", \"unit\": \"count\", \"polarity\": \"none\", \"agencies\": [\"POL\"] },",
            StringComparison.Ordinal);
        await pipeline.Reference.PublishAsync(new MemoryStream(Encoding.UTF8.GetBytes(fixedReference)), s_none);
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
        var accepted = await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2), s_none);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.Ingest.ReprocessAsync(Samples.Q2, "POL", accepted.Submission!.Id, s_none));

        Assert.Contains("only refused returns are reprocessed", error.Message, StringComparison.Ordinal);
    }
}
