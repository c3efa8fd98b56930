using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Polly;
using SafeguardingIngest.Notifications;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Posts each notification to the incoming webhook as JSON: {kind, title, text, facts: [{name, value}]}, through
/// the <see cref="ClientName"/> client, whose standard resilience handler retries a transient failure within
/// Notify:TimeoutSeconds. A webhook that is down or slow is logged, never thrown: the compile or ingest it
/// reports is done.
/// </summary>
public sealed partial class WebhookNotifier(
    IHttpClientFactory clients,
    NotifyOptions options,
    ILogger<WebhookNotifier> logger) : INotifier
{
    /// <summary>The name the webhook's client is registered under with the HTTP client factory.</summary>
    public const string ClientName = "Notify";

    /// <inheritdoc />
    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken)
    {
        // A client per message, as the factory means its clients to be used: the notifier lives as long as the
        // host, and the factory's pooled handlers are renewed underneath it.
        var http = clients.CreateClient(ClientName);
        try
        {
            var body = new
            {
                kind = notification.Kind,
                title = notification.Title,
                text = notification.Text,
                facts = notification.Facts.Select(f => new { name = f.Name, value = f.Value }),
            };
            using var response = await http.PostAsJsonAsync(new Uri(options.WebhookUrl!), body, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                NotDelivered(logger, notification.Kind, $"the webhook answered {(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException e)
        {
            NotDelivered(logger, notification.Kind, e.Message);
        }
        catch (ExecutionRejectedException e)
        {
            // The resilience handler gave up: the total time ran out, or its circuit breaker is open.
            NotDelivered(logger, notification.Kind, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            NotDelivered(logger, notification.Kind, $"no answer within {options.TimeoutSeconds} s");
        }
    }

    // The URL is a secret: it is never logged.
    [LoggerMessage(
        EventId = 4000,
        Level = LogLevel.Warning,
        Message = "The {Kind} notification was not delivered: {Reason}")]
    private static partial void NotDelivered(ILogger logger, string kind, string reason);
}
