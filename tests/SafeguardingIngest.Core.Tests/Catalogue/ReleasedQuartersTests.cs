using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Tests.Catalogue;

public class ReleasedQuartersTests
{
    private static readonly ReportingPeriod[] s_released = [
        ReportingPeriod.Parse("2025-26 Q1"),
        ReportingPeriod.Parse("2025-26 Q2")];

    private static Partnership With(string find, string replace)
    {
        var json = ThreeYearCatalogue.Json.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(ThreeYearCatalogue.Json, json);
        return PartnershipReader.Parse(json);
    }

    [Fact]
    public void Changes_IndicatorDatesMovedIntoThePast_ListsWhatEachReleasedQuarterLoses()
    {
        // OLD retired a year earlier: the released 2025-26 quarters showed it, with its 2025-26 target of 20.
        var proposed = With("\"until\": \"2025-26\", \"targets\": { \"2025-26\": 20 }", "\"until\": \"2024-25\"");

        var changes = ReleasedQuarters.Changes(ThreeYearCatalogue.Partnership, proposed, s_released);

        Assert.Equal(
            [
                "2025-26 Q1: no longer indicator OLD owed by CSC", "2025-26 Q1: no longer indicator OLD target 20",
                "2025-26 Q2: no longer indicator OLD owed by CSC", "2025-26 Q2: no longer indicator OLD target 20",
            ],
            changes);
    }

    [Fact]
    public void Changes_OnlyLaterYearsChange_ChangesNoReleasedQuarter()
    {
        // NEW's start and a new 2027-28 target touch nothing released in 2025-26.
        var proposed = With("\"targets\": { \"2026-27\": 15 }", "\"targets\": { \"2026-27\": 14, \"2027-28\": 12 }");

        Assert.Empty(ReleasedQuarters.Changes(ThreeYearCatalogue.Partnership, proposed, s_released));
    }

    [Fact]
    public void Changes_SeriesBreakMovedIntoAReleasedYear_SaysTheComparisonIsGone()
    {
        var proposed = With("\"seriesBreak\": \"2026-27\"", "\"seriesBreak\": \"2025-26\"");

        var changes = ReleasedQuarters.Changes(ThreeYearCatalogue.Partnership, proposed, s_released);

        Assert.Contains("2025-26 Q2: now indicator CPP not comparable with last year", changes);
    }
}
