using System.Globalization;
using System.Text;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Releases;

namespace SafeguardingIngest.Reports;

/// <summary>
/// observations.csv: tidy long format, one row per period, indicator, agency and locality, for Power BI,
/// Excel and the Department for Education's explore education statistics service, whose time and geography
/// columns (<see cref="ObservationalUnits"/>) open each row. Published, so the cells the compile's
/// <see cref="DisclosurePlan"/> hides (small figures, and the ones that would reveal them from what the page and
/// the csv show) show as the suppression symbol. It holds no text an agency typed and nothing that ties a row to
/// a data quality query (no commentary, no source cell): those are for the performance team's workbook and JSON.
/// Each row says whether its period's figures for the indicator are complete ("complete") and, where not, which
/// owing agencies have no return standing ("missing_returns", <see cref="NoMissingReturns"/> where none is
/// missing), so a total worked out from the file can be read as the incomplete figure it is. Each row names its
/// release and whether that release is provisional, and marks a figure an earlier release published otherwise
/// ("revised"), and says whether the same quarter last year compares with it ("z", not applicable, across a series
/// break).
/// Figures follow the Government Statistical Service's symbols: the suppression symbol (c by default) where hidden,
/// z where not applicable; values are written to <see cref="CsvColumns.ValueDecimalPlaces"/> decimal places.
/// <see cref="CsvMetadata"/> describes every indicator column, and every filter column that holds more than one
/// value in the file.
/// </summary>
public static class CsvReport
{
    /// <summary>The file name.</summary>
    public const string FileName = "observations.csv";

    /// <summary>
    /// What <c>missing_returns</c> holds where every owed return for the period and indicator is in: a filter's
    /// value is never blank in the service's files.
    /// </summary>
    public const string NoMissingReturns = "none";

    private static readonly string[] s_filtersAndIndicators =
    [
        "period", "period_start", "period_end", "indicator", "indicator_title", "unit", "polarity", "agency",
        "agency_name",
        "locality", "locality_name", "numerator", "denominator", "value", "suppressed",
        "complete", "missing_returns", "release", "status", "revised", "compares_with_last_year",
        "comparator_england", "comparator_region", "comparator_statistical_neighbours",
    ];

    private static readonly string[] s_columns = [.. ObservationalUnits.Columns, .. s_filtersAndIndicators];

    /// <summary>The columns, in order: the time and geography columns, then the filters and indicators.</summary>
    public static IReadOnlyList<string> Columns => s_columns;

    /// <summary>Writes the csv (UTF-8 with BOM, so Excel reads it right).</summary>
    public static byte[] Render(ConsolidatedReturn report, Partnership partnership, DisclosurePlan plan) =>
        Render(report, partnership, plan, ReleaseContext.First(ReleaseStatus.Published));

    /// <summary>Writes the csv of <paramref name="release"/> (UTF-8 with BOM, so Excel reads it right).</summary>
    public static byte[] Render(
        ConsolidatedReturn report,
        Partnership partnership,
        DisclosurePlan plan,
        ReleaseContext release) =>
        Table(report, partnership, plan, release).Write();

    /// <summary>
    /// The csv of <paramref name="release"/> before it is written: what <see cref="CsvTable.Write"/> writes and
    /// <see cref="CsvMetadata"/> describes.
    /// </summary>
    public static CsvTable Table(
        ConsolidatedReturn report,
        Partnership partnership,
        DisclosurePlan plan,
        ReleaseContext release) =>
        new(s_columns, [.. Rows(report, partnership, plan, release)]);

