using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Storage.Tests;

/// <summary>
/// The pipeline as a host would build it (AddSafeguardingIngest), on Azurite, under a name prefix
/// of its own, with the sample reference data published and a fake clock.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PipelineHarness(ServiceProvider services, FaultInjection faults, FakeTimeProvider clock)
    {
        _services = services;
        Faults = faults;
        Clock = clock;
    }

    public FaultInjection Faults { get; }

    public FakeTimeProvider Clock { get; }

    public IngestReturn Ingest => _services.GetRequiredService<IngestReturn>();

    public SafeguardingIngest.Storage.Access.AgencyAccess Access => _services.GetRequiredService<SafeguardingIngest.Storage.Access.AgencyAccess>();

    public SafeguardingIngest.Compilation.CompileQuarterlyReturn Compile => _services.GetRequiredService<SafeguardingIngest.Compilation.CompileQuarterlyReturn>();

    public ISubmissionRecords Records => _services.GetRequiredService<ISubmissionRecords>();

    public IPeriodReader Reader => _services.GetRequiredService<IPeriodReader>();

    public LoadCleanup Cleanup => _services.GetRequiredService<LoadCleanup>();

    public IReturnFiles Files => _services.GetRequiredService<IReturnFiles>();

    public IPartnershipSource Reference => _services.GetRequiredService<IPartnershipSource>();

    public StorageNames Names => _services.GetRequiredService<StorageNames>();

    public BlobServiceClient Blobs => _services.GetRequiredService<BlobServiceClient>();

    public TableServiceClient Tables => _services.GetRequiredService<TableServiceClient>();

    public static async Task<PipelineHarness> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    {
        var prefix = AzuriteFixture.NewPrefix();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:NamePrefix"] = prefix,
            ["Storage:ReferenceRefreshSeconds"] = "0",
        }.Concat(settings ?? new Dictionary<string, string?>())).Build();
        var faults = new FaultInjection();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 10, 20, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddSafeguardingIngest(configuration, (blob, table) =>
            {
                // Faults are injected per call, before the client's own retries, so they surface as an outage would.
                table.AddPolicy(faults, HttpPipelinePosition.PerCall);
                blob.AddPolicy(faults, HttpPipelinePosition.PerCall);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var harness = new PipelineHarness(services, faults, clock);
        await services.GetRequiredService<StorageLayout>().EnsureCreatedAsync(CancellationToken.None);
        await using var reference = File.OpenRead(Samples.PartnershipPath);
        await harness.Reference.PublishAsync(reference, CancellationToken.None);
        return harness;
    }

    /// <summary>
    /// Waits for the wall clock's next second. Without blob versions (Azurite) an upload's arrival is
    /// its last-modified second, then its ETag: a test that needs one upload to arrive after another
    /// waits for the next second between them, as two people's uploads would be apart.
    /// </summary>
    public static Task NextSecondAsync() => Task.Delay(1000 - DateTimeOffset.UtcNow.Millisecond + 50);

    /// <summary>Uploads <paramref name="workbook"/> as an agency would, and returns its blob name.</summary>
    public async Task<string> UploadAsync(TestWorkbook workbook, string agency, ReportingPeriod period, string fileName = "return.xlsx")
    {
        using var content = workbook.ToStream();
        return await UploadAsync(content, UploadPath.For(agency, period, fileName));
    }

    public async Task<string> UploadAsync(Stream content, string blobName)
    {
        await Files.UploadAsync(blobName, content, CancellationToken.None);
        return blobName;
    }

    public async Task<List<string>> ListAsync(string container)
    {
        var names = new List<string>();
        await foreach (var blob in Blobs.GetBlobContainerClient(container).GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public async Task<int> CountRowsAsync(ReportingPeriod period)
    {
        var count = 0;
        await foreach (var _ in Tables.GetTableClient(Names.Observations).QueryAsync<TableEntity>(e => e.PartitionKey == period.Key, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var container in Names.Containers)
        {
            await Blobs.GetBlobContainerClient(container).DeleteIfExistsAsync();
        }

        foreach (var table in Names.Tables)
        {
            await Tables.DeleteTableAsync(table);
        }

        await _services.DisposeAsync();
    }
}
