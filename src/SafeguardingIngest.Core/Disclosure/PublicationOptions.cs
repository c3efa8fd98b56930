namespace SafeguardingIngest.Disclosure;

/// <summary>
/// How published outputs (the web page and the csv) protect small numbers (configuration section "Publication").
/// </summary>
public sealed class PublicationOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Publication";

    /// <summary>Counts from 1 up to one below this are suppressed. Default 5, so 1 to 4 are hidden.</summary>
    public int SmallCountThreshold { get; set; } = 5;

    /// <summary>
    /// What a suppressed figure shows: the government statistics symbol "c" (confidential). Default "c".
    /// </summary>
    public string Symbol { get; set; } = "c";

    /// <summary>
    /// How long one indicator's disclosure plan may take, in seconds, before the plan hides the indicator's
    /// whole breakdown instead (docs/disclosure.md). Default 30; more than 0, at most 600.
    /// </summary>
    public double AuditSecondsPerIndicator { get; set; } = 30;
}
