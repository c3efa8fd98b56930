namespace SafeguardingIngest.Storage;

/// <summary>
/// Where the performance team hears from the pipeline (configuration section "Notify"). Off unless a webhook is set.
/// </summary>
public sealed class NotifyOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Notify";

    /// <summary>
    /// An incoming-webhook URL (a Teams workflow, a Logic App, any HTTPS endpoint) that receives a JSON
    /// message when a quarter is compiled with changes, a return is refused, or a due date passes with
    /// returns outstanding. Default none: notifications are off. Treat it as a secret.
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Seconds to wait for the webhook before giving up (the work it reports is done either way). Default 10.
    /// </summary>
    public int TimeoutSeconds { get; set; } = 10;
}
