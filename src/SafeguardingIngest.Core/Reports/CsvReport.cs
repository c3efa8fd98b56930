using System.Globalization;
using System.Text;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Reports;

/// <summary>
/// observations.csv: tidy long format, one row per period, indicator, agency and locality, for Power BI
/// and Excel. Published, so small counts (and the ones that would reveal them from the totals the page
/// publishes: by locality and for the whole area) show as the suppression symbol; text from agencies
/// cannot start a formula. Each row says whether its period's figures for the indicator are complete
/// ("complete") and, where not, which owing agencies have no return standing ("missing_returns"), so a
/// total worked out from the file can be read as the incomplete figure it is.
/// </summary>
public static class CsvReport
{
    /// <summary>The file name.</summary>
    public const string FileName = "observations.csv";

    private static readonly string[] s_columns =
    [
        "period", "period_start", "period_end", "indicator", "indicator_title", "unit", "polarity", "agency", "agency_name",
        "locality", "locality_name", "numerator", "denominator", "value", "suppressed", "commentary", "source",
        "complete", "missing_returns",
    ];

    /// <summary>Writes the csv (UTF-8 with BOM, so Excel reads it right).</summary>
    public static byte[] Render(ConsolidatedReturn report, Partnership partnership, PublicationOptions publication)
    {
        var hidden = Suppressed(report.Observations, publication);
        var coverage = report.Indicators
            .SelectMany(r => r.SeriesPeriods.Select((p, q) => (Key: (p, r.Indicator.Code), Coverage: q < r.SeriesCoverage.Count ? r.SeriesCoverage[q] : Coverage.Complete)))
            .ToDictionary(c => c.Key, c => c.Coverage);
        var csv = new StringBuilder();
        csv.AppendJoin(',', s_columns).Append("\r\n");
        foreach (var o in report.Observations)
        {
            var indicator = partnership.FindIndicator(o.Indicator);
            var isHidden = hidden.Contains(o);
            var symbol = publication.Symbol;
            var complete = coverage.GetValueOrDefault((o.Period, o.Indicator)) ?? Coverage.Complete;
            string[] fields =
            [
                o.Period.ToString(), Date(o.Period.Start), Date(o.Period.End), o.Indicator, indicator?.Title ?? string.Empty,
                o.Unit.ToString(), indicator?.Polarity.ToString() ?? string.Empty, o.Agency, report.AgencyNames.GetValueOrDefault(o.Agency, o.Agency),
                o.Locality, o.Locality == Locality.WholeAreaCode ? "Whole area" : report.LocalityNames.GetValueOrDefault(o.Locality, o.Locality),
                isHidden ? symbol : Number(o.Numerator), isHidden ? symbol : Number(o.Denominator),
                isHidden ? symbol : o.Unit != IndicatorUnit.Count && o.Denominator == 0 ? string.Empty : Number(o.Value),
                isHidden ? "true" : "false", Figures.SafeForSpreadsheet(o.Commentary) ?? string.Empty, o.Source,
                complete.IsComplete ? "true" : "false", string.Join(' ', complete.Agencies),
            ];
            csv.AppendJoin(',', fields.Select(CsvField.Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// The observations to suppress: small figures (<see cref="SmallCounts.IsSmallFigure"/>), then, for each period and indicator, secondary
    /// suppression across the lines whose totals are published (each locality across agencies, the
    /// whole area across everything) and each agency across localities.
    /// </summary>
    public static HashSet<Observation> Suppressed(IReadOnlyList<Observation> observations, PublicationOptions publication)
    {
        var hidden = new HashSet<Observation>();
        foreach (var group in observations.GroupBy(o => (o.Period, o.Indicator)))
        {
            var cells = group.ToDictionary(o => o, o => o.Unit == IndicatorUnit.Average ? o.Denominator ?? 0 : o.Numerator);
            var lines = new List<IReadOnlyList<Observation>> { group.ToList() };
            lines.AddRange(group.GroupBy(o => o.Locality).Select(g => (IReadOnlyList<Observation>)g.ToList()));
            lines.AddRange(group.GroupBy(o => o.Agency).Select(g => (IReadOnlyList<Observation>)g.ToList()));
            var threshold = publication.SmallCountThreshold;
            hidden.UnionWith(SmallCounts.Table(cells, lines, threshold, o => SmallCounts.IsSmallFigure(o.Unit, o.Numerator, o.Denominator, threshold)).Hidden);
        }

        return hidden;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
}
