using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Tests.Reports;

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
    public void Line_TwoSmallCounts_NeedNoMore()
    {
        var (hidden, _) = SmallCounts.Line([3, 2, 12], threshold: 5);

        Assert.Equal([0, 1], hidden.Order());
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
