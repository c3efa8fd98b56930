using System.Globalization;
using SafeguardingIngest.Compilation;

namespace SafeguardingIngest.Tests.Compilation;

public class CronScheduleTests
{
    private static readonly DateTimeOffset s_monday0500 = new(2025, 10, 20, 5, 0, 0, TimeSpan.Zero);

    // The examples the Functions timer trigger's documentation gives for NCRONTAB, each with the first three
    // times after the given one, worked out by hand from the calendar: 20 October 2025 is a Monday, so the
    // 24th is a Friday, and 1 January 2026 is a Thursday, so that month's Mondays are the 5th, 12th, 19th, 26th.
    [Theory]
    [InlineData("0 */5 * * * *", "2025-10-20T05:00:00Z", "05:05, 05:10, 05:15 on the 20th")]
    [InlineData("0 0 * * * *", "2025-10-20T05:00:00Z", "06:00, 07:00, 08:00 on the 20th")]
    [InlineData("0 0 */2 * * *", "2025-10-20T05:00:00Z", "06:00, 08:00, 10:00 on the 20th")]
    [InlineData("0 0 9-17 * * *", "2025-10-20T16:30:00Z", "17:00 on the 20th, 09:00 and 10:00 on the 21st")]
    [InlineData("0 30 9 * * *", "2025-10-20T05:00:00Z", "09:30 on the 20th, 21st, 22nd")]
    [InlineData("0 30 9 * * 1-5", "2025-10-24T10:00:00Z", "09:30 on Monday 27th, 28th, 29th")]
    [InlineData("0 30 9 * Jan Mon", "2025-10-20T05:00:00Z", "09:30 on 5, 12, 19 January 2026")]
    [InlineData("0 0 9 * * MON-FRI", "2025-10-24T10:00:00Z", "09:00 on Monday 27th, 28th, 29th")]
    [InlineData("0 5 * * * *", "2025-10-20T05:00:00Z", "05:05, 06:05, 07:05 on the 20th")]
    [InlineData("0 * 5 * * *", "2025-10-20T05:00:00Z", "05:01, 05:02, 05:03 on the 20th")]
    [InlineData("5-7 * * * * *", "2025-10-20T05:00:00Z", "05:00:05, 05:00:06, 05:00:07 on the 20th")]
    [InlineData("5,8,10 * * * * *", "2025-10-20T05:00:00Z", "05:00:05, 05:00:08, 05:00:10 on the 20th")]
    [InlineData("0 30 9 * January Monday", "2025-10-20T05:00:00Z", "09:30 on 5, 12, 19 January 2026")]
    [InlineData("0 30 9 * jan mon", "2025-10-20T05:00:00Z", "09:30 on 5, 12, 19 January 2026")]
    public void Next_HostDocumentedExample_GivesTheDocumentedTimes(string schedule, string after, string times)
    {
        var expected = Expected(times);
        var cron = CronSchedule.Parse(schedule);

        var actual = new List<DateTimeOffset>();
        var t = DateTimeOffset.Parse(after, CultureInfo.InvariantCulture);
        for (var i = 0; i < 3; i++)
        {
            actual.Add(t = cron.Next(t));
        }

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("0 0 6 * * *", "2025-10-20T06:00:00Z")]   // the default compile: 06:00 daily
    [InlineData("0 30 * * * *", "2025-10-20T05:30:00Z")]  // the default sweep: half past each hour
    [InlineData("*/15 * * * * *", "2025-10-20T05:00:15Z")]
    [InlineData("0 0 6 * * 6", "2025-10-25T06:00:00Z")]   // Saturdays
    [InlineData("0 0 9 1 1,4,7,10 *", "2026-01-01T09:00:00Z")] // quarterly, on the first day
    [InlineData("0 0-10/5 5 * * *", "2025-10-20T05:05:00Z")]
    public void Next_AfterMondayFiveOClock_IsTheScheduledTime(string schedule, string expected) =>
        Assert.Equal(
            DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture),
            CronSchedule.Parse(schedule).Next(s_monday0500));

    [Fact]
    public void Next_AtTheScheduledSecond_IsTheNextOne() =>
        Assert.Equal(
            s_monday0500.AddDays(1).AddHours(1),
            CronSchedule.Parse("0 0 6 * * *").Next(s_monday0500.AddHours(1)));

    [Fact]
    public void Next_FromAnotherOffset_IsInUtc()
    {
        // 06:30 in UTC+01:00 is 05:30 UTC, so the next 06:00 UTC is half an hour on.
        var after = new DateTimeOffset(2025, 10, 20, 6, 30, 0, TimeSpan.FromHours(1));

        var next = CronSchedule.Parse("0 0 6 * * *").Next(after);

        Assert.Equal(new DateTimeOffset(2025, 10, 20, 6, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void Next_StepOfNought_IsReadAsTheHostReadsIt() =>
        // NCrontab, and so the Functions host, takes a step of 0 as a step of 1: every hour here, not a refusal.
        Assert.Equal(s_monday0500.AddHours(1), CronSchedule.Parse("0 0 */0 * * *").Next(s_monday0500));

    [Fact]
    public void Next_ScheduleThatNeverComesRound_IsRefused() =>
        Assert.Throws<InvalidOperationException>(() => CronSchedule.Parse("0 0 9 31 2 *").Next(s_monday0500));

    [Theory]
    [InlineData("0 6 * * *")]          // five fields: the host's schedules carry seconds
    [InlineData("0 0 6 * * * 2026")]   // seven
    [InlineData("")]
    [InlineData("0 0 25 * * *")]
    [InlineData("0 60 * * * *")]
    [InlineData("0 0 9 32 * *")]
    [InlineData("0 0 9 * 13 *")]
    [InlineData("0 0 9 * * 7")]
    [InlineData("0 0 six * * *")]
    [InlineData("0 0 9 * * MON-FUN")]
    [InlineData("0 0 9 * Jna *")]
    public void Parse_BadSchedule_IsRefusedNamingIt(string schedule)
    {
        var e = Assert.Throws<FormatException>(() => CronSchedule.Parse(schedule));

        Assert.Contains($"'{schedule}'", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Reads "05:05, 05:10 on the 20th" style lists of October 2025 and January 2026 times.</summary>
    private static List<DateTimeOffset> Expected(string times) => times switch
    {
        "05:05, 05:10, 05:15 on the 20th" => [At(20, 5, 5), At(20, 5, 10), At(20, 5, 15)],
        "06:00, 07:00, 08:00 on the 20th" => [At(20, 6, 0), At(20, 7, 0), At(20, 8, 0)],
        "06:00, 08:00, 10:00 on the 20th" => [At(20, 6, 0), At(20, 8, 0), At(20, 10, 0)],
        "17:00 on the 20th, 09:00 and 10:00 on the 21st" => [At(20, 17, 0), At(21, 9, 0), At(21, 10, 0)],
        "09:30 on the 20th, 21st, 22nd" => [At(20, 9, 30), At(21, 9, 30), At(22, 9, 30)],
        "09:30 on Monday 27th, 28th, 29th" => [At(27, 9, 30), At(28, 9, 30), At(29, 9, 30)],
        "09:00 on Monday 27th, 28th, 29th" => [At(27, 9, 0), At(28, 9, 0), At(29, 9, 0)],
        "09:30 on 5, 12, 19 January 2026" => [January(5), January(12), January(19)],
        "05:05, 06:05, 07:05 on the 20th" => [At(20, 5, 5), At(20, 6, 5), At(20, 7, 5)],
        "05:01, 05:02, 05:03 on the 20th" => [At(20, 5, 1), At(20, 5, 2), At(20, 5, 3)],
        "05:00:05, 05:00:06, 05:00:07 on the 20th" => [At(20, 5, 0, 5), At(20, 5, 0, 6), At(20, 5, 0, 7)],
        "05:00:05, 05:00:08, 05:00:10 on the 20th" => [At(20, 5, 0, 5), At(20, 5, 0, 8), At(20, 5, 0, 10)],
        _ => throw new ArgumentException($"No times written for '{times}'.", nameof(times)),
    };

    private static DateTimeOffset At(int day, int hour, int minute, int second = 0) =>
        new(2025, 10, day, hour, minute, second, TimeSpan.Zero);

    private static DateTimeOffset January(int day) => new(2026, 1, day, 9, 30, 0, TimeSpan.Zero);
}
