using System.Text;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Testing;

/// <summary>The published outputs of a compiled return, each under the one disclosure plan of the compile.</summary>
public static class Publish
{
    /// <summary>The board page's text.</summary>
    public static string Html(ConsolidatedReturn report, PublicationOptions publication) =>
        Encoding.UTF8.GetString(HtmlReport.Render(report, DisclosurePlan.For(report, publication)));

    /// <summary>What the board page shows.</summary>
    public static BoardPage Page(ConsolidatedReturn report, PublicationOptions publication) =>
        HtmlReport.Page(report, DisclosurePlan.For(report, publication));

    /// <summary>The csv's text (with its byte order mark).</summary>
    public static string Csv(ConsolidatedReturn report, Partnership partnership, PublicationOptions publication) =>
        Encoding.UTF8.GetString(CsvReport.Render(report, partnership, DisclosurePlan.For(report, publication)));

    /// <summary>The page and the csv of one compile as a release, both under the compile's one plan.</summary>
    public static Release Release(ConsolidatedReturn report, Partnership partnership, PublicationOptions publication)
    {
        var plan = DisclosurePlan.For(report, publication);
        return new Release(
            Encoding.UTF8.GetString(HtmlReport.Render(report, plan)),
            Encoding.UTF8.GetString(CsvReport.Render(report, partnership, plan)));
    }
}
