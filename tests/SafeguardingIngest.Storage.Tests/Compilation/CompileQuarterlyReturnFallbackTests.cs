using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SafeguardingIngest.Storage.Tests.Compilation;

/// <summary>A compile whose disclosure plan falls back on an indicator says so in a warning of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CompileQuarterlyReturnFallbackTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CompileAsync_PlanOverItsTimeCap_WarnsOncePerIndicatorWithEventId3100()
    {
        var logs = new RecordedLogs();
        var settings = new Dictionary<string, string?> { ["Publication:AuditSecondsPerIndicator"] = "1" };
        await using var pipeline = await PipelineHarness.StartAsync(
            azurite,
            settings,
            services => services.AddSingleton<ILoggerProvider>(logs));
        var upload = await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2);
        await pipeline.Ingest.RunAsync(upload, CancellationToken.None);
        // From here each reading of the clock moves it on two seconds: every indicator's plan is past its one.
        pipeline.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(2);

        var outcome = await pipeline.Compile.CompileAsync(Samples.Q2, CancellationToken.None, notify: false);

        var warnings = logs.Entries.Where(e => e.EventId == 3100).ToList();
        Assert.Equal(outcome.Report.Indicators.Count, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(LogLevel.Warning, w.Level));
        Assert.Contains(warnings, w => w.Message.Contains("DA02 could not pass (TimeCap)", StringComparison.Ordinal));
    }
}
