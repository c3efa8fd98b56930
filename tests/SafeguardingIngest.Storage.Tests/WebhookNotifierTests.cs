using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SafeguardingIngest.Notifications;

namespace SafeguardingIngest.Storage.Tests;

/// <summary>
/// The notifier as both hosts compose it, its client's transport replaced by a fake webhook: nothing leaves
/// this process, and the resilience handler the composition adds is the one under test.
/// </summary>
public sealed class WebhookNotifierTests
{
    private static readonly Notification s_message = new("compiled", "2025-26 Q2 compiled", "Ready.", []);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    public async Task Notify_WebhookAnswers503ThenOk_IsRetriedAndDelivered(int timeoutSeconds)
    {
        var hook = new FakeWebhook(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        var logs = new RecordedLogs();
        using var services = Compose(hook, logs, timeoutSeconds);

        await services.GetRequiredService<INotifier>().NotifyAsync(s_message, CancellationToken.None);

        Assert.Equal(2, hook.Requests);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 4000);
    }

    [Fact]
    public async Task Notify_LongestTimeoutAllowed_IsAcceptedByTheHandler()
    {
        // 120 s, the most Notify:TimeoutSeconds allows: the handler's own checks (a try no longer than the whole,
        // the breaker sampling two tries, the pauses within the whole) pass, so the message goes.
        var hook = new FakeWebhook(HttpStatusCode.OK);
        var logs = new RecordedLogs();
        using var services = Compose(hook, logs, timeoutSeconds: 120);

        await services.GetRequiredService<INotifier>().NotifyAsync(s_message, CancellationToken.None);

        Assert.Equal(1, hook.Requests);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 4000);
    }

    [Fact]
    public async Task Notify_WebhookAlways503_GivesUpAfterTwoRetriesAndLogsWithoutThrowing()
    {
        var hook = new FakeWebhook(HttpStatusCode.ServiceUnavailable);
        var logs = new RecordedLogs();
        using var services = Compose(hook, logs, timeoutSeconds: 2);

        await services.GetRequiredService<INotifier>().NotifyAsync(s_message, CancellationToken.None);

        // One try and two retries; the work the message reports is done, so the failure is a warning only.
        Assert.Equal(3, hook.Requests);
        var warning = Assert.Single(logs.Entries, e => e.EventId == 4000);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("answered 503", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hooks.example", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_WebhookThatNeverAnswers_GivesUpWithinTheTimeoutWithoutThrowing()
    {
        var hook = new FakeWebhook(hangs: true);
        var logs = new RecordedLogs();
        using var services = Compose(hook, logs, timeoutSeconds: 2);
        var clock = Stopwatch.StartNew();

        await services.GetRequiredService<INotifier>().NotifyAsync(s_message, CancellationToken.None);

        // Each try has half of the 2 s, so the whole is cut off at 2 s, after the second try began.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.InRange(hook.Requests, 2, 3);
        Assert.Single(logs.Entries, e => e.EventId == 4000);
    }

    [Fact]
    public async Task Notify_CallerCancels_IsCancelledNotLogged()
    {
        var hook = new FakeWebhook(hangs: true);
        var logs = new RecordedLogs();
        using var services = Compose(hook, logs, timeoutSeconds: 10);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => services.GetRequiredService<INotifier>().NotifyAsync(s_message, stop.Token));

        Assert.DoesNotContain(logs.Entries, e => e.EventId == 4000);
    }

    private static ServiceProvider Compose(FakeWebhook hook, RecordedLogs logs, int timeoutSeconds)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["Notify:WebhookUrl"] = "https://hooks.example/board",
                ["Notify:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));
        services.AddSafeguardingIngest(configuration);
        services.AddHttpClient(WebhookNotifier.ClientName).ConfigurePrimaryHttpMessageHandler(() => hook);
        return services.BuildServiceProvider(
            new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>
    /// A webhook that answers each request with the next status given (the last one repeating), or never.
    /// </summary>
    private sealed class FakeWebhook(params HttpStatusCode[] answers) : HttpMessageHandler
    {
        private readonly bool _hangs;
        private int _requests;

        public FakeWebhook(bool hangs)
            : this(HttpStatusCode.OK) => _hangs = hangs;

        public int Requests => Volatile.Read(ref _requests);

        protected override async Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _requests);
            if (_hangs)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            Assert.Equal(HttpMethod.Post, request.Method);
            return new HttpResponseMessage(answers[Math.Min(n, answers.Length) - 1]);
        }
    }
}
