using System.Text.Json;
using SafeguardingIngest.Notifications;

namespace SafeguardingIngest.Storage.Tests.Compilation;

/// <summary>The performance team hears, at an incoming webhook (here a listener on loopback), when the return is
/// ready.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NotificationTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task Run_RefusedReturn_TellsTheWebhookWhoseAndWhereTheFeedbackIs()
    {
        await using var hook = new WebhookListener();
        await using var pipeline = await PipelineHarness.StartAsync(
            azurite,
            new Dictionary<string,
            string?> { ["Notify:WebhookUrl"] = hook.Url });

        var outcome = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("POL").Set("Indicators", "G4", "n/a"), "POL", Samples.Q2),
            s_none);

        var message = await hook.NextAsync();
        Assert.Equal("refused", message.GetProperty("kind").GetString());
        Assert.Equal("Return from POL for 2025-26 Q2 refused", message.GetProperty("title").GetString());
        var facts = Facts(message);
        Assert.Equal("1", facts["Errors"]);
        Assert.Equal($"feedback/{outcome.Submission!.FeedbackPath}.html", facts["Feedback"]);
    }

    [Fact]
    public async Task RunScheduled_DayAfterTheDueDate_TellsTheCompileAndWhichReturnsAreOverdueButNoFigure()
    {
        await using var hook = new WebhookListener();
        await using var pipeline = await PipelineHarness.StartAsync(
            azurite,
            new Dictionary<string,
            string?> { ["Notify:WebhookUrl"] = hook.Url });

        // Police return a count of 3 (a small count the page suppresses) on time; nobody else returns.
        await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("POL").Set("Indicators", "G4", 3), "POL", Samples.Q2),
            s_none);

        // 2025-26 Q2 was due on 30 October 2025; the 06:00 run on 31 October (GMT) compiles it.
        pipeline.Clock.SetUtcNow(new DateTimeOffset(2025, 10, 31, 6, 0, 0, TimeSpan.Zero));
        await pipeline.Compile.RunScheduledAsync(s_none);

        var compiled = await hook.NextAsync();
        var overdue = await hook.NextAsync();
        Assert.Equal("compiled", compiled.GetProperty("kind").GetString());
        Assert.Equal("2025-26 Q2", Facts(compiled)["Period"]);
        Assert.Contains(
            "publications/2025-26-Q2/releases/1/consolidated-return.html",
            Facts(compiled)["Reports"],
            StringComparison.Ordinal);
        Assert.StartsWith("1 (published)", Facts(compiled)["Release"], StringComparison.Ordinal);
        Assert.Equal("overdue", overdue.GetProperty("kind").GetString());
        Assert.Contains("Children's Social Care", Facts(overdue)["Outstanding"], StringComparison.Ordinal);
        Assert.DoesNotContain("Staffordshire Police", Facts(overdue)["Outstanding"], StringComparison.Ordinal);

        // Counts of returns and agencies only: the small count appears nowhere.
        Assert.DoesNotContain(
            ":3",
            compiled.GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal),
            StringComparison.Ordinal);
        Assert.DoesNotContain("DA02", compiled.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_NoWebhookSet_IsOff()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);

        Assert.IsType<NoNotifier>(pipeline.Get<INotifier>());
    }

    [Fact]
    public async Task Compile_WebhookDown_StillWritesTheReports()
    {
        string url;
        await using (var gone = new WebhookListener())
        {
            url = gone.Url;
        }

        await using var pipeline = await PipelineHarness.StartAsync(
            azurite,
            new Dictionary<string,
            string?> { ["Notify:WebhookUrl"] = url, ["Notify:TimeoutSeconds"] = "2" });

        // The webhook's retries pause on the host's clock, here the test's fake one: move it on until the
        // compile is done, as real time would.
        var compiling = pipeline.Compile.CompileAsync(Samples.Q2, s_none);
        while (!compiling.IsCompleted)
        {
            pipeline.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        var outcome = await compiling;

        // The five files of the release and its manifest.
        Assert.Equal(6, outcome.Written.Count);
    }

    private static Dictionary<string, string> Facts(JsonElement message) =>
        message
            .GetProperty("facts")
            .EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);
}
