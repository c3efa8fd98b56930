using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Tests.Catalogue;

/// <summary>LAIT's A–D bands read through the polarity: A is the best quarter of areas either way.</summary>
public sealed class QuartileBandsTests
{
    // Quartiles of all areas: 25% at or below 20, half at or below 30, 75% at or below 40.
    private static readonly Quartiles s_quartiles = new(20, 30, 40, "test", FinancialYear.Parse("2025-26"));

    [Theory]
    // Lower is better: at or below the lower quartile is the best quarter (A); above the upper, the worst (D).
    [InlineData(12.0, QuartileBand.A)]
    [InlineData(20.0, QuartileBand.A)]
    [InlineData(20.1, QuartileBand.B)]
    [InlineData(30.0, QuartileBand.B)]
    [InlineData(35.0, QuartileBand.C)]
    [InlineData(40.0, QuartileBand.C)]
    [InlineData(40.1, QuartileBand.D)]
    public void Of_LowerIsBetter_BandsFromTheBottom(double value, QuartileBand expected)
    {
        Assert.Equal(expected, QuartileBands.Of(value, s_quartiles, Polarity.LowerIsBetter));
    }

    [Theory]
    // Higher is better: at or above the upper quartile is A; below the lower, D.
    [InlineData(55.0, QuartileBand.A)]
    [InlineData(40.0, QuartileBand.A)]
    [InlineData(39.9, QuartileBand.B)]
    [InlineData(30.0, QuartileBand.B)]
    [InlineData(25.0, QuartileBand.C)]
    [InlineData(20.0, QuartileBand.C)]
    [InlineData(19.9, QuartileBand.D)]
    public void Of_HigherIsBetter_BandsFromTheTop(double value, QuartileBand expected)
    {
        Assert.Equal(expected, QuartileBands.Of(value, s_quartiles, Polarity.HigherIsBetter));
    }

    [Fact]
    public void Of_DirectionOnly_HasNoBand()
    {
        Assert.Null(QuartileBands.Of(25, s_quartiles, Polarity.None));
    }
}
