using System.Globalization;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// A six-field NCRONTAB schedule, as the Functions timer reads the CompileSchedule setting:
/// second, minute, hour, day of month, month, day of week (0 = Sunday), each a number, '*', a list
/// (1,15), a range (1-5) or a step (*/10, 0-30/5). Times are UTC, as the Functions host's are.
/// </summary>
public sealed class CronSchedule
{
    private readonly HashSet<int>[] _fields;

    private CronSchedule(HashSet<int>[] fields) => _fields = fields;

    private static readonly (int Low, int High)[] s_ranges = [(0, 59), (0, 59), (0, 23), (1, 31), (1, 12), (0, 6)];

    /// <summary>Reads a schedule; a bad one is refused with what is wrong.</summary>
    public static CronSchedule Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            throw new FormatException($"'{text}' is not a six-field schedule (second minute hour day month day-of-week), such as '0 0 6 * * *'.");
        }

        return new CronSchedule(parts.Select((part, i) => Field(part, s_ranges[i].Low, s_ranges[i].High, text)).ToArray());
    }

    /// <summary>The first time after <paramref name="after"/> (to the second) that the schedule names.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var t = after.ToUniversalTime();
        t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, TimeSpan.Zero).AddSeconds(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!_fields[4].Contains(t.Month))
            {
                t = new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
            }
            else if (!_fields[3].Contains(t.Day) || !_fields[5].Contains((int)t.DayOfWeek))
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
            }
            else if (!_fields[2].Contains(t.Hour))
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
            }
            else if (!_fields[1].Contains(t.Minute))
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero).AddMinutes(1);
            }
            else if (!_fields[0].Contains(t.Second))
            {
                t = t.AddSeconds(1);
            }
            else
            {
                return t;
            }
        }

        throw new InvalidOperationException("The schedule names no time in the next five years.");
    }

    private static HashSet<int> Field(string part, int low, int high, string text)
    {
        var values = new HashSet<int>();
        foreach (var item in part.Split(','))
        {
            var (range, step) = item.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => (r, n),
                _ => throw new FormatException($"'{item}' in '{text}' is not a schedule field."),
            };
            var (from, to) = range == "*" ? (low, high) : range.Split('-') switch
            {
                [var a] => (Number(a), step > 1 ? high : Number(a)),
                [var a, var b] => (Number(a), Number(b)),
                _ => throw new FormatException($"'{item}' in '{text}' is not a schedule field."),
            };
            if (from < low || to > high || from > to)
            {
                throw new FormatException($"'{item}' in '{text}' is outside {low}-{high}.");
            }

            for (var v = from; v <= to; v += step)
            {
                values.Add(v);
            }
        }

        return values;

        int Number(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"'{s}' in '{text}' is not a number.");
    }
}