    /// <summary>
    /// Writes the csv of <paramref name="release"/> to <paramref name="output"/> a row at a time, byte for byte as
    /// <see cref="Render(ConsolidatedReturn, Partnership, DisclosurePlan, ReleaseContext)"/> writes it, without
    /// holding its rows; returns the shape its <see cref="CsvMetadata"/> is written from.
    /// </summary>
    public static async Task<CsvShape> WriteAsync(
        ConsolidatedReturn report,
        Partnership partnership,
        DisclosurePlan plan,
        ReleaseContext release,
        Stream output,
        CancellationToken cancellationToken)
    {
        var shape = new CsvShape.Tracker(s_columns);
        await using (var writer = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true))
        {
            var rows = Rows(report, partnership, plan, release).Select(row =>
            {
                shape.Add(row);
                return (IReadOnlyList<string>)row;
            });
            await CsvRows.WriteAsync(writer, s_columns, rows, cancellationToken);
        }

        return shape.Shape();
    }

    private static IEnumerable<string[]> Rows(
        ConsolidatedReturn report,
        Partnership partnership,
        DisclosurePlan plan,
        ReleaseContext release)
    {
        var number = release.Number.ToString(CultureInfo.InvariantCulture);
        var publication = plan.Publication;
        var coverage = report.Indicators
            .SelectMany(r => r.SeriesPeriods.Select((p, q) => (
                Key: (p, r.Indicator.Code),
                Coverage: q < r.SeriesCoverage.Count ? r.SeriesCoverage[q] : Coverage.Complete)))
            .ToDictionary(c => c.Key, c => c.Coverage);
        var geography = partnership.Geography;
        foreach (var o in report.Observations)
        {
            var indicator = partnership.FindIndicator(o.Indicator);
            var isHidden = plan.Hides(o);
            var symbol = publication.Symbol;
            var complete = coverage.GetValueOrDefault((o.Period, o.Indicator)) ?? Coverage.Complete;
            var comparators = partnership.Whole.FindComparators(o.Indicator, o.Period.Year);
            string[] fields =
            [
                .. ObservationalUnits.Fields(o.Period, geography),
                o.Period.ToString(), Date(o.Period.Start), Date(o.Period.End), o.Indicator,
                indicator?.Title ?? o.Indicator, o.Unit.ToString(), indicator?.Polarity.ToString() ?? NotAvailable,
                o.Agency, report.AgencyNames.GetValueOrDefault(o.Agency, o.Agency),
                o.Locality,
                o.Locality == Locality.WholeAreaCode
                    ? "Whole area"
                    : report.LocalityNames.GetValueOrDefault(o.Locality, o.Locality),
                isHidden ? symbol : Number(o.Numerator),
                isHidden ? symbol : o.Denominator is { } d ? Rounded(d, 0) : NotApplicable,
                isHidden ? symbol
                : o.Unit != IndicatorUnit.Count && o.Denominator == 0 ? NotApplicable
                : Rounded(o.Value, CsvColumns.ValueDecimalPlaces),
                isHidden ? "true" : "false",
                complete.IsComplete ? "true" : "false",
                complete.IsComplete ? NoMissingReturns : string.Join(' ', complete.Agencies),
                number, release.StatusText,
                release.IsRevised(FigureKey.Cell(o.Period, plan.KeyCode(o.Indicator), o.Agency, o.Locality))
                    ? "true"
                    : "false",
                indicator?.Compares(o.Period.SameQuarterLastYear(), o.Period) == false ? NotApplicable : "true",
                Comparator(comparators?.England), Comparator(comparators?.Region),
                Comparator(comparators?.StatisticalNeighbours),
            ];
            yield return fields;
        }
    }

    /// <summary>
    /// The GSS symbol for "not applicable": a comparison across a series break is not made, a count has no
    /// denominator, a percentage or average of no cases has no value.
    /// </summary>
    public const string NotApplicable = "z";

    /// <summary>The GSS symbol for "not available": the reference data gives no such comparator.</summary>
    public const string NotAvailable = "x";

    private static string Comparator(ComparatorValue? comparator) =>
        comparator is null ? NotAvailable : Rounded(comparator.Value, CsvColumns.ValueDecimalPlaces);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// A figure to <paramref name="decimals"/> places, rounded as the page rounds it, never in exponent form:
    /// 6.1479591836734695 is written 6.1.
    /// </summary>
    public static string Rounded(double value, int decimals) =>
        Shown.Round(value, decimals)
            .ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
