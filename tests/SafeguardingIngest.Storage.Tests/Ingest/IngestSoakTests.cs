using SafeguardingIngest.Soak;

namespace SafeguardingIngest.Storage.Tests.Ingest;

/// <summary>
/// A small seeded round of the ingest soak (tests/SafeguardingIngest.Soak): overlapping uploads on
/// two hosts with storage faults everywhere, then the end state against the plan. The soak's own
/// program runs it for longer.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestSoakTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(20261125)]
    [InlineData(8)]
    public async Task RunAsync_SeededRoundWithFaults_LastAcceptedUploadStandsWholeAndAlone(int seed)
    {
        var report = await IngestSoak.RunAsync(azurite.ConnectionString, new SoakOptions(seed, Agencies: 4, Periods: 2, UploadsPerAgency: 4, FaultRate: 0.06), CancellationToken.None);

        Assert.True(report.Passed, report.ToString());
        Assert.True(report.Faults > 0, report.ToString());
        Assert.True(report.Reads > 0, report.ToString());
    }
}
