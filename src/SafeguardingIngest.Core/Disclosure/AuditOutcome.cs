namespace SafeguardingIngest.Disclosure;

/// <summary>
/// What <see cref="CellSuppression"/> decided: the figures to hide and, where it could not reach a pattern
/// its audit passes, why (null where it did). An unsafe outcome's figures must not be published as they stand.
/// </summary>
internal sealed record AuditOutcome(HashSet<int> Hidden, FallbackReason? Unsafe);
