namespace SafeguardingIngest.Notifications;

/// <summary>One fact of a notification, such as ("Returns missing", "CAFCASS, EDU").</summary>
public sealed record NotificationFact(string Name, string Value);

/// <summary>
/// A short message for the performance team: what happened (<see cref="Kind"/>: compiled, refused or
/// overdue), a title, a sentence, and facts. It carries counts, agencies and where things are, never
/// an indicator's figure, so it can say nothing the published page would suppress.
/// </summary>
public sealed record Notification(string Kind, string Title, string Text, IReadOnlyList<NotificationFact> Facts);

/// <summary>Where notifications go: an incoming webhook, or nowhere (the default).</summary>
public interface INotifier
{
    /// <summary>
    /// Sends <paramref name="notification"/>; a failure to deliver is logged, never thrown, since the work it reports
    /// is done.
    /// </summary>
    Task NotifyAsync(Notification notification, CancellationToken cancellationToken);
}

/// <summary>The notifier when no webhook is set: notifications are off.</summary>
public sealed class NoNotifier : INotifier
{
    /// <inheritdoc />
    public Task NotifyAsync(Notification notification, CancellationToken cancellationToken) => Task.CompletedTask;
}
