using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Releases;

namespace SafeguardingIngest.Tests.Disclosure;

public class KeyedSuppressionTests
{
    private const string Part = "cell|2025-26-Q2|NEGLECT|CSC|N";
    private const string Whole = "cell|2025-26-Q2|PLANS|CSC|N";

    [Fact]
    public void Carry_AnEarlierReleasesPartOfTie_BoundsThePartAsThatReleaseGaveIt()
    {
        // The earlier release hid the part (2, small) and published its whole (3); both have since been revised, so
        // neither old figure is one of this release's. A reader holding that release still knows the old part was no
        // more than 3: 1 to 3, pinned. The tie comes in with the earlier decisions, so the audit sees the pin and,
        // with no figure of this release that would free an old one, cannot pass.
        var earlier = new IndicatorDecisions(
            "PLANS+NEGLECT",
            [
                new FigureDecision(Part, 2, 2, Hidden: true, Primary: true),
                new FigureDecision(Whole, 3, 3, Hidden: false, Primary: false),
            ],
            [])
        {
            PartOf = [[0, 1]],
        };

        Assert.Equal(FallbackReason.StillPinned, Plan(earlier).Unsafe);
        Assert.Null(Plan(earlier with { PartOf = [] }).Unsafe);
    }

    [Fact]
    public void Decisions_RecordEachPartOfTieByTheIndexesOfItsFiguresAndEachFigureOnce()
    {
        var suppression = new KeyedSuppression(threshold: 5);
        var whole = suppression.Add(Whole, 30, 30, primary: false, rank: 0);
        var part = suppression.Add(Part, 8, 8, primary: false, rank: 0);
        suppression.PartOf(part, whole);

        var decisions = suppression.Decisions("PLANS+NEGLECT", []);
        var json = ReleaseJson.Write(new ReleaseDecisions("2025-26-Q2", 1, [decisions]));
        var read = ReleaseJson.ReadDecisions(json);

        Assert.Equal([part, whole], Assert.Single(decisions.PartOf));
        Assert.Equal([part, whole], Assert.Single(Assert.Single(read.Indicators).PartOf));
        // Each figure once: the whole figures are a view of them, not a second copy in the file.
        Assert.DoesNotContain("wholeFigures", System.Text.Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }

    /// <summary>This release, after <paramref name="earlier"/>: the part and its whole revised to 6 and 40.</summary>
    private static AuditOutcome Plan(IndicatorDecisions earlier)
    {
        var suppression = new KeyedSuppression(threshold: 5);
        var whole = suppression.Add(Whole, 40, 40, primary: false, rank: 0);
        var part = suppression.Add(Part, 6, 6, primary: false, rank: 0);
        suppression.PartOf(part, whole);
        suppression.Carry([earlier]);
        return suppression.Hide(AuditLimits.Unhurried);
    }
}
