using System.Globalization;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Reports;

/// <summary>
/// The columns the Department for Education's explore education statistics service reads first in each row of a
/// data file, to know the time and the place a figure is for: the financial-year quarter, and the partnership's
/// local authority with its region and country. They open every row of <see cref="CsvReport"/>; the service's
/// metadata lists filters and indicators only, so <see cref="CsvMetadata"/> does not describe them.
/// </summary>
public static class ObservationalUnits
{
    /// <summary>
    /// The level every row's figure is for: the partnership's area is a local authority's. Its localities are
    /// not a geography the service knows, so they stay a filter.
    /// </summary>
    public const string GeographicLevel = "Local authority";

    /// <summary>The columns, in the order they open each row.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code",
        "region_name", "old_la_code", "new_la_code", "la_name",
    ];

    /// <summary>
    /// The columns' fields for a figure of <paramref name="quarter"/>, in <see cref="Columns"/> order; the
    /// geography's codes and names are empty where <paramref name="geography"/> is null.
    /// </summary>
    public static string[] Fields(ReportingPeriod quarter, Geography? geography) =>
    [
        TimePeriod(quarter.Year), TimeIdentifier(quarter), GeographicLevel,
        geography?.CountryCode ?? string.Empty, geography?.CountryName ?? string.Empty,
        geography?.RegionCode ?? string.Empty, geography?.RegionName ?? string.Empty,
        geography?.OldLaCode ?? string.Empty, geography?.NewLaCode ?? string.Empty,
        geography?.LaName ?? string.Empty,
    ];

    /// <summary>
    /// A financial year as the service writes it: the first calendar year's four digits and the second's last
    /// two, so 2025-26 is 202526.
    /// </summary>
    public static string TimePeriod(FinancialYear year) =>
        string.Create(CultureInfo.InvariantCulture, $"{year.StartYear:D4}{(year.StartYear + 1) % 100:D2}");

    /// <summary>
    /// The quarter in the service's words for a financial year's quarters: "Financial year Q1" (April to June) to
    /// "Financial year Q4" (January to March).
    /// </summary>
    public static string TimeIdentifier(ReportingPeriod quarter) =>
        string.Create(CultureInfo.InvariantCulture, $"Financial year Q{quarter.Quarter}");
}
