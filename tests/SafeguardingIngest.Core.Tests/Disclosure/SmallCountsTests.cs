using SafeguardingIngest.Disclosure;

namespace SafeguardingIngest.Tests.Disclosure;

public class SmallCountsTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void IsSmall_DefaultThreshold_HidesOneToFour(double count, bool small) => Assert.Equal(small, SmallCounts.IsSmall(count, 5));

    [Fact]
    public void Line_OneSmallCount_AlsoHidesTheSmallestOtherSoTheTotalCannotRevealIt()
    {
        // 3 + 10 + 12 + 0 = 25 is published. Hiding the 3 alone, 25 − 10 − 12 − 0 gives it back; so the 10 goes too.
        var (hidden, hideTotal) = SmallCounts.Line([3, 10, 12, 0], threshold: 5);

        Assert.Equal([0, 1], hidden.Order());
        Assert.False(hideTotal);
    }

    [Fact]
    public void Line_TwoSmallCountsAddingUpToEnough_NeedNoMore()
    {
        // 4 + 4 hidden beside 12 and a total of 20: each is 1 to 7, which says no more than that it is hidden.
        var (hidden, _) = SmallCounts.Line([4, 4, 12], threshold: 5);

        Assert.Equal([0, 1], hidden.Order());
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    public void Line_TwoSmallCountsAddingUpToLittle_HideAPartner(double first, double second)
    {
        // Hidden alone beside 12 under a published total, 1 and 1 are both given away (each at least 1, together 2),
        // and 3 and 2 are each pinned to 1 to 4; with the 12 hidden too, each could be anything up to 13 or more.
        var (hidden, hideTotal) = SmallCounts.Line([first, second, 12, 0], threshold: 5);

        Assert.Equal([0, 1, 2], hidden.Order());
        Assert.False(hideTotal);
    }

    [Fact]
    public void Line_TwoSmallCountsAndNothingElseToHide_HideTheTotal()
    {
        var (hidden, hideTotal) = SmallCounts.Line([1, 1, 0], threshold: 5);

        Assert.Equal([0, 1], hidden.Order());
        Assert.True(hideTotal);
    }

    [Fact]
    public void Line_SmallCountBesideOnlyZeros_HidesTheTotal()
    {
        var (hidden, hideTotal) = SmallCounts.Line([0, 3, 0], threshold: 5);

        Assert.Equal([1], hidden);
        Assert.True(hideTotal);
    }

    [Fact]
    public void Table_RowsAndColumns_SuppressUntilEveryLineIsSafe()
    {
        // Agencies × localities, with every row and column total published:
        //        L1  L2
        //   A     2  20
        //   B    30  40
        // The 2 is hidden; row A then needs its 20 hidden, column L1 its 30; that leaves row B and
        // column L2 each with one hidden cell, so the 40 goes too. All four are hidden.
        var cells = new Dictionary<(string, string), double> { [("A", "L1")] = 2, [("A", "L2")] = 20, [("B", "L1")] = 30, [("B", "L2")] = 40 };
        IReadOnlyList<IReadOnlyList<(string, string)>> lines =
        [
            [("A", "L1"), ("A", "L2")], [("B", "L1"), ("B", "L2")],
            [("A", "L1"), ("B", "L1")], [("A", "L2"), ("B", "L2")],
        ];

        var (hidden, totals) = SmallCounts.Table(cells, lines, threshold: 5);

        Assert.Equal(4, hidden.Count);
        Assert.Empty(totals);
    }
}
