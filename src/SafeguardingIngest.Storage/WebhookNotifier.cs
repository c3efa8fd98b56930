using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using SafeguardingIngest.Notifications;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Posts each notification to the incoming webhook as JSON: {kind, title, text, facts: [{name, value}]}.
/// A webhook that is down or slow is logged, never thrown: the compile or ingest it reports is done.
/// </summary>
public sealed partial class WebhookNotifier(HttpClient http, NotifyOptions options, ILogger<WebhookNotifier> logger) : INotifier
{
    /// <inheritdoc />
    public async Task NotifyAsync(Notification notification, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        try
        {
            var body = new
            {
                kind = notification.Kind,
                title = notification.Title,
                text = notification.Text,
                facts = notification.Facts.Select(f => new { name = f.Name, value = f.Value }),
            };
            using var response = await http.PostAsJsonAsync(new Uri(options.WebhookUrl!), body, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                NotDelivered(logger, notification.Kind, $"the webhook answered {(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException e)
        {
            NotDelivered(logger, notification.Kind, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            NotDelivered(logger, notification.Kind, $"no answer within {options.TimeoutSeconds} s");
        }
    }

    // The URL is a secret: it is never logged.
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "The {Kind} notification was not delivered: {Reason}")]
    private static partial void NotDelivered(ILogger logger, string kind, string reason);
}
