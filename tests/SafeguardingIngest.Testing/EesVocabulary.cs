namespace SafeguardingIngest.Testing;

/// <summary>
/// The words the explore education statistics screener accepts in a data file and its metadata, written out
/// here from the service's published rules rather than taken from the code under test, so that
/// <see cref="EesScreener"/> is an oracle of its own.
/// </summary>
public static class EesVocabulary
{
    /// <summary>The columns that must open every data file.</summary>
    public static IReadOnlyList<string> CompulsoryColumns { get; } =
        ["time_period", "time_identifier", "geographic_level", "country_code", "country_name"];

    /// <summary>The columns each geographic level must also have, filled on every row at that level.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ColumnsByLevel { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["Regional"] = ["region_code", "region_name"],
            ["Local authority"] = ["region_code", "region_name", "old_la_code", "new_la_code", "la_name"],
        };

    /// <summary>
    /// The time and geography columns (observational units): the service knows them by name, they are never
    /// described in the metadata and none may hold a total.
    /// </summary>
    public static IReadOnlySet<string> ObservationalUnits { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code",
        "region_name", "old_la_code", "new_la_code", "la_name", "lad_code", "lad_name", "ward_code", "ward_name",
        "pcon_code", "pcon_name", "local_enterprise_partnership_code", "local_enterprise_partnership_name",
        "english_devolved_area_code", "english_devolved_area_name", "opportunity_area_code",
        "opportunity_area_name", "rsc_region_lead_name", "school_urn", "school_laestab", "school_name",
        "provider_ukprn", "provider_name", "institution_id", "institution_name", "trust_id", "trust_name",
        "sponsor_id", "sponsor_name", "planning_area_code", "planning_area_name", "lsip_code", "lsip_name",
        "pfa_code", "pfa_name", "mca_code", "mca_name",
    };

    /// <summary>The geographic levels the service knows.</summary>
    public static IReadOnlySet<string> GeographicLevels { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "National", "Regional", "Local authority", "Local authority district", "Ward", "Parliamentary constituency",
        "Local enterprise partnership", "English devolved area", "Opportunity area", "Health area", "RSC region",
        "Institution", "School", "Provider", "Planning area", "MAT", "Sponsor", "Local skills improvement plan area",
        "Police force area", "Mayoral combined authority",
    };

    /// <summary>The words a total takes, which no observational unit may hold.</summary>
    public static IReadOnlySet<string> Totals { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "Total", "total", "All", "all" };

    /// <summary>The units an indicator may have; empty where it has none.</summary>
    public static IReadOnlySet<string> IndicatorUnits { get; } =
        new HashSet<string>(StringComparer.Ordinal) { string.Empty, "%", "£", "£m", "pp" };

    /// <summary>The Government Statistical Service's current symbols, which may stand in for a figure.</summary>
    public static IReadOnlySet<string> Symbols { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "c", "low", "u", "x", "z" };

    /// <summary>Symbols the service no longer takes in place of a figure.</summary>
    public static IReadOnlySet<string> LegacySymbols { get; } =
        new HashSet<string>(StringComparer.Ordinal) { ":", "..", "-", "~", "*", "#", "!", "@" };

    private static readonly string[] s_months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];

    private static readonly string[] s_terms =
        ["Autumn term", "Spring term", "Summer term", "Autumn and spring term"];

    /// <summary>
    /// The time identifiers whose period spans two years, written with six digits (202526): the financial,
    /// academic and tax years, their quarters, and the academic year's terms.
    /// </summary>
    public static IReadOnlySet<string> SpanningYears { get; } = new HashSet<string>(
        [.. Quartered("Financial year"), .. Quartered("Academic year"), .. Quartered("Tax year"), .. s_terms],
        StringComparer.Ordinal);

    /// <summary>
    /// The time identifiers whose period is one calendar year's, written with four digits (2025): the calendar
    /// year and its quarters, the reporting year and the months.
    /// </summary>
    public static IReadOnlySet<string> SingleYears { get; } = new HashSet<string>(
        [.. Quartered("Calendar year"), "Reporting year", .. s_months],
        StringComparer.Ordinal);

    private static IEnumerable<string> Quartered(string year) =>
        [year, .. Enumerable.Range(1, 4).Select(q => year + " Q" + (char)('0' + q))];
}
