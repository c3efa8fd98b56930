namespace SafeguardingIngest.Disclosure;

/// <summary>
/// How long one indicator's plan may take (read from <paramref name="Time"/>; infinite for no cap), and the
/// cap on each linear program's pivots (<see cref="LinearRanges.PivotsPerSize"/> per unknown and equation).
/// </summary>
internal sealed record AuditLimits(
    TimeProvider Time,
    TimeSpan PerIndicator,
    int PivotsPerSize = LinearRanges.PivotsPerSize)
{
    /// <summary>No time cap; the usual pivot cap.</summary>
    public static AuditLimits Unhurried { get; } = new(TimeProvider.System, Timeout.InfiniteTimeSpan);

    /// <summary>The limits <paramref name="publication"/> sets, timed by <paramref name="time"/>.</summary>
    public static AuditLimits Of(PublicationOptions publication, TimeProvider time) =>
        new(time, TimeSpan.FromSeconds(publication.AuditSecondsPerIndicator));

    /// <summary>Whether an indicator whose plan began at <paramref name="started"/> has had its time.</summary>
    public bool Overdue(DateTimeOffset started) =>
        PerIndicator != Timeout.InfiniteTimeSpan && Time.GetUtcNow() - started > PerIndicator;
}
