namespace SafeguardingIngest.Reports;

/// <summary>Whether a csv column picks rows (a filter) or holds a figure (an indicator).</summary>
public enum CsvColumnType
{
    /// <summary>Picks rows: a period, a code, a name, a flag.</summary>
    Filter,

    /// <summary>Holds a figure, written to <see cref="CsvColumn.DecimalPlaces"/>.</summary>
    Indicator,
}

/// <summary>
/// What one column of observations.csv holds: its type, label, unit ("%" and the like; empty for a column that
/// mixes units), the decimal places every figure in it is written to (null where figures are written as
/// returned), its grouping and what it holds in words.
/// </summary>
public sealed record CsvColumn(
    CsvColumnType Type,
    string Label,
    string Description,
    string Unit = "",
    int? DecimalPlaces = null,
    string Grouping = "");

/// <summary>
/// The description of every filter and indicator column observations.csv may hold (the time and geography
/// columns before them are <see cref="ObservationalUnits"/>, which the service knows by name).
/// </summary>
public static class CsvColumns
{
    /// <summary>The decimal places of the value column, and of every comparator beside it.</summary>
    public const int ValueDecimalPlaces = 1;

    private static readonly Dictionary<string, CsvColumn> s_columns = new(StringComparer.Ordinal)
    {
        ["period"] = Filter("Quarter", "The financial-year quarter, such as 2025-26 Q2"),
        ["period_start"] = Filter("Quarter starts", "The quarter's first day (yyyy-mm-dd)"),
        ["period_end"] = Filter("Quarter ends", "The quarter's last day (yyyy-mm-dd)"),
        ["indicator"] = Filter("Indicator code", "The catalogue's code for the indicator"),
        ["indicator_title"] = Filter(
            "Indicator",
            "The indicator's title, or its code where the catalogue no longer holds it"),
        ["unit"] = Filter("Unit", "Count, Percentage, RatePer10000 or Average: how value is worked out"),
        ["polarity"] = Filter(
            "Polarity",
            "Whether lower or higher is better, or direction only; x where the catalogue no longer holds the " +
            "indicator"),
        ["agency"] = Filter("Agency code", "The agency that returned the figure"),
        ["agency_name"] = Filter("Agency", "The agency's name"),
        ["locality"] = Filter("Locality code", "The locality, or ALL for a figure for the whole area"),
        ["locality_name"] = Filter("Locality", "The locality's name, or Whole area"),
        ["numerator"] = Figure(
            "Numerator",
            "The count; a percentage's or rate's numerator; an average's total, as returned. c where suppressed",
            decimalPlaces: null),
        ["denominator"] = Figure(
            "Denominator",
            "A percentage's denominator, a rate's population, an average's cases; z for a count. c where suppressed",
            decimalPlaces: 0),
        ["value"] = Figure(
            "Value",
            "The figure to one decimal place: the count, 100 x n / d, 10,000 x n / population, or total / cases. " +
            "c where suppressed; z where a percentage or average had no cases",
            ValueDecimalPlaces),
        ["suppressed"] = Filter("Suppressed", "true where the figure is hidden to protect small numbers"),
        ["complete"] = Filter(
            "Complete",
            "false where an owed return for the quarter and indicator is missing, so totals are incomplete"),
        ["missing_returns"] = Filter(
            "Missing returns",
            "The codes of the owing agencies with no return standing, space-separated; none where every owed return " +
            "is in"),
        ["release"] = Filter("Release", "The release of this quarter's return the file belongs to"),
        ["status"] = Filter(
            "Status",
            "provisional (compiled before the quarter ended: figures will change) or published"),
        ["revised"] = Filter(
            "Revised",
            "true where an earlier release published this figure otherwise (the r mark on the page)"),
        ["compares_with_last_year"] = Filter(
            "Compares with last year",
            "true where the same quarter last year may be compared; z (not applicable) where the definition changed"),
        ["comparator_england"] = Comparator("England", "England's figure"),
        ["comparator_region"] = Comparator("Region", "The region's figure"),
        ["comparator_statistical_neighbours"] = Comparator(
            "Statistical neighbours", "The statistical neighbours' average"),
    };

    /// <summary>The description of <paramref name="column"/>, or null where it has none.</summary>
    public static CsvColumn? Describe(string column) => s_columns.GetValueOrDefault(column);

    private static CsvColumn Filter(string label, string description) => new(CsvColumnType.Filter, label, description);

    private static CsvColumn Comparator(string label, string whose) => new(
        CsvColumnType.Indicator,
        label,
        whose + " for the indicator and the period's financial year, from the reference data: an annual figure, " +
        "to set beside the whole area's (for a rate that adds up over the year, its Q4 year to date only); " +
        "x where the reference data gives none",
        DecimalPlaces: ValueDecimalPlaces,
        Grouping: "Comparators");

    private static CsvColumn Figure(string label, string description, int? decimalPlaces) =>
        new(CsvColumnType.Indicator, label, description, DecimalPlaces: decimalPlaces, Grouping: "Figures");
}
