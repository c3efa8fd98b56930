namespace SafeguardingIngest.Catalogue;

/// <summary>
/// LAIT's quartile banding: A is the best quarter of all areas whatever the polarity, D the worst. Lower is
/// better: A at or below the lower quartile, B at or below the median, C at or below the upper quartile, D above.
/// Higher is better: A at or above the upper quartile, B at or above the median, C at or above the lower, D below.
/// </summary>
public enum QuartileBand
{
    /// <summary>The best quarter of areas.</summary>
    A,

    /// <summary>Better than the median, not in the best quarter.</summary>
    B,

    /// <summary>Worse than the median, not in the worst quarter.</summary>
    C,

    /// <summary>The worst quarter of areas.</summary>
    D,
}

/// <summary>Reads a figure's <see cref="QuartileBand"/> through its polarity.</summary>
public static class QuartileBands
{
    /// <summary>The band of <paramref name="value"/>; null for an indicator tracked for direction only.</summary>
    public static QuartileBand? Of(double value, Quartiles quartiles, Polarity polarity) => polarity switch
    {
        Polarity.LowerIsBetter =>
            value <= quartiles.Lower ? QuartileBand.A
            : value <= quartiles.Median ? QuartileBand.B
            : value <= quartiles.Upper ? QuartileBand.C
            : QuartileBand.D,
        Polarity.HigherIsBetter =>
            value >= quartiles.Upper ? QuartileBand.A
            : value >= quartiles.Median ? QuartileBand.B
            : value >= quartiles.Lower ? QuartileBand.C
            : QuartileBand.D,
        _ => null,
    };
}
