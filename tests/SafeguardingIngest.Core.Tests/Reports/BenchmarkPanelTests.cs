using System.Globalization;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>The comparators beside an indicator on the board's page, from the sample reference data.</summary>
public sealed class BenchmarkPanelTests
{
    private static readonly Lazy<BoardPage> s_page = new(() =>
        HtmlReport.Page(SampleReport.Report, DisclosurePlan.For(SampleReport.Report, new PublicationOptions())));

    [Theory]
    // samples/partnership.json, 2026-27: CH01 (lower is better) quartiles 33, 40, 48; NI 68 (higher is better)
    // 84, 89, 93. Lower is better: A at or below 33, B to 40, C to 48, D above. Higher: A at or above 93, B from
    // 89, C from 84, D below.
    [InlineData("CH01", 33.0, 40.0, 48.0, false)]
    [InlineData("NI 68", 84.0, 89.0, 93.0, true)]
    public void Page_SampleIndicator_ShowsComparatorsAndTheBandOfTheYearToDateAsShown(
        string code, double lower, double median, double upper, bool higherIsBetter)
    {
        var card = s_page.Value.Indicators.Single(c => c.Code == code);
        var panel = card.Benchmarks;

        Assert.NotNull(panel);
        Assert.Equal(["England", "West Midlands", "Statistical neighbours"], panel.Figures.Select(f => f.Label));
        Assert.All(panel.Figures, f => Assert.Equal("2025-26", f.Year));
        var shown = card.Figures.Single(f => f.Label == "year to date").Cell.Text;
        Assert.Equal($"Year to date {shown} beside", panel.Compared);
        var value = double.Parse(shown.TrimEnd('%'), CultureInfo.InvariantCulture);
        var band = higherIsBetter
            ? value >= upper ? "A" : value >= median ? "B" : value >= lower ? "C" : "D"
            : value <= lower ? "A" : value <= median ? "B" : value <= upper ? "C" : "D";
        Assert.Equal(band, panel.Band!.Text);
        Assert.Contains("Illustrative: not a published statistic, 2025-26", panel.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_ComparatorsWithoutQuartiles_ShowNoBand()
    {
        // CH39 has England, region and neighbours for 2026-27 but no quartiles.
        var panel = s_page.Value.Indicators.Single(c => c.Code == "CH39").Benchmarks;

        Assert.NotNull(panel);
        Assert.Equal(["65.0", "68.0", "63.0"], panel.Figures.Select(f => f.Value));
        Assert.Null(panel.Band);
    }

    [Fact]
    public void Page_IndicatorWithoutComparators_HasNoPanel()
    {
        Assert.Null(s_page.Value.Indicators.Single(c => c.Code == "NEG02").Benchmarks);
        Assert.Null(s_page.Value.Indicators.Single(c => c.Code == "EH01").Benchmarks);
    }

    [Fact]
    public void For_YearToDateHidden_WithholdsTheBandButShowsTheComparators()
    {
        var report = SampleReport.Report;
        var result = report.Indicators.Single(r => r.Indicator.Code == "CH01");

        var panel = BenchmarkPanels.For(result, report, yearToDateHidden: true, new PublicationOptions());

        // A band bounds the hidden figure between two quartiles, so it is shown as the suppression symbol, and
        // so is the figure itself.
        Assert.Equal(("c", true), (panel!.Band!.Text, panel.Band.Suppressed));
        Assert.Equal("42.0", panel.Figures[0].Value);
        Assert.Equal("Year to date c beside", panel.Compared);
    }

    [Fact]
    public void For_RateAddingUpOverTheYearBeforeQ4_SetsNoAnnualRateBesideThePartYear()
    {
        // CH141, referrals per 10,000, adds up over the year: at Q2 its year to date is half a year's.
        var report = SampleReport.Report;
        var annual = new ComparatorValue(470, "Illustrative", report.Period.Year);
        var comparators = new Comparators("CH141", report.Period.Year, annual, annual, annual, null);
        var result = report.Indicators.Single(r => r.Indicator.Code == "CH141");

        var panel = BenchmarkPanels.For(
            result, report with { Comparators = [comparators] }, yearToDateHidden: false, new PublicationOptions());

        Assert.Empty(panel!.Figures);
        Assert.Null(panel.Band);
        Assert.EndsWith("set beside other areas' annual rates at Q4, when the year is whole", panel.Compared);
    }

    [Fact]
    public void Render_Page_WritesThePanelOnTheCard()
    {
        var report = SampleReport.Report;
        var html = System.Text.Encoding.UTF8.GetString(
            HtmlReport.Render(report, DisclosurePlan.For(report, new PublicationOptions())));

        Assert.Contains("England <strong>42.0</strong> (2025-26)", html, StringComparison.Ordinal);
        Assert.Contains("quartile band <strong class=\"band\">", html, StringComparison.Ordinal);
    }
}
