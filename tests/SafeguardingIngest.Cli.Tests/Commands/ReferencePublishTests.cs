namespace SafeguardingIngest.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class ReferencePublishTests(AzuriteFixture azurite) : IDisposable
{
    private readonly SgiRunner _sgi = new();

    [Fact]
    public async Task Publish_ChangeToAReleasedQuarter_IsRefusedUnlessForced()
    {
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };
        var released = await SgiRunner.RunAsync(["compile", "--period", "2025-26 Q2", .. storage]);
        Assert.True(released.Exit == 0, released.Error);

        // NEG06 retired a year early: 2025-26 Q2, released with it, would lose it.
        var moved = _sgi.PathOf("partnership.json");
        var sample = await File.ReadAllTextAsync(Samples.PartnershipPath);
        await File.WriteAllTextAsync(
            moved,
            sample.Replace("\"until\": \"2025-26\",", "\"until\": \"2024-25\",", StringComparison.Ordinal));
        Assert.NotEqual(sample, await File.ReadAllTextAsync(moved));

        var refused = await SgiRunner.RunAsync(
            ["submissions", "--period", "2025-26 Q2", "--reference", moved, .. storage]);
        var forced = await SgiRunner.RunAsync(
            ["submissions", "--period", "2025-26 Q2", "--reference", moved, "--force-reference", .. storage]);

        Assert.Equal(2, refused.Exit);
        Assert.Contains("2025-26 Q2: no longer indicator NEG06 owed by CSC", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force-reference", refused.Error, StringComparison.Ordinal);
        Assert.True(forced.Exit == 0, forced.Error);
        Assert.Contains("Published reference data", forced.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _sgi.Dispose();
}
