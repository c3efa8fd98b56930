namespace SafeguardingIngest.Disclosure;

/// <summary>Why an indicator's plan fell back to hiding its whole breakdown.</summary>
public enum FallbackReason
{
    /// <summary>A small figure stayed pinned after repair: no figure left to hide would free it.</summary>
    StillPinned,

    /// <summary>A linear program of the audit reached its pivot cap unfinished.</summary>
    PivotCap,

    /// <summary>The plan took longer than <see cref="PublicationOptions.AuditSecondsPerIndicator"/>.</summary>
    TimeCap,
}
