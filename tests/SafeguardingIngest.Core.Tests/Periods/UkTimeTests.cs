using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Periods;

/// <summary>
/// Due dates, lateness and quarter ends read in UK time, on both sides of the clock changes: in 2025
/// British Summer Time ran from 01:00 UTC on 30 March to 01:00 UTC on 26 October; in 2026 from
/// 29 March to 25 October.
/// </summary>
public class UkTimeTests
{
    [Theory]
    [InlineData("2025-07-30T22:59:00Z", "2025-07-30")] // 23:59 BST
    [InlineData("2025-07-30T23:30:00Z", "2025-07-31")] // 00:30 BST: already the next day in the UK
    [InlineData("2025-10-26T00:30:00Z", "2025-10-26")] // 01:30 BST, the last half hour of summer time
    [InlineData("2025-10-30T23:30:00Z", "2025-10-30")] // 23:30 GMT: winter, UK and UTC dates agree
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")] // 00:30 GMT, half an hour before the clocks go forward
    [InlineData("2026-03-31T23:30:00Z", "2026-04-01")] // 00:30 BST on 1 April
    public void DateOf_InstantsAroundTheClockChanges_AreUkDates(string instant, string date) =>
        Assert.Equal(
            DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            UkTime.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void IsLate_UploadAtHalfPastMidnightBstAfterTheDueDate_IsLate()
    {
        // 2025-26 Q1 ends 30 June; due 30 days later, 30 July 2025. 23:30 UTC on 30 July is 00:30 BST on 31 July.
        var submission = Submission(
            new DateTimeOffset(2025, 7, 30, 23, 30, 0, TimeSpan.Zero),
            new DateOnly(2025, 7, 30));
        var inTime = submission with { ReceivedAt = new DateTimeOffset(2025, 7, 30, 22, 30, 0, TimeSpan.Zero) };

        Assert.True(submission.IsLate);
        Assert.False(inTime.IsLate);
    }

    [Fact]
    public void IsLate_WinterUploadLateInTheEvening_IsOnTime()
    {
        // 2025-26 Q2 is due 30 October 2025, after the clocks went back: 23:30 UTC is 23:30 GMT, still the due date.
        Assert.False(
            Submission(new DateTimeOffset(2025, 10, 30, 23, 30, 0, TimeSpan.Zero), new DateOnly(2025, 10, 30)).IsLate);
    }

    [Theory]
    [InlineData("2025-09-30T05:00:00Z", "2025-26 Q1")] // 06:00 BST on 30 September: Q2 is not over yet
    [InlineData("2025-09-30T22:59:00Z", "2025-26 Q1")] // 23:59 BST on 30 September
    [InlineData("2025-09-30T23:30:00Z", "2025-26 Q2")] // 00:30 BST on 1 October, though still 30 September in UTC
    // 00:30 BST on 1 April 2026, two days after the clocks went forward
    [InlineData("2026-03-31T23:30:00Z", "2025-26 Q4")]
    [InlineData("2026-01-01T00:30:00Z", "2025-26 Q3")] // 00:30 GMT on 1 January
    public void LastEndedBefore_TheTimersMoment_IsTheLastQuarterOverInTheUk(string instant, string period) =>
        Assert.Equal(
            ReportingPeriod.Parse(period),
            ReportingPeriod.LastEndedBefore(
                UkTime.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void HasEnded_OnTheQuartersLastDay_IsFalse()
    {
        var q2 = ReportingPeriod.Parse("2025-26 Q2");

        Assert.False(q2.HasEnded(new DateOnly(2025, 9, 30)));
        Assert.True(q2.HasEnded(new DateOnly(2025, 10, 1)));
    }

    [Theory]
    [InlineData("2025-07-30T22:30:00Z", "30 July 2025 23:30 BST")]
    [InlineData("2025-11-25T22:17:00Z", "25 November 2025 22:17 GMT")]
    public void Describe_SaysTheUkClockAndWhichTime(string instant, string expected) =>
        Assert.Equal(
            expected,
            UkTime.Describe(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    private static Submission Submission(DateTimeOffset received, DateOnly due) => new()
    {
        Id = "x", Agency = "A", Period = ReportingPeriod.Parse("2025-26 Q1"), BlobName = "x", Sha256 = "x", Size = 1,
        ReceivedAt = received,
        ProcessedAt = received,
        Status = ReturnStatus.Accepted,
        FeedbackPath = "x",
        StoredAt = "x",
        DueDate = due,
    };
}
