using AngleSharp.Html.Parser;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Tests.Compilation;

namespace SafeguardingIngest.Tests.Reports;

public class PublishedReportTests
{
    private static readonly PublicationOptions s_publication = new();

    [Fact]
    public void Html_CommentaryAndDescriptions_AreEncodedNeverMarkup()
    {
        var html = Publish.Html(ReportFixture.Build(), s_publication);
        var page = new HtmlParser().ParseDocument(html);

        // A reader sees the agency's text as text, in the actions table; no element came of it.
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.Contains(
            page.QuerySelectorAll("#actions ~ table td"),
            td => td.TextContent == "2. " + ReportFixture.Script);
        Assert.Contains(
            page.QuerySelectorAll("#actions ~ table td"),
            td => td.TextContent == "Recovery: " + ReportFixture.Script);
    }

    [Fact]
    public void Html_IsSelfContained()
    {
        var html = Publish.Html(ReportFixture.Build(), s_publication);

        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TestPartnership.Partnership.Indicators.Count, CountOf(html, "<svg "));
    }

    [Fact]
    public void Html_SmallLocalityCount_IsSuppressedWithItsPartnerButTheTotalShows()
    {
        // CAF this quarter: North 3, South 40, total 43. The 3 is small; the 40 would reveal it from 43, so both show
        // "c".
        var html = Publish.Html(ReportFixture.Build(), s_publication);

        var caf = html[html.IndexOf("id=\"i-caf\"", StringComparison.Ordinal)..];
        caf = caf[..caf.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("This quarter <strong>43</strong>", caf, StringComparison.Ordinal);
        var north = caf[caf.IndexOf("North", StringComparison.Ordinal)..];
        var south = caf[caf.IndexOf("South", StringComparison.Ordinal)..];
        Assert.StartsWith(
            "North</th><td class=\"num\"><abbr title=\"suppressed: a small number\">c</abbr>",
            north,
            StringComparison.Ordinal);
        Assert.StartsWith(
            "South</th><td class=\"num\"><abbr title=\"suppressed: a small number\">c</abbr>",
            south,
            StringComparison.Ordinal);
        Assert.DoesNotContain(">3<", caf, StringComparison.Ordinal);
        Assert.DoesNotContain(">40<", caf, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_RagIsShownInWordsBesideColour()
    {
        var html = Publish.Html(ReportFixture.Build(), s_publication);

        Assert.Contains("<span class=\"rag rag-green\">Green</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"rag rag-red\">Red</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"rag rag-none\">No target</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_CommentaryStartingAFormula_IsNotPublishedAtAll()
    {
        var csv = Publish.Csv(ReportFixture.Build(), TestPartnership.Partnership, s_publication);

        Assert.DoesNotContain("HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("script", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_SmallCountAndTheCountsThatWouldRevealIt_AreSuppressed()
    {
        var csv = Publish.Csv(ReportFixture.Build(), TestPartnership.Partnership, s_publication);
        var lines = csv.Split("\r\n");

        Assert.StartsWith(
            "\uFEFFtime_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name," +
            "old_la_code,new_la_code,la_name,period,period_start,period_end,indicator,",
            lines[0],
            StringComparison.Ordinal);

        // This quarter's CAF: A in North 3 (small), B in South 40 (its partner in the area line). Last quarter's 150
        // and 100 are safe.
        var caf = lines.Where(l => l.Contains(",CAF,", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, caf.Count);
        Assert.Equal(2, caf.Count(l =>
            l.Contains(",2011-12 Q2,", StringComparison.Ordinal)
            && l.Contains(",c,c,c,true,", StringComparison.Ordinal)));
        Assert.Equal(2, caf.Count(l =>
            l.Contains(",2011-12 Q1,", StringComparison.Ordinal) && l.Contains(",false,", StringComparison.Ordinal)));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal);
            i >= 0;
            i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
