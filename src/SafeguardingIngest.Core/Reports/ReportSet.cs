using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Releases;

namespace SafeguardingIngest.Reports;

/// <summary>
/// One rendered report; <paramref name="Public"/> where it is for publication (hides what the plan hides).
/// </summary>
public sealed record ReportFile(string Name, string ContentType, byte[] Content, bool Public = false);

/// <summary>The reports of a consolidated return, in the forms people open.</summary>
public static class ReportSet
{
    /// <summary>
    /// Renders a release: the page, the csv and the csv's metadata (public, by one disclosure plan), and the
    /// workbook and the JSON (for the performance team, every figure as it is).
    /// </summary>
    public static IReadOnlyList<ReportFile> Render(
        ConsolidatedReturn report,
        Partnership partnership,
        DisclosurePlan plan,
        ReleaseContext release)
    {
        // The metadata is written from the very rows of the csv beside it: it lists a filter only where that
        // file holds more than one value of it.
        var csv = CsvReport.Table(report, partnership, plan, release);
        return
        [
            new(
                HtmlReport.FileName,
                "text/html; charset=utf-8",
                HtmlReport.Render(report, plan, release),
                Public: true),
            new(CsvReport.FileName, "text/csv; charset=utf-8", csv.Write(), Public: true),
            new(CsvMetadata.FileName, "text/csv; charset=utf-8", CsvMetadata.Render(csv), Public: true),
            new(
                XlsxReport.FileName,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                XlsxReport.Render(report, release)),
            new(JsonReport.FileName, "application/json; charset=utf-8", JsonReport.Render(report, release)),
        ];
    }

    /// <summary>
    /// The files of a release as <see cref="Render(ConsolidatedReturn, Partnership, DisclosurePlan, ReleaseContext)"/>
    /// gives them, in its order and byte for byte, for writing where they are kept: the csv written a row at a
    /// time and the JSON as it is made, neither held whole, and the csv's metadata from its rows as they went by (so
    /// it must be written after it).
    /// </summary>
    public static IReadOnlyList<StreamedFile> Stream(
        ConsolidatedReturn report,
        Partnership partnership,
        DisclosurePlan plan,
        ReleaseContext release)
    {
        CsvShape? shape = null;
        return
        [
            StreamedFile.Of(new(
                HtmlReport.FileName,
                "text/html; charset=utf-8",
                HtmlReport.Render(report, plan, release),
                Public: true)),
            new(
                CsvReport.FileName,
                "text/csv; charset=utf-8",
                async (stream, token) =>
                    shape = await CsvReport.WriteAsync(report, partnership, plan, release, stream, token),
                Public: true),
            new(
                CsvMetadata.FileName,
                "text/csv; charset=utf-8",
                (stream, token) => stream.WriteAsync(
                    CsvMetadata.Render(shape ?? throw new InvalidOperationException(
                        $"{CsvMetadata.FileName} is written from the rows of {CsvReport.FileName}: write that first.")),
                    token).AsTask(),
                Public: true),
            StreamedFile.Of(new(
                XlsxReport.FileName,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                XlsxReport.Render(report, release))),
            new(
                JsonReport.FileName,
                "application/json; charset=utf-8",
                (stream, token) => JsonReport.WriteAsync(report, release, stream, token)),
        ];
    }

    /// <summary>Renders a first release of <paramref name="report"/>, with no earlier one to carry.</summary>
    public static IReadOnlyList<ReportFile> Render(
        ConsolidatedReturn report,
        Partnership partnership,
        PublicationOptions publication) =>
        Render(
            report,
            partnership,
            DisclosurePlan.For(report, publication),
            ReleaseContext.First(ReleaseStatus.Published));

    /// <summary>Renders a first release of <paramref name="report"/> by <paramref name="plan"/>.</summary>
    public static IReadOnlyList<ReportFile> Render(
        ConsolidatedReturn report,
        Partnership partnership,
        DisclosurePlan plan) =>
        Render(report, partnership, plan, ReleaseContext.First(ReleaseStatus.Published));
}
