using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Tests.Periods;

public class ReportingPeriodTests
{
    [Theory]
    [InlineData("2025-26 Q2")]
    [InlineData("2025/26 Q2")]
    [InlineData("Q2 2025-26")]
    [InlineData("2025-26-Q2")]
    [InlineData("q2 2025/26")]
    [InlineData(" 2025-2026 Q2 ")]
    [InlineData("2025 - 26 Q2")]
    public void Parse_AcceptedForms_GiveSameQuarter(string text)
    {
        var period = ReportingPeriod.Parse(text);

        Assert.Equal(2025, period.Year.StartYear);
        Assert.Equal(2, period.Quarter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-26")]
    [InlineData("2025-26 Q5")]
    [InlineData("2025-27 Q1")]
    [InlineData("Autumn 2025")]
    [InlineData("2025 Q2")]
    [InlineData("Q0 2025-26")]
    public void TryParse_Nonsense_IsFalse(string text) => Assert.False(ReportingPeriod.TryParse(text, out _));

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        var period = new ReportingPeriod(2009, 4);

        Assert.Equal("2009-10 Q4", period.ToString());
        Assert.Equal(period, ReportingPeriod.Parse(period.ToString()));
        Assert.Equal(period, ReportingPeriod.Parse(period.Key));
    }

    [Fact]
    public void Key_SortsChronologicallyAsText()
    {
        var periods = new[]
        {
            new ReportingPeriod(2025, 1),
            new ReportingPeriod(2024, 4),
            new ReportingPeriod(2025, 3),
            new ReportingPeriod(2099, 1),
            new ReportingPeriod(2024, 2)
        };

        var byKey = periods.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();

        Assert.Equal(periods.Order().ToList(), byKey);
    }

    [Theory]
    [InlineData(1, "2025-04-01", "2025-06-30")]
    [InlineData(2, "2025-07-01", "2025-09-30")]
    [InlineData(3, "2025-10-01", "2025-12-31")]
    [InlineData(4, "2026-01-01", "2026-03-31")]
    public void StartAndEnd_AreTheQuartersInclusiveDays(int quarter, string start, string end)
    {
        var period = new ReportingPeriod(2025, quarter);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    [Fact]
    public void Previous_OfQ1_IsQ4OfPreviousYear()
    {
        Assert.Equal(new ReportingPeriod(2024, 4), new ReportingPeriod(2025, 1).Previous());
        Assert.Equal(new ReportingPeriod(2025, 1), new ReportingPeriod(2025, 2).Previous());
        Assert.Equal(new ReportingPeriod(2026, 1), new ReportingPeriod(2025, 4).Next());
    }

    [Fact]
    public void SameQuarterLastYear_KeepsTheQuarter() =>
        Assert.Equal(new ReportingPeriod(2010, 2), new ReportingPeriod(2011, 2).SameQuarterLastYear());

    [Fact]
    public void YearToDate_AtQ2_IsAprilToSeptember()
    {
        // 001_…: "April–September 2011" is 2011-12 year to date at Q2.
        var ytd = new ReportingPeriod(2011, 2).YearToDate();

        Assert.Equal([new ReportingPeriod(2011, 1), new ReportingPeriod(2011, 2)], ytd);
        Assert.Equal(new DateOnly(2011, 4, 1), ytd[0].Start);
        Assert.Equal(new DateOnly(2011, 9, 30), ytd[^1].End);
    }

    [Fact]
    public void Trailing_EightQuarters_EndsWithThisOne()
    {
        var quarters = new ReportingPeriod(2025, 2).Trailing(8);

        Assert.Equal(8, quarters.Count);
        Assert.Equal(new ReportingPeriod(2023, 3), quarters[0]);
        Assert.Equal(new ReportingPeriod(2025, 2), quarters[^1]);
    }

    [Fact]
    public void DueDate_IsDaysAfterQuarterEnd() =>
        Assert.Equal(new DateOnly(2025, 10, 30), new ReportingPeriod(2025, 2).DueDate(30));

    [Theory]
    [InlineData("2026-03-31", 2025, 4)]
    [InlineData("2026-04-01", 2026, 1)]
    [InlineData("2025-11-25", 2025, 3)]
    public void Containing_FindsTheFinancialQuarter(string date, int year, int quarter) =>
        Assert.Equal(
            new ReportingPeriod(year, quarter),
            ReportingPeriod.Containing(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void LastEndedOnOrBefore_MidQuarter_IsThePreviousQuarter()
    {
        Assert.Equal(new ReportingPeriod(2026, 2), ReportingPeriod.LastEndedOnOrBefore(new DateOnly(2026, 11, 25)));
        Assert.Equal(new ReportingPeriod(2026, 2), ReportingPeriod.LastEndedOnOrBefore(new DateOnly(2026, 9, 30)));
    }
}
