using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Catalogue;

/// <summary>
/// When a catalogue entry (an indicator, an agency, a locality) is in force: from the first quarter of
/// <see cref="From"/> to the last quarter of <see cref="Until"/>, both inclusive; an absent bound is open.
/// </summary>
public sealed record InForce(CataloguePeriod? From, CataloguePeriod? Until)
{
    /// <summary>In force for all time: what an entry without dates means.</summary>
    public static InForce Always { get; } = new(null, null);

    /// <summary>True when it has neither a start nor an end.</summary>
    public bool IsAlways => From is null && Until is null;

    /// <summary>True when <paramref name="quarter"/> falls within the dates.</summary>
    public bool Covers(ReportingPeriod quarter) =>
        (From is not { } from || quarter >= from.First) && (Until is not { } until || quarter <= until.Last);

    /// <summary>
    /// Why <paramref name="name"/> is not in force in <paramref name="quarter"/>, in the words of its
    /// dates ("OLD was last collected in 2025-26", "NEW is collected from 2026-27"); null when it is.
    /// </summary>
    public string? Outside(string name, ReportingPeriod quarter, string starts, string ended) =>
        From is { } from && quarter < from.First ? $"{name} {starts} {from}"
        : Until is { } until && quarter > until.Last ? $"{name} {ended} {until}"
        : null;

    /// <summary>True when some quarter of <paramref name="year"/> falls within the dates.</summary>
    public bool Touches(FinancialYear year) => Enumerable.Range(1, 4).Any(q => Covers(new ReportingPeriod(year, q)));

    /// <summary>True when some quarter falls within both these dates and <paramref name="other"/>.</summary>
    public bool Overlaps(InForce other)
    {
        var start = Later(From?.First, other.From?.First);
        var end = Earlier(Until?.Last, other.Until?.Last);
        return start is null || end is null || start <= end;
    }

    /// <summary>True when the dates have an end before they start.</summary>
    public bool IsEmpty => From is { } from && Until is { } until && until.Last < from.First;

    /// <summary>"from 2026-27", "until 2025-26", "from 2024-25 until 2026-27 Q1", or "always".</summary>
    public override string ToString() => (From, Until) switch
    {
        (null, null) => "always",
        ({ } from, null) => $"from {from}",
        (null, { } until) => $"until {until}",
        ({ } from, { } until) => $"from {from} until {until}",
    };

    private static ReportingPeriod? Later(ReportingPeriod? a, ReportingPeriod? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;

    private static ReportingPeriod? Earlier(ReportingPeriod? a, ReportingPeriod? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
