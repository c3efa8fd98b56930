using System.Globalization;
using NodaTime;

namespace SafeguardingIngest.Periods;

/// <summary>
/// The partnership's clock. English public bodies work to UK time (Europe/London: GMT in winter, BST
/// from the last Sunday of March to the last Sunday of October), so a due date, lateness, whether a
/// quarter has ended and which quarter the timer compiles are all read in it, never in UTC: an upload
/// at 00:30 BST on the day after the due date is late, though it is still the due date in UTC. The
/// time zone rules come with NodaTime, so no machine's own time zone data is needed.
/// </summary>
public static class UkTime
{
    private static readonly DateTimeZone s_london = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>The UK calendar date at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant)
    {
        var date = Instant.FromDateTimeOffset(instant).InZone(s_london).Date;
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>Today's UK date by <paramref name="time"/>.</summary>
    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>"20 October 2025 10:00 BST": an instant as people in the partnership read it.</summary>
    public static string Describe(DateTimeOffset instant)
    {
        var local = Instant.FromDateTimeOffset(instant).InZone(s_london);
        var abbreviation = local.IsDaylightSavingTime() ? "BST" : "GMT";
        return local
            .ToDateTimeUnspecified()
            .ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture) + " " + abbreviation;
    }
}
