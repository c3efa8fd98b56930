using Azure.Data.Tables;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Storage;

namespace SafeguardingIngest.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class SweepCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Sweep_RowsOfARunThatDiedTwoHoursAgo_AreRemovedAndCounted()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var storage = new[] { "--connection", azurite.ConnectionString, "--storage-prefix", prefix };

        // A run that started two hours ago, wrote three rows and never switched (its host died).
        var tables = new TableServiceClient(azurite.ConnectionString);
        var names = new StorageNames(prefix);
        await tables.CreateTableIfNotExistsAsync(names.Submissions);
        await tables.CreateTableIfNotExistsAsync(names.Observations);
        var records = new TableSubmissionRecords(tables, names);
        var load = await records.StartLoadAsync(
            Samples.Q2,
            "POL",
            "died",
            DateTimeOffset.UtcNow.AddHours(-2),
            CancellationToken.None);
        var rows = Enumerable.Range(1, 3)
            .Select(
                i => new Observation(
                    Samples.Q2,
                    "POL",
                    $"DA0{i}",
                    "ALL",
                    i,
                    null,
                    i,
                    IndicatorUnit.Count,
                    null,
                    $"Indicators!G{i + 1}"))
            .ToList();
        await new TableRowWriter(tables, names, new StorageOptions()).WriteRowsAsync(
            load,
            rows,
            [],
            [],
            CancellationToken.None);

        var recent = await SgiRunner.RunAsync(["sweep", "--older-than", "180", .. storage]);
        var swept = await SgiRunner.RunAsync(["sweep", .. storage]);
        var refused = await SgiRunner.RunAsync(["sweep", "--older-than", "0", .. storage]);

        // The function timeout is 10 minutes and the margin 5: 15 could still be a live run's age.
        var tooSoon = await SgiRunner.RunAsync(["sweep", "--older-than", "15", .. storage]);

        Assert.Equal(0, recent.Exit);
        Assert.Contains("Removed 0 rows of 0 dead loads", recent.Out, StringComparison.Ordinal);
        Assert.Equal(0, swept.Exit);
        Assert.Contains(
            "Removed 3 rows of 1 dead loads (1 of runs that never finished)",
            swept.Out,
            StringComparison.Ordinal);
        Assert.Empty(tables.GetTableClient(names.Observations).Query<TableEntity>());
        Assert.Equal(2, refused.Exit);
        Assert.Contains("--older-than", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, tooSoon.Exit);
        Assert.StartsWith("sgi: --older-than must be 16 minutes or more", tooSoon.Error, StringComparison.Ordinal);
    }
}
