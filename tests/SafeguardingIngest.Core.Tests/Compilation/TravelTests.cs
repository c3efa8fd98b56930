using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;

namespace SafeguardingIngest.Tests.Compilation;

public class TravelTests
{
    [Theory]
    // 16.9% to 16.3%: 16.3 − 16.9 = −0.6 percentage points (the relative change would be −3.6%).
    [InlineData(16.9, 16.3, -0.6)]
    // 16.94% and 16.26% show as 16.9% and 16.3%: the change is read off those, −0.6, not the raw −0.68 (−0.7).
    [InlineData(16.94, 16.26, -0.6)]
    // 14.7% to 19.04% (shows 19.0%): +4.3 points.
    [InlineData(14.7, 19.04, 4.3)]
    public void Change_Percentage_IsInPercentagePointsOfTheFiguresAsShown(double before, double now, double expected)
    {
        var change = Travel.Change(now, before, IndicatorUnit.Percentage);

        Assert.Equal(expected, change!.Value, 9);
    }

    [Theory]
    // 001's table: contacts 3,592 → 3,597 is 100 × 5 / 3,592 = +0.139%, one decimal +0.1;
    // referrals 2,790 → 2,378 is 100 × −412 / 2,790 = −14.767%, −14.8;
    // core assessments 660 → 649, −1.667%, −1.7.
    [InlineData(3592, 3597, 0.1)]
    [InlineData(2790, 2378, -14.8)]
    [InlineData(660, 649, -1.7)]
    public void Change_Count_IsRelativeToOneDecimal(double before, double now, double expected)
    {
        var change = Travel.Change(now, before, IndicatorUnit.Count);

        Assert.Equal(expected, change!.Value, 9);
    }

    [Fact]
    public void Change_Rate_IsRelativeOnTheRatesAsShown()
    {
        // 26.04 and 24.96 per 10,000 show as 26.0 and 25.0: 100 × −1.0 / 26.0 = −3.846%, −3.8.
        // (On the raw figures it would be 100 × −1.08 / 26.04 = −4.147%, −4.1, which no reader could work out.)
        var change = Travel.Change(24.96, 26.04, IndicatorUnit.RatePer10000);

        Assert.Equal(-3.8, change!.Value, 9);
    }

    [Fact]
    public void Change_CountFromNothing_HasNoRelativeChange()
    {
        var change = Travel.Change(12, 0, IndicatorUnit.Count);

        Assert.Null(change);
    }

    [Theory]
    // 19.04% and 18.96% both show as 19.0%: no change; 19.06% shows as 19.1%: up, worse for lower is better.
    [InlineData(19.04, 18.96, Direction.NoChange)]
    [InlineData(19.06, 18.96, Direction.Worsening)]
    public void Of_PercentagesThatShowTheSame_AreNoChange(double now, double before, Direction expected)
    {
        var direction = Travel.Of(now, before, IndicatorUnit.Percentage, Polarity.LowerIsBetter);

        Assert.Equal(expected, direction);
    }
}
