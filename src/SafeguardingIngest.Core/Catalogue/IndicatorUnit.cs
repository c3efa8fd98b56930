namespace SafeguardingIngest.Catalogue;

/// <summary>How an indicator's value is stored and worked out.</summary>
public enum IndicatorUnit
{
    /// <summary>A count: the value is the count itself.</summary>
    Count,

    /// <summary>A percentage: 100 × numerator / denominator.</summary>
    Percentage,

    /// <summary>A rate per 10,000 under-18s: 10,000 × count / population.</summary>
    RatePer10000,

    /// <summary>An average: sum / count.</summary>
    Average,
}
