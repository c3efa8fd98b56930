using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Tests.Reports;

public class FigureTextTests
{
    [Theory]
    [InlineData(-0.6, IndicatorUnit.Percentage, "−0.6 pp")]
    [InlineData(4.3, IndicatorUnit.Percentage, "+4.3 pp")]
    [InlineData(0.0, IndicatorUnit.Percentage, "0.0 pp")]
    [InlineData(182.8, IndicatorUnit.Count, "+182.8%")]
    [InlineData(-14.8, IndicatorUnit.Count, "−14.8%")]
    [InlineData(2.0, IndicatorUnit.RatePer10000, "+2.0%")]
    [InlineData(-3.0, IndicatorUnit.Average, "−3.0%")]
    [InlineData(1234.5, IndicatorUnit.Count, "+1,234.5%")]
    public void Change_ByUnit_OneDecimalWithItsMeasure(double change, IndicatorUnit unit, string expected)
    {
        var text = FigureText.Change(change, unit);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData(19.04, IndicatorUnit.Percentage, "19.0%")]
    [InlineData(19.05, IndicatorUnit.Percentage, "19.1%")]
    [InlineData(699.5, IndicatorUnit.Count, "700")]
    [InlineData(2.25, IndicatorUnit.RatePer10000, "2.3")]
    public void Show_HalfwayFigures_RoundAwayFromZeroAsTheRatingDoes(double value, IndicatorUnit unit, string expected)
    {
        var text = FigureText.Show(value, unit);

        Assert.Equal(expected, text);
    }
}
