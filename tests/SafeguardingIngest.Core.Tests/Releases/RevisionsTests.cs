using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;

namespace SafeguardingIngest.Tests.Releases;

public class RevisionsTests
{
    private static readonly string s_key = FigureKey.Cell(ReportingPeriod.Parse("2026-27 Q2"), "SHARE", "B", "L1");

    /// <summary>A percentage's row, hidden: its numerator 0 (the value kept beside it 0) of a denominator.</summary>
    private static IndicatorDecisions NoneOf(double denominator) => new(
        "SHARE",
        [
            new FigureDecision(s_key, 0, 0, Hidden: true, Primary: true),
            new FigureDecision(FigureParts.Denominator(s_key), denominator, null, Hidden: true, Primary: true),
            new FigureDecision(FigureParts.Complement(s_key), denominator, null, Hidden: true, Primary: true),
        ],
        []);

    [Fact]
    public void Find_APercentagesDenominatorChangedAlone_RevisesItsRow()
    {
        // 0 of 0 sent again as 0 of 1: the numerator and the value are the same, the denominator the csv row
        // shows is not. Unmarked, a reader would take the row to be the one the earlier release had.
        var revisions = Revisions.Find(
            [NoneOf(1)],
            [new ReleaseDecisions("2026-27 Q4", 1, [NoneOf(0)])],
            (_, _) => "resubmitted");

        Assert.Equal(s_key, Assert.Single(revisions).Key);
    }

    [Fact]
    public void Find_APercentagesPartsUnchanged_RevisesNothing()
    {
        var revisions = Revisions.Find(
            [NoneOf(3)],
            [new ReleaseDecisions("2026-27 Q4", 1, [NoneOf(3)])],
            (_, _) => "resubmitted");

        Assert.Empty(revisions);
    }
}
