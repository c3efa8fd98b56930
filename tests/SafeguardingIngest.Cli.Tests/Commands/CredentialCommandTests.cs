namespace SafeguardingIngest.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class CredentialCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Credential_PrintsAnUploadLinkThatWorksForTheAgencysOwnFile()
    {
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };

        var (exit, output, error) = await SgiRunner.RunAsync(
            [
                "credential",
                "--agency",
                "pol",
                "--period",
                "2025-26 Q2",
                "--file",
                "q2.xlsx",
                "--minutes",
                "15",
                .. storage]);

        Assert.True(exit == 0, error);
        var line = output.Split('\n').Single(l => l.TrimStart().StartsWith("curl -X PUT", StringComparison.Ordinal));
        var url = new Uri(line[(line.LastIndexOf(" \"", StringComparison.Ordinal) + 2)..].TrimEnd('"', '\r'));
        Assert.EndsWith("/POL/2025-26-Q2/q2.xlsx", url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("sp=cw", url.Query, StringComparison.Ordinal);
        await new Azure.Storage.Blobs.BlobClient(url).UploadAsync(BinaryData.FromString("a return"));

        // The page link has no space or other character an email program would cut it at.
        var page = output
            .Split('\n')
            .Select(l => l.Trim())
            .Single(l => l.Contains("upload.html#", StringComparison.Ordinal));
        Assert.DoesNotContain(" ", page, StringComparison.Ordinal);
        Assert.Contains(
            "agencyName=Staffordshire%20Police&period=2025-26%20Q2&due=30%20October%202025",
            page,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credential_AgencyWithEarlierFeedback_PrintsTheUploadLinkAndOneFeedbackLink()
    {
        string[] storage = ["--connection", azurite.ConnectionString, "--storage-prefix", AzuriteFixture.NewPrefix()];
        var earlier = await SgiRunner.RunAsync(
            ["ingest", SgiRunner.TestData("pol-messy-libreoffice.xlsx"), "--agency", "POL", "--period", "2025-26 Q2",
                .. storage]);
        Assert.True(earlier.Exit == 0, earlier.Out + earlier.Error);

        var (exit, output, error) = await SgiRunner.RunAsync(
            ["credential", "--agency", "POL", "--period", "2025-26 Q2", "--file", "q2.xlsx", .. storage]);

        Assert.True(exit == 0, error);
        var links = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("http", StringComparison.Ordinal)
            || l.StartsWith("file:", StringComparison.Ordinal)).ToList();

        // The upload page's link and the feedback on this upload; the earlier return's feedback is not listed.
        Assert.Equal(2, links.Count);
        Assert.Contains("upload.html#", links[0], StringComparison.Ordinal);
        var feedback = new Uri(links[1]);
        Assert.EndsWith("/POL/2025-26-Q2/uploads/q2.xlsx.html", feedback.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("sp=r", feedback.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credential_FileNameWithAFolder_ExitsTwo()
    {
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };

        var (exit, _, error) = await SgiRunner.RunAsync(
            ["credential", "--agency", "POL", "--period", "2025-26 Q2", "--file", "../CSC/x.xlsx", .. storage]);

        Assert.Equal(2, exit);
        Assert.Contains("is not a file name", error, StringComparison.Ordinal);
    }
}
