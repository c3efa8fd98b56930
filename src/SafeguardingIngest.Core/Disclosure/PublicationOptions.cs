namespace SafeguardingIngest.Disclosure;

/// <summary>How published outputs (the web page and the csv) protect small numbers (configuration section "Publication").</summary>
public sealed class PublicationOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Publication";

    /// <summary>Counts from 1 up to one below this are suppressed. Default 5, so 1 to 4 are hidden.</summary>
    public int SmallCountThreshold { get; set; } = 5;

    /// <summary>What a suppressed figure shows: the government statistics symbol "c" (confidential). Default "c".</summary>
    public string Symbol { get; set; } = "c";
}
