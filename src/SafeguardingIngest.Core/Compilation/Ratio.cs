using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// An aggregate kept as its parts, so that sums across agencies, localities and quarters are exact:
/// numerators and denominators are added, then divided once. Never an average of percentages.
/// </summary>
public readonly record struct Ratio(double Numerator, double Denominator, int Observations)
{
    /// <summary>Nothing observed.</summary>
    public static Ratio None => default;

    /// <summary>True when no observation contributed.</summary>
    public bool IsEmpty => Observations == 0;

    /// <summary>The two aggregates added.</summary>
    public static Ratio operator +(Ratio left, Ratio right) =>
        new(
            left.Numerator + right.Numerator,
            left.Denominator + right.Denominator,
            left.Observations + right.Observations);

    /// <summary>
    /// The value for <paramref name="unit"/>: the count, 100 n/d, 10,000 n/d or n/d; null when it cannot be worked out.
    /// </summary>
    public double? ValueFor(IndicatorUnit unit)
    {
        if (IsEmpty)
        {
            return null;
        }

        return unit switch
        {
            IndicatorUnit.Count => Numerator,
            _ when Denominator == 0 => null,
            IndicatorUnit.Percentage => 100 * Numerator / Denominator,
            IndicatorUnit.RatePer10000 => 10_000 * Numerator / Denominator,
            _ => Numerator / Denominator,
        };
    }
}
