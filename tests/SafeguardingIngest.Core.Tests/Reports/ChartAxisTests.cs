using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>Charts a reader can trust: round ticks, axes that end near the data, projections that stop at the unit's
/// bounds.</summary>
public class ChartAxisTests
{
    [Fact]
    public void For_OddData_TicksAtRoundValues()
    {
        // The old axis ticked 13.2 / 26.5 / 39.7 for data up to 49.6; a fifth of 49.6 is 9.9, rounded up to 10.
        var axis = ChartAxis.For([12.0, 33.0, 49.6], IndicatorUnit.RatePer10000);

        Assert.Equal([0.0, 10, 20, 30, 40, 50], axis.Ticks);
    }

    [Fact]
    public void For_PercentagesNear100_StopsAt100()
    {
        var axis = ChartAxis.For([85.0, 97.5, 99.0], IndicatorUnit.Percentage);

        Assert.Equal(100, axis.High);
        Assert.Equal([0.0, 20, 40, 60, 80, 100], axis.Ticks);
    }

    [Fact]
    public void For_SmallCounts_TicksAtWholeNumbers()
    {
        var axis = ChartAxis.For([1.0, 2, 3], IndicatorUnit.Count);

        Assert.Equal([0.0, 1, 2, 3], axis.Ticks);
    }

    [Theory]
    [InlineData(0.07, 0.1)]
    [InlineData(13.2, 20)]
    [InlineData(30, 50)]
    [InlineData(1_000, 1_000)]
    [InlineData(2_001, 5_000)]
    public void RoundStep_IsOneTwoOrFiveTimesAPowerOfTen(double raw, double expected) =>
        Assert.Equal(expected, ChartAxis.RoundStep(raw), 9);

    [Fact]
    public void Bounded_FallingCount_StopsWhereItReachesZero()
    {
        // Referrals falling 100 a quarter from 300: the line reaches 0 at quarter 3 and stops there, never −124.
        var points = TrendChart.Bounded([0, 1, 2, 3, 4, 5], new Trend(-100, 300, 8), IndicatorUnit.Count);

        Assert.Equal([(0.0, 300.0), (1, 200), (2, 100), (3, 0)], points);
    }

    [Fact]
    public void Bounded_RisingPercentage_StopsAt100()
    {
        // 90% rising 4 points a quarter crosses 100% at quarter 2.5.
        var points = TrendChart.Bounded([0, 1, 2, 3], new Trend(4, 90, 8), IndicatorUnit.Percentage);

        Assert.Equal([(0.0, 90.0), (1, 94), (2, 98), (2.5, 100)], points);
    }
}
