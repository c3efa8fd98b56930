using NCrontab;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// A six-field NCRONTAB schedule (second minute hour day month day-of-week), read by the NCrontab library that
/// the Functions host's timer trigger reads the CompileSchedule setting with, so every expression the host accepts
/// is accepted here: numbers, '*', lists (1,15), ranges (1-5, MON-FRI), steps (*/10, 0-30/5) and English month and
/// day names or their abbreviations (Jan, Monday), in any case. Times are UTC, as the Functions host's are.
/// </summary>
public sealed class CronSchedule
{
    private static readonly CrontabSchedule.ParseOptions s_withSeconds = new() { IncludingSeconds = true };

    /// <summary>How far ahead <see cref="Next"/> looks before it calls a schedule one that never comes round.</summary>
    private static readonly TimeSpan s_horizon = TimeSpan.FromDays(5 * 366);

    private readonly CrontabSchedule _schedule;

    private CronSchedule(CrontabSchedule schedule) => _schedule = schedule;

    /// <summary>
    /// Reads a schedule; a bad one is refused with a <see cref="FormatException"/> saying what is wrong.
    /// </summary>
    public static CronSchedule Parse(string text)
    {
        try
        {
            return new CronSchedule(CrontabSchedule.Parse(text, s_withSeconds));
        }
        catch (CrontabException e)
        {
            // NCrontab names the field that is wrong, and wraps the reason (the range, the known names) inside.
            var reason = e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
            throw new FormatException(
                $"'{text}' is not a schedule the Functions host reads: six fields (second minute hour day month "
                + $"day-of-week) such as '0 0 6 * * *' or '0 30 9 * * MON-FRI'. {reason}",
                e);
        }
    }

    /// <summary>
    /// The first time after <paramref name="after"/> (to the second) that the schedule names, in UTC.
    /// </summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var from = after.UtcDateTime;
        var end = from + s_horizon;
        var next = _schedule.GetNextOccurrence(from, end);
        return next < end
            ? new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc))
            : throw new InvalidOperationException("The schedule names no time in the next five years.");
    }
}
