using System.Text;
using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Storage.Tests.Reference;

[Collection(AzuriteCollection.Name)]
public sealed class BlobPartnershipSourceTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task GetAsync_NewVersionUploaded_IsLoadedByItsETag()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var original = await pipeline.Reference.GetAsync(s_none);
        var renamed = File.ReadAllText(Samples.PartnershipPath).Replace(
            original.Name,
            "Renamed partnership",
            StringComparison.Ordinal);

        await UploadRawAsync(pipeline, renamed);

        Assert.Equal("Renamed partnership", (await pipeline.Reference.GetAsync(s_none)).Name);
    }

    [Fact]
    public async Task GetAsync_BrokenVersionUploaded_KeepsLastGood()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var good = await pipeline.Reference.GetAsync(s_none);

        await UploadRawAsync(pipeline, "{ \"partnership\": \"half a file\", ");

        Assert.Same(good, await pipeline.Reference.GetAsync(s_none));
    }

    [Fact]
    public async Task PublishAsync_BrokenDocument_IsRefusedWithPathsAndNothingReplaced()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var good = await pipeline.Reference.GetAsync(s_none);
        using var broken = new MemoryStream(
            Encoding.UTF8.GetBytes(
                """{ "partnership": "x", "returnsDueDays": 30, "agencies": [], "indicators": [] }"""));

        var error = await Assert.ThrowsAsync<ReferenceDataException>(
            () => pipeline.Reference.PublishAsync(broken, s_none));

        Assert.Contains(error.Problems, p => p.Path == "$.agencies");
        Assert.Equal(good.Name, (await pipeline.Reference.GetAsync(s_none)).Name);
        var stored = await pipeline.Blobs.GetBlobContainerClient(pipeline.Names.Config).GetBlobClient(
            BlobPartnershipSource.BlobName).DownloadContentAsync();
        Assert.Contains(good.Name, stored.Value.Content.ToString(), StringComparison.Ordinal);
    }

    private static async Task UploadRawAsync(PipelineHarness pipeline, string json) =>
        await pipeline.Blobs.GetBlobContainerClient(pipeline.Names.Config).GetBlobClient(BlobPartnershipSource.BlobName)
            .UploadAsync(BinaryData.FromString(json), overwrite: true);
}
