using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;

namespace SafeguardingIngest.Tests.Releases;

public class ReleaseDiffTests
{
    private static readonly ReportingPeriod s_q2 = ReportingPeriod.Parse("2025-26 Q2");

    [Fact]
    public void Between_PercentageWhoseDenominatorChanged_ListsTheFigureAloneNeverItsParts()
    {
        var key = FigureKey.Cell(s_q2, "NI68", "CSC", "N");
        var before = Decisions(
            1,
            new(key, 30, 75.0, false, false),
            Part(FigureParts.Denominator(key), 40, hidden: false),
            Part(FigureParts.Complement(key), 10, hidden: false));
        var after = Decisions(
            2,
            new(key, 30, 60.0, false, false),
            Part(FigureParts.Denominator(key), 50, hidden: true),
            Part(FigureParts.Complement(key), 20, hidden: true));

        var diff = ReleaseDiff.Between(Manifest(1), before, Manifest(2), after);

        var changed = Assert.Single(diff.Changed);
        Assert.Equal(key, changed.Now.Key);
        Assert.Empty(diff.NowHidden);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
    }

    private static FigureDecision Part(string key, double quantity, bool hidden) =>
        new(key, quantity, quantity, hidden, false);

    private static ReleaseDecisions Decisions(int number, params FigureDecision[] figures) =>
        new(s_q2.Key, number, [new IndicatorDecisions("NI68", figures, [])]);

    private static ReleaseManifest Manifest(int number) =>
        new("Test", s_q2.Key, number, DateTimeOffset.UnixEpoch, ReleaseStatus.Published, "in", "cat", [], [], 1, 0, 0);
}
