namespace SafeguardingIngest.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class CompileCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Compile_QuarterNotEnded_IsRefusedWithExitTwoUnlessForcedAsAProvisionalRelease()
    {
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };

        var refused = await SgiRunner.RunAsync(["compile", "--period", "2099-00 Q1", .. storage]);
        var forced = await SgiRunner.RunAsync(["compile", "--period", "2099-00 Q1", "--force", .. storage]);

        Assert.Equal(2, refused.Exit);
        Assert.Contains("2099-00 Q1 has not ended: it runs to 30 June 2099", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.Exit);
        Assert.Contains(
            "publications/2099-00-Q1/releases/1/consolidated-return.html",
            forced.Out.ReplaceLineEndings(""),
            StringComparison.Ordinal);
        Assert.Contains("Wrote 2099-00 Q1 release 1 (provisional)", forced.Out, StringComparison.Ordinal);
    }
}
