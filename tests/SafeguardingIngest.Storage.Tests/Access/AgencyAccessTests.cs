using Azure;
using Azure.Storage.Blobs;
using SafeguardingIngest.Storage.Access;

namespace SafeguardingIngest.Storage.Tests.Access;

/// <summary>An agency's credential, used as an agency (or someone holding its link) would, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AgencyAccessTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task Credential_UploadsItsOwnReturn_WhichIngestsAndGivesItsOwnFeedback()
    {
        await using var pipeline = await StartAsync();
        var police = await pipeline.Access.IssueAsync("POL", Samples.Q2, "return.xlsx", TimeSpan.FromHours(1), s_none);

        using (var content = TestWorkbook.Good("POL").ToStream())
        {
            await new BlobClient(police.UploadUri).UploadAsync(content);
        }

        var outcome = await pipeline.Ingest.RunAsync(police.BlobName, s_none);
        var later = await pipeline.Access.IssueAsync("POL", Samples.Q2, "next.xlsx", TimeSpan.FromHours(1), s_none);

        Assert.Equal("POL/2025-26-Q2/return.xlsx", police.BlobName);
        Assert.Equal(SafeguardingIngest.Ingest.IngestResult.Accepted, outcome.Result);

        // The submission's report, and the same under the upload's own name.
        Assert.Equal(4, later.Feedback.Count);
        var html = await new BlobClient(
                later.Feedback.Single(f => f.Name == $"POL/2025-26-Q2/{outcome.Submission!.Id}.html").Uri)
            .DownloadContentAsync();
        Assert.Contains("Accepted", html.Value.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credential_ReadsTheFeedbackOnItsOwnUploadAndNoOtherUpload()
    {
        await using var pipeline = await StartAsync();
        var police = await pipeline.Access.IssueAsync("POL", Samples.Q2, "return.xlsx", TimeSpan.FromHours(1), s_none);
        string uploaded;
        using (var content = TestWorkbook.Good("POL").ToStream())
        {
            uploaded = (await new BlobClient(police.UploadUri).UploadAsync(content)).Value.ETag.ToString();
        }

        await pipeline.Ingest.RunAsync(police.BlobName, s_none);
        var other = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("POL", seed: 9), "POL", Samples.Q2, "other.xlsx"),
            s_none);

        // The upload link's companion reads this upload's feedback, matched by the upload's version.
        var json = await new BlobClient(police.UploadFeedbackJson).DownloadContentAsync();
        using var document = System.Text.Json.JsonDocument.Parse(json.Value.Content.ToMemory());
        Assert.Equal("Accepted", document.RootElement.GetProperty("status").GetString());
        Assert.Equal(uploaded, document.RootElement.GetProperty("uploadVersion").GetString());

        // The same signature on another upload's feedback is refused.
        var elsewhere = Retarget(police.UploadFeedbackJson, "POL/2025-26-Q2/uploads/other.xlsx.json");
        var refused = await Assert.ThrowsAsync<Azure.RequestFailedException>(
            () => new BlobClient(elsewhere).DownloadContentAsync());
        Assert.Equal(403, refused.Status);
        Assert.NotNull(other.Submission);
    }

    [Fact]
    public async Task Credential_CannotWriteAnotherAgencysPath()
    {
        await using var pipeline = await StartAsync();
        var police = await pipeline.Access.IssueAsync("POL", Samples.Q2, "return.xlsx", TimeSpan.FromHours(1), s_none);

        // The same signature on Children's Social Care's path, or on a different file name of the agency's own.
        var elsewhere = Retarget(police.UploadUri, "CSC/2025-26-Q2/return.xlsx");
        var otherName = Retarget(police.UploadUri, "POL/2025-26-Q2/other.xlsx");

        Assert.Equal(403, await StatusOf(() => new BlobClient(elsewhere).UploadAsync(BinaryData.FromString("x"))));
        Assert.Equal(403, await StatusOf(() => new BlobClient(otherName).UploadAsync(BinaryData.FromString("x"))));
    }

    [Fact]
    public async Task Credential_CannotReadOrListAnotherAgencysBlobs()
    {
        await using var pipeline = await StartAsync();
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("CSC"), "CSC", Samples.Q2), s_none);
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2), s_none);
        var police = await pipeline.Access.IssueAsync("POL", Samples.Q2, "return.xlsx", TimeSpan.FromHours(1), s_none);
        var social = await pipeline.Access.IssueAsync("CSC", Samples.Q2, "return.xlsx", TimeSpan.FromHours(1), s_none);

        Assert.All(police.Feedback, f => Assert.StartsWith("POL/", f.Name, StringComparison.Ordinal));
        var ownLink = police.Feedback[0].Uri;
        var theirs = social.Feedback[0].Name;

        // Police's feedback link pointed at Children's Social Care's report, at the container, or at the upload.
        Assert.Equal(403, await StatusOf(() => new BlobClient(Retarget(ownLink, theirs)).DownloadContentAsync()));
        var listing = new BlobContainerClient(new BlobUriBuilder(ownLink) { BlobName = string.Empty }.ToUri());
        Assert.Equal(403, await StatusOf(async () => { await foreach (var _ in listing.GetBlobsAsync()) { } }));
        Assert.Equal(403, await StatusOf(() => new BlobClient(police.UploadUri).DownloadContentAsync()));
        Assert.Equal(200, (await new BlobClient(ownLink).DownloadContentAsync()).GetRawResponse().Status);
    }

    [Theory]
    [InlineData("POL", "../CSC/x.xlsx")]
    [InlineData("POL", "sub/x.xlsx")]
    [InlineData("P/OL", "x.xlsx")]
    public async Task Issue_PathEscapes_AreRefused(string agency, string file)
    {
        await using var pipeline = await StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(
            () => pipeline.Access.IssueAsync(agency, Samples.Q2, file, TimeSpan.FromHours(1), s_none));
    }

    [Fact]
    public async Task Issue_LifetimeOverAWeek_IsRefused()
    {
        await using var pipeline = await StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => pipeline.Access.IssueAsync(
                "POL",
                Samples.Q2,
                "x.xlsx",
                AgencyAccess.MaxLifetime + TimeSpan.FromMinutes(1),
                s_none));
        Assert.Contains("up to 7 days", error.Message);
    }

    /// <summary>The pipeline with its clock at the real time: the storage service checks a SAS against its own
    /// clock.</summary>
    private async Task<PipelineHarness> StartAsync()
    {
        var pipeline = await PipelineHarness.StartAsync(azurite);
        pipeline.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        return pipeline;
    }

    /// <summary>The same SAS query string on another blob of the same container.</summary>
    private static Uri Retarget(Uri signed, string blobName)
    {
        var builder = new BlobUriBuilder(signed) { BlobName = blobName };
        return builder.ToUri();
    }

    private static async Task<int> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return 200;
        }
        catch (RequestFailedException e)
        {
            return e.Status;
        }
    }
}
