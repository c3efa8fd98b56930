namespace SafeguardingIngest.Disclosure;

/// <summary>
/// An indicator whose plan could not be shown safe figure by figure, so the published outputs hide its whole
/// breakdown (every csv cell and locality figure) and keep only those of the area's figures that are safe alone.
/// </summary>
/// <param name="Indicator">The indicator's code.</param>
/// <param name="Reason">Why the audit could not pass it.</param>
public sealed record DisclosureFallback(string Indicator, FallbackReason Reason);
