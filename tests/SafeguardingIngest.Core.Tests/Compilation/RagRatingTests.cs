using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Tests.Compilation;

public class RagRatingTests
{
    [Theory]
    // Lower is better, target 19.0%, tolerance 10% (a band of 1.9 points). 19.04% shows as 19.0%: on target.
    // 19.06% shows as 19.1%: 0.1 over, within the band. 20.94% shows as 20.9%: 1.9 over, still within.
    // 20.96% shows as 21.0%: 2.0 over, beyond it.
    [InlineData(19.04, Rag.Green)]
    [InlineData(19.06, Rag.Amber)]
    [InlineData(20.94, Rag.Amber)]
    [InlineData(20.96, Rag.Red)]
    public void Of_PercentageAtTheRoundingBoundary_RatesTheFigureAsShown(double value, Rag expected)
    {
        var rag = RagRating.Of(value, 19.0, Polarity.LowerIsBetter, 10, IndicatorUnit.Percentage);

        Assert.Equal(expected, rag);
    }

    [Theory]
    // Higher is better, a count whose target to date is 2,800 × 1 / 4 = 700, tolerance 10% (70).
    // 699.5 shows as 700 (halves away from zero): on target; 699.4 shows as 699: one short, Amber.
    // 630 is 70 short: Amber; 629.4 shows as 629: 71 short, Red.
    [InlineData(699.5, Rag.Green)]
    [InlineData(699.4, Rag.Amber)]
    [InlineData(630, Rag.Amber)]
    [InlineData(629.4, Rag.Red)]
    public void Of_CountAtTheRoundingBoundary_RatesTheWholeNumberShown(double value, Rag expected)
    {
        var rag = RagRating.Of(value, 2800.0 / 4, Polarity.HigherIsBetter, 10, IndicatorUnit.Count);

        Assert.Equal(expected, rag);
    }

    [Fact]
    public void Of_TargetWithMoreDecimalsThanShown_ComparesWithTheTargetAsShown()
    {
        // Higher is better: a target of 20.04 per 10,000 shows as 20.0, so a rate of 20.0 meets it, though
        // compared unrounded it would fall 0.04 short and be Amber.
        var rag = RagRating.Of(20.0, 20.04, Polarity.HigherIsBetter, 5, IndicatorUnit.RatePer10000);

        Assert.Equal(Rag.Green, rag);
    }
}
