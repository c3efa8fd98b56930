using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// The precision figures are shown at, on the page, in the workbook and in the JSON alike: counts whole,
/// percentages, rates and averages to one decimal, changes to one decimal. A RAG, a direction of travel
/// or a change is decided on figures rounded so, so it never contradicts the figures beside it.
/// </summary>
public static class Shown
{
    /// <summary>The decimal places a change is shown to, for every unit.</summary>
    public const int ChangePlaces = 1;

    /// <summary>The decimal places a figure of <paramref name="unit"/> is shown to.</summary>
    public static int Places(IndicatorUnit unit) => unit == IndicatorUnit.Count ? 0 : 1;

    /// <summary><paramref name="value"/> as shown: rounded to the unit's places, halves away from zero.</summary>
    public static double Round(double value, IndicatorUnit unit) => Round(value, Places(unit));

    /// <summary><paramref name="value"/> to <paramref name="places"/> decimal places, halves away from zero.</summary>
    public static double Round(double value, int places) => Math.Round(value, places, MidpointRounding.AwayFromZero);

    /// <summary>A change as shown: rounded to one decimal, halves away from zero.</summary>
    public static double RoundChange(double change) => Round(change, ChangePlaces);

    /// <summary>
    /// Whether a change in <paramref name="unit"/> is read in percentage points (a percentage's difference)
    /// rather than as a relative change (a count's, rate's or average's, in per cent).
    /// </summary>
    public static bool ChangeInPoints(IndicatorUnit unit) => unit == IndicatorUnit.Percentage;
}
