using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;

namespace SafeguardingIngest.Reports;

/// <summary>One rendered report.</summary>
public sealed record ReportFile(string Name, string ContentType, byte[] Content);

/// <summary>The four reports of a consolidated return, in the forms people open.</summary>
public static class ReportSet
{
    /// <summary>Renders the workbook, the page, the csv and the JSON; the page and the csv by one disclosure plan.</summary>
    public static IReadOnlyList<ReportFile> Render(
        ConsolidatedReturn report,
        Partnership partnership,
        PublicationOptions publication) =>
        Render(report, partnership, DisclosurePlan.For(report, publication));

    /// <summary>Renders the four reports, the page and the csv by <paramref name="plan"/>.</summary>
    public static IReadOnlyList<ReportFile> Render(
        ConsolidatedReturn report,
        Partnership partnership,
        DisclosurePlan plan)
    {
        return
        [
            new(XlsxReport.FileName, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxReport.Render(report)),
            new(HtmlReport.FileName, "text/html; charset=utf-8", HtmlReport.Render(report, plan)),
            new(CsvReport.FileName, "text/csv; charset=utf-8", CsvReport.Render(report, partnership, plan)),
            new(JsonReport.FileName, "application/json; charset=utf-8", JsonReport.Render(report)),
        ];
    }
}
