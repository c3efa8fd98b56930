using SafeguardingIngest.Disclosure;

namespace SafeguardingIngest.Tests.Disclosure;

public class LinearRangesTests
{
    [Fact]
    public void Range_TwoUnknownsWithAKnownSum_LieBetweenTheFloorAndTheSumLessTheOthersFloor()
    {
        var program = new LinearRanges([1, 1]);
        program.Equal([(0, 1), (1, 1)], 5);

        Assert.Equal((1d, 4d), program.Range(0));
        Assert.Equal((1d, 4d), program.Range(1));
    }

    [Fact]
    public void Range_AnUnknownNoSumBoundsAbove_HasNoCeiling()
    {
        // t − x = 53, x ≥ 1: t is at least 54 and can be anything above.
        var program = new LinearRanges([1, 1]);
        program.Equal([(0, 1), (1, -1)], 53);

        Assert.Equal((54d, double.PositiveInfinity), program.Range(0));
        Assert.Equal((1d, double.PositiveInfinity), program.Range(1));
    }

    [Fact]
    public void Range_SumsThatOnlyTogetherPinAnUnknown_PinIt()
    {
        // North + South = 58, North − x = 53, South − y = 0: x + y = 5, so each is 1 to 4, though no single sum says so.
        var program = new LinearRanges([1, 1, 1, 1]);
        program.Equal([(0, 1), (1, 1)], 58);
        program.Equal([(0, 1), (2, -1)], 53);
        program.Equal([(1, 1), (3, -1)], 0);

        Assert.Equal((1d, 4d), program.Range(2));
        Assert.Equal((1d, 4d), program.Range(3));
        Assert.Equal((54d, 57d), program.Range(0));
    }

    [Fact]
    public void Range_ContradictoryFigures_AreRefusedByName()
    {
        var program = new LinearRanges([1]);
        program.Equal([(0, 1)], 0);

        var error = Assert.Throws<InvalidOperationException>(() => program.Range(0));
        Assert.Contains("contradict", error.Message, StringComparison.Ordinal);
    }
}
