using SafeguardingIngest.Disclosure;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Reports;

public class TrendChartTests
{
    private static readonly PublicationOptions s_publication = new();

    [Fact]
    public void Build_EveryQuarterHidden_SaysSoRatherThanNoFigures()
    {
        // CAF: A's North 2 last quarter and 3 this quarter, both small, so both of the chart's quarters are hidden.
        var report = Compile(Q2, Observe(Q2.Previous(), "A", "CAF", "L1", 2), Observe(Q2, "A", "CAF", "L1", 3));

        var chart = Publish.Page(report, s_publication).Indicators.Single(c => c.Code == "CAF").Chart;
        var html = Publish.Html(report, s_publication);
        var card = html[html.IndexOf("id=\"i-caf\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("</section>", StringComparison.Ordinal)];

        Assert.True(chart.Empty);
        Assert.Equal("Every quarter's figure is hidden to protect small numbers", chart.Blank);
        const string Said = "Every quarter&#x27;s figure is hidden to protect small numbers</text>";
        Assert.Contains(Said, card, StringComparison.Ordinal);
        Assert.DoesNotContain("No figures returned", card, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NothingReturned_SaysNoFigures()
    {
        // OPEN has no rows at all in this compile.
        var report = Compile(Q2, Observe(Q2, "A", "CAF", "L1", 30));

        var chart = Publish.Page(report, s_publication).Indicators.Single(c => c.Code == "OPEN").Chart;

        Assert.True(chart.Empty);
        Assert.Equal("No figures returned", chart.Blank);
    }
}
