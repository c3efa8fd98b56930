using SafeguardingIngest.Compilation;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Reports;

/// <summary>
/// The rows agencies wrote commentary on, latest quarter first: kept for the performance team in the JSON and
/// the workbook only, since the published page and csv carry no text an agency typed.
/// </summary>
internal static class AgencyCommentary
{
    public static IEnumerable<Observation> Of(ConsolidatedReturn report) =>
        report.Observations.Where(o => !string.IsNullOrWhiteSpace(o.Commentary))
            .OrderByDescending(o => o.Period)
            .ThenBy(o => o.Agency, StringComparer.Ordinal)
            .ThenBy(o => o.Indicator, StringComparer.Ordinal)
            .ThenBy(o => o.Locality, StringComparer.Ordinal);
}
