using System.Text.Json;
using Azure.Storage.Blobs;
using SafeguardingIngest.Storage;

namespace SafeguardingIngest.Cli.Tests.Commands;

/// <summary>`sgi watch` on Azurite: an upload by the Azure SDK, as Storage Explorer or the CLI would make it, is
/// ingested within seconds.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WatchCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task WatchOnce_UploadAFolderTooShallow_IsQuarantinedWithFeedbackAsInAzure()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var names = new StorageNames(prefix);
        var storage = new[] { "--connection", azurite.ConnectionString, "--storage-prefix", prefix };
        Assert.Equal(0, (await SgiRunner.RunAsync(["watch", "--once", .. storage])).Exit);
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        await blobs.GetBlobContainerClient(names.Returns).GetBlobClient("CSC/csc-good-libreoffice.xlsx")
            .UploadAsync(SgiRunner.TestData("csc-good-libreoffice.xlsx"));

        var (exit, output, _) = await SgiRunner.RunAsync(["watch", "--once", .. storage]);

        // The same path rule as the blob trigger: refused, kept under _unattributed/, feedback for CSC to read.
        Assert.Equal(1, exit);
        Assert.Contains("1 upload ingested.", output, StringComparison.Ordinal);
        var quarantined = blobs.GetBlobContainerClient(names.Quarantine).GetBlobsAsync();
        await foreach (var item in quarantined)
        {
            Assert.StartsWith("_unattributed/unknown/", item.Name, StringComparison.Ordinal);
        }

        var feedback = new List<string>();
        await foreach (var item in blobs.GetBlobContainerClient(names.Feedback).GetBlobsAsync())
        {
            feedback.Add(item.Name);
        }

        Assert.Equal(2, feedback.Count(n => n.StartsWith("CSC/unknown/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Watch_UploadByTheSdk_IsIngestedWithinSecondsAndLeavesFeedback()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var names = new StorageNames(prefix);
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var watching = SgiApp.RunAsync(
            ["watch", "--interval", "0.5", "--connection", azurite.ConnectionString, "--storage-prefix", prefix],
            CliConsole.Plain(output, error), stop.Token);

        // Once the watcher has laid out storage, an agency uploads with the SDK alone.
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var returns = blobs.GetBlobContainerClient(names.Returns);
        await Until(async () => (await returns.ExistsAsync()).Value, TimeSpan.FromSeconds(60));
        await returns.GetBlobClient("CSC/2025-26-Q2/csc-good-libreoffice.xlsx").UploadAsync(
            SgiRunner.TestData("csc-good-libreoffice.xlsx"));
        var uploaded = DateTimeOffset.UtcNow;

        var feedback = blobs.GetBlobContainerClient(names.Feedback);
        string? json = null;
        await Until(async () =>
        {
            await foreach (var item in feedback.GetBlobsAsync(
                Azure.Storage.Blobs.Models.BlobTraits.None,
                Azure.Storage.Blobs.Models.BlobStates.None,
                "CSC/2025-26-Q2/",
                CancellationToken.None))
            {
                if (item.Name.EndsWith(".json", StringComparison.Ordinal))
                {
                    json = (await feedback.GetBlobClient(item.Name).DownloadContentAsync()).Value.Content.ToString();
                    return true;
                }
            }

            return false;
        }, TimeSpan.FromSeconds(30));
        var took = DateTimeOffset.UtcNow - uploaded;

        // The feedback is written before the run's last steps; the line is printed once the run is over.
        await Until(
            () => Task.FromResult(
                output.ToString().Contains("CSC 2025-26 Q2: Accepted as submission", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        var exit = await watching;

        Assert.True(took < TimeSpan.FromSeconds(15), $"feedback after {took.TotalSeconds:0.0} s");
        using var document = JsonDocument.Parse(json!);
        Assert.Equal("Accepted", document.RootElement.GetProperty("status").GetString());
        Assert.Empty(returns.GetBlobs());
        Assert.Equal(0, exit);
        Assert.Contains("CSC 2025-26 Q2: Accepted as submission", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_Once_IngestsWhatIsWaitingAndStops()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var storage = new[] { "--connection", azurite.ConnectionString, "--storage-prefix", prefix };
        var returns = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(
            new StorageNames(prefix).Returns);
        await returns.CreateIfNotExistsAsync();
        await returns.GetBlobClient("EDU/2025-26-Q2/return.xls").UploadAsync(
            SgiRunner.TestData("edu-formula-errors-libreoffice.xls"));

        var (exit, output, _) = await SgiRunner.RunAsync(["watch", "--once", .. storage]);

        Assert.Equal(1, exit);
        Assert.Contains("EDU 2025-26 Q2: Refused with 2 errors", output, StringComparison.Ordinal);
        Assert.Contains("1 upload ingested.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchOnce_WeekdaySchedule_IsAcceptedAsTheHostAcceptsIt()
    {
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };

        var (exit, output, error) = await SgiRunner.RunAsync(
            ["watch", "--once", "--compile-schedule", "0 30 9 * * MON-FRI", .. storage]);

        Assert.True(exit == 0, error);
        Assert.Contains("0 uploads ingested.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_MisspeltDayInSchedule_NamesItAndTheDaysAndExits2()
    {
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };

        var (exit, _, error) = await SgiRunner.RunAsync(
            ["watch", "--once", "--compile-schedule", "0 30 9 * * MON-FIR", .. storage]);

        Assert.Equal(2, exit);
        Assert.Contains("--compile-schedule: '0 30 9 * * MON-FIR'", error, StringComparison.Ordinal);
        Assert.Contains("'FIR' is not a known value name", error, StringComparison.Ordinal);
        Assert.Contains("Monday", error, StringComparison.Ordinal);
    }

    private static async Task Until(Func<Task<bool>> done, TimeSpan limit)
    {
        var deadline = DateTimeOffset.UtcNow + limit;
        while (!await done())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"not done within {limit.TotalSeconds} s");
            await Task.Delay(200);
        }
    }
}
