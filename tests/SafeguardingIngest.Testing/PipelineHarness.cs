using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Storage;

namespace SafeguardingIngest.Testing;

/// <summary>
/// The pipeline as a host would build it (AddSafeguardingIngest), on Azurite, under a name prefix
/// of its own, with the sample reference data published (or other reference data) and a fake
/// clock. <see cref="AnotherInstanceAsync"/> builds a second host on the same storage, as a
/// scaled-out Functions app runs two instances.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IConfiguration _configuration;
    private readonly bool _ownsStorage;

    private PipelineHarness(
        ServiceProvider services,
        IConfiguration configuration,
        FaultInjection faults,
        RequestRecorder recorder,
        FakeTimeProvider clock,
        bool ownsStorage)
    {
        _services = services;
        Recorder = recorder;
        _configuration = configuration;
        Faults = faults;
        Clock = clock;
        _ownsStorage = ownsStorage;
    }

    public FaultInjection Faults { get; }

    /// <summary>Every storage request this host sends, once enabled.</summary>
    public RequestRecorder Recorder { get; }

    public FakeTimeProvider Clock { get; }

    public IngestReturn Ingest => _services.GetRequiredService<IngestReturn>();

    public Storage.Access.AgencyAccess Access => _services.GetRequiredService<Storage.Access.AgencyAccess>();

    public SafeguardingIngest.Compilation.CompileQuarterlyReturn Compile =>
        _services.GetRequiredService<SafeguardingIngest.Compilation.CompileQuarterlyReturn>();

    public ISubmissionRecords Records => _services.GetRequiredService<ISubmissionRecords>();

    public IPeriodReader Reader => _services.GetRequiredService<IPeriodReader>();

    public LoadCleanup Cleanup => _services.GetRequiredService<LoadCleanup>();

    public IReturnFiles Files => _services.GetRequiredService<IReturnFiles>();

    public IPartnershipSource Reference => _services.GetRequiredService<IPartnershipSource>();

    public StorageNames Names => _services.GetRequiredService<StorageNames>();

    public BlobServiceClient Blobs => _services.GetRequiredService<BlobServiceClient>();

    public TableServiceClient Tables => _services.GetRequiredService<TableServiceClient>();

    public static Task<PipelineHarness> StartAsync(
        AzuriteFixture azurite,
        IDictionary<string,
        string?>? settings = null,
        Action<IServiceCollection>? configure = null) =>
        StartAsync(azurite.ConnectionString, settings, configure, File.ReadAllBytes(Samples.PartnershipPath));

    /// <summary>A pipeline on the storage at <paramref name="connectionString"/>, with <paramref name="reference"/>
    /// published as its reference data.</summary>
    public static async Task<PipelineHarness> StartAsync(
        string connectionString,
        IDictionary<string,
        string?>? settings,
        Action<IServiceCollection>? configure,
        byte[] reference)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Storage:NamePrefix"] = AzuriteFixture.NewPrefix(),
            ["Storage:ReferenceRefreshSeconds"] = "0",
        }.Concat(settings ?? new Dictionary<string, string?>())).Build();
        var harness = Build(
            configuration,
            new FakeTimeProvider(new DateTimeOffset(2025, 10, 20, 9, 0, 0, TimeSpan.Zero)),
            configure,
            ownsStorage: true);
        await harness._services.GetRequiredService<StorageLayout>().EnsureCreatedAsync(CancellationToken.None);
        await harness.Reference.PublishAsync(new MemoryStream(reference), CancellationToken.None);
        return harness;
    }

    /// <summary>A second host on the same storage and clock, with faults of its own; disposing it leaves the
    /// storage.</summary>
    public Task<PipelineHarness> AnotherInstanceAsync(Action<IServiceCollection>? configure = null) =>
        Task.FromResult(Build(_configuration, Clock, configure, ownsStorage: false));

    private static PipelineHarness Build(
        IConfiguration configuration,
        FakeTimeProvider clock,
        Action<IServiceCollection>? configure,
        bool ownsStorage)
    {
        var faults = new FaultInjection();
        var recorder = new RequestRecorder();
        var collection = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(clock)
            .AddSafeguardingIngest(configuration, (blob, table) =>
            {
                // Faults are injected per call, before the client's own retries, so they surface as an outage would.
                table.AddPolicy(faults, HttpPipelinePosition.PerCall);
                blob.AddPolicy(faults, HttpPipelinePosition.PerCall);
                table.AddPolicy(recorder, HttpPipelinePosition.PerRetry);
                blob.AddPolicy(recorder, HttpPipelinePosition.PerRetry);
            });
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return new PipelineHarness(services, configuration, faults, recorder, clock, ownsStorage);
    }

    /// <summary>Resolves any service of the pipeline.</summary>
    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// Waits for the wall clock's next second. Without blob versions (Azurite) an upload's arrival is
    /// its last-modified second, then its ETag: a test that needs one upload to arrive after another
    /// waits for the next second between them, as two people's uploads would be apart.
    /// </summary>
    public static Task NextSecondAsync() => Task.Delay(1000 - DateTimeOffset.UtcNow.Millisecond + 50);

    /// <summary>Uploads <paramref name="workbook"/> as an agency would, and returns its blob name.</summary>
    public async Task<string> UploadAsync(
        TestWorkbook workbook,
        string agency,
        ReportingPeriod period,
        string fileName = "return.xlsx")
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

    /// <summary>
    /// The rows an accepted return without actions, risks or queries leaves: one a figure, and the row its
    /// figures are packed in for the next quarter's check on change.
    /// </summary>
    public static int RowsOfOneReturn(int figures) => figures + 1;

    public async Task<int> CountRowsAsync(ReportingPeriod period)
    {
        var count = 0;
        await foreach (var _ in Tables.GetTableClient(Names.Observations).QueryAsync<TableEntity>(
            e => e.PartitionKey == period.Key,
            select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ownsStorage)
        {
            await _services.DisposeAsync();
            return;
        }

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
