using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Releases;

/// <summary>
/// The name of a published quantity, the same in every release that shows it: a csv cell
/// ("cell|2025-26-Q2|CH01|POL|N"), the area's figure for a quarter, a locality's, and the years to date
/// at a quarter. Two releases that give one key different values have revised it.
/// </summary>
public static class FigureKey
{
    /// <summary>An agency's figure for a locality (or the whole area) in a quarter: a csv row.</summary>
    public static string Cell(ReportingPeriod period, string indicator, string agency, string locality) =>
        $"cell|{period.Key}|{indicator}|{agency}|{locality}";

    /// <summary>The area's figure for a quarter.</summary>
    public static string Area(ReportingPeriod period, string indicator) => $"area|{period.Key}|{indicator}";

    /// <summary>A locality's figure for a quarter.</summary>
    public static string Locality(ReportingPeriod period, string indicator, string locality) =>
        $"locality|{period.Key}|{indicator}|{locality}";

    /// <summary>The area's year to date at a quarter.</summary>
    public static string YearToDate(ReportingPeriod period, string indicator) => $"ytd|{period.Key}|{indicator}";

    /// <summary>A locality's year to date at a quarter.</summary>
    public static string LocalityYearToDate(ReportingPeriod period, string indicator, string locality) =>
        $"locality-ytd|{period.Key}|{indicator}|{locality}";

    /// <summary>The parts of a key: kind, period key, indicator, then agency and locality where it has them.</summary>
    public static string[] Parts(string key) => key.Split('|');
}
