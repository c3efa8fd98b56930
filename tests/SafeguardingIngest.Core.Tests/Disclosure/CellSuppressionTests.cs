using SafeguardingIngest.Disclosure;

namespace SafeguardingIngest.Tests.Disclosure;

public class CellSuppressionTests
{
    [Fact]
    public void Hide_FiguresThatContradictTheirSum_AreLeftToTheProgramAndNotPassedOnTheirValues()
    {
        // A total of 1 shown over a hidden 3 and its partner 40: no counts give them all. By their values alone the
        // two could be any split of 43, safe; but the figures are not a solution of the program, so the audit runs
        // it, finds the contradiction, passes nothing, and hides the total. With the total hidden, the partner is
        // shown again.
        var (suppression, total, small, _) = SmallBesideItsPartner(total: 1);

        var outcome = suppression.Hide(AuditLimits.Unhurried);

        Assert.Null(outcome.Unsafe);
        Assert.Equal([total, small], outcome.Hidden.Order());
    }

    [Fact]
    public void Hide_FiguresThatAddUp_PassOnTheirValuesWithNoProgram()
    {
        // The same with a total of 43: the split of 43 between the two spans the threshold, so the pattern passes
        // with no program run (none can run: its pivot cap is 0).
        var (suppression, _, small, partner) = SmallBesideItsPartner(total: 43);
        var noPivots = new AuditLimits(TimeProvider.System, Timeout.InfiniteTimeSpan, PivotsPerSize: 0);

        var outcome = suppression.Hide(noPivots);

        Assert.Null(outcome.Unsafe);
        Assert.Equal([small, partner], outcome.Hidden.Order());
    }

    /// <summary>A small 3 and a 40 under a shown <paramref name="total"/>, ranked above them.</summary>
    private static (CellSuppression Suppression, int Total, int Small, int Partner) SmallBesideItsPartner(double total)
    {
        var suppression = new CellSuppression(threshold: 5);
        var sum = suppression.Add(total, primary: false, rank: 1);
        var small = suppression.Add(3, primary: true);
        var partner = suppression.Add(40, primary: false);
        suppression.Sum(sum, [small, partner]);
        return (suppression, sum, small, partner);
    }
}
