using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SafeguardingIngest.Storage.Tests.Compilation;

/// <summary>
/// A compile whose reference data declares no geography writes its csv all the same, and warns once that the
/// statistics service's screener will refuse it; with the sample's geography it says nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CompileQuarterlyReturnGeographyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CompileAsync_ReferenceDataWithoutGeography_WarnsOnceWithEventId3101()
    {
        var logs = new RecordedLogs();
        await using var pipeline = await PipelineHarness.StartAsync(
            azurite.ConnectionString,
            settings: null,
            services => services.AddSingleton<ILoggerProvider>(logs),
            Samples.PartnershipWithoutGeography());
        var upload = await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2);
        await pipeline.Ingest.RunAsync(upload, CancellationToken.None);

        var outcome = await pipeline.Compile.CompileAsync(Samples.Q2, CancellationToken.None, notify: false);

        Assert.Contains(outcome.Release.Files, f => f.Name == "observations.csv");
        var warning = Assert.Single(logs.Entries, e => e.EventId == 3101);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.StartsWith("Compiling 2025-26-Q2 release 1: the reference data declares no geography", warning.Message,
            StringComparison.Ordinal);
        Assert.Contains("will not pass the explore education statistics screener", warning.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_SampleWithItsGeography_DoesNotWarn()
    {
        var logs = new RecordedLogs();
        await using var pipeline = await PipelineHarness.StartAsync(
            azurite,
            configure: services => services.AddSingleton<ILoggerProvider>(logs));
        var upload = await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2);
        await pipeline.Ingest.RunAsync(upload, CancellationToken.None);

        await pipeline.Compile.CompileAsync(Samples.Q2, CancellationToken.None, notify: false);

        Assert.DoesNotContain(logs.Entries, e => e.EventId == 3101);
    }
}
