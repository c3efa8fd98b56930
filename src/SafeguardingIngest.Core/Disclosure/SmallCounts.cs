using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;

namespace SafeguardingIngest.Disclosure;

/// <summary>
/// The primary suppression rule, the one place it is stated: counts from 1 to the threshold less one, and
/// figures resting on so few children (<see cref="IsSmallFigure(IndicatorUnit, double, double?, int)"/>), are
/// not published. Secondary suppression then hides enough other figures that none of these can be worked back
/// from what is published (<see cref="CellSuppression"/> states the method; <see cref="DisclosurePlan"/>
/// applies it to everything a compile publishes).
/// </summary>
public static class SmallCounts
{
    /// <summary>True for a count that must not be published: 1 ≤ count &lt; threshold.</summary>
    public static bool IsSmall(double? count, int threshold) => count is { } c && c >= 1 && c < threshold;

    /// <summary>
    /// True for a figure that must not be published. A count: when small. A percentage: when its
    /// numerator, its complement (denominator less numerator, the children it does not count) or its
    /// denominator is small, so neither "0 of 2" nor "97 of 99" is shown. A rate: when its count or its
    /// population is small. An average: when it is over a small number of cases.
    /// </summary>
    public static bool IsSmallFigure(
        IndicatorUnit unit,
        double numerator,
        double? denominator,
        int threshold) => unit switch
    {
        IndicatorUnit.Count => IsSmall(numerator, threshold),
        IndicatorUnit.Percentage => IsSmall(numerator, threshold)
            || IsSmall(denominator - numerator, threshold)
            || IsSmall(denominator, threshold),
        IndicatorUnit.RatePer10000 => IsSmall(numerator, threshold) || IsSmall(denominator, threshold),
        _ => IsSmall(denominator, threshold),
    };

    /// <summary>A figure of summed parts resting on a small number of children; an empty figure is not.</summary>
    public static bool IsSmallFigure(Indicator indicator, Ratio parts, int threshold) =>
        !parts.IsEmpty && IsSmallFigure(indicator.Unit, parts.Numerator, parts.Denominator, threshold);
}
