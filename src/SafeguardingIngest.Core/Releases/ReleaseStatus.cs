namespace SafeguardingIngest.Releases;

/// <summary>Whether a release's figures can still change because its quarter has not ended.</summary>
public enum ReleaseStatus
{
    /// <summary>Compiled before its quarter ended (a forced compile): figures so far, and they will change.</summary>
    Provisional,

    /// <summary>
    /// Compiled after its quarter ended; a later release replaces it only when a return is resubmitted.
    /// </summary>
    Published,
}
