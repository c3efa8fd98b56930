using SafeguardingIngest.Compilation;

namespace SafeguardingIngest.Tests.Compilation;

public class CronScheduleTests
{
    private static readonly DateTimeOffset s_monday0500 = new(2025, 10, 20, 5, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 0 6 * * *", "2025-10-20T06:00:00Z")]   // the default compile: 06:00 daily
    [InlineData("0 30 * * * *", "2025-10-20T05:30:00Z")]  // the default sweep: half past each hour
    [InlineData("*/15 * * * * *", "2025-10-20T05:00:15Z")]
    [InlineData("0 0 6 * * 6", "2025-10-25T06:00:00Z")]   // Saturdays
    [InlineData("0 0 9 1 1,4,7,10 *", "2026-01-01T09:00:00Z")] // quarterly, on the first day
    [InlineData("0 0-10/5 5 * * *", "2025-10-20T05:05:00Z")]
    public void Next_AfterMondayFiveOClock_IsTheScheduledTime(string schedule, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CronSchedule.Parse(schedule).Next(s_monday0500));

    [Fact]
    public void Next_AtTheScheduledSecond_IsTheNextOne() =>
        Assert.Equal(s_monday0500.AddDays(1).AddHours(1), CronSchedule.Parse("0 0 6 * * *").Next(s_monday0500.AddHours(1)));

    [Theory]
    [InlineData("0 6 * * *")]
    [InlineData("0 0 25 * * *")]
    [InlineData("0 0 six * * *")]
    [InlineData("0 0 */0 * * *")]
    public void Parse_BadSchedule_IsRefused(string schedule) =>
        Assert.Throws<FormatException>(() => CronSchedule.Parse(schedule));
}
