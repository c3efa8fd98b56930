using SafeguardingIngest.Disclosure;

namespace SafeguardingIngest.Tests.Disclosure;

public class SmallCountsTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void IsSmall_DefaultThreshold_HidesOneToFour(double count, bool small) =>
        Assert.Equal(small, SmallCounts.IsSmall(count, 5));
}
