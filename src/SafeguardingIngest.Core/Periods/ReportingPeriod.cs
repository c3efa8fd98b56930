using System.Globalization;
using System.Text.RegularExpressions;

namespace SafeguardingIngest.Periods;

/// <summary>
/// A quarter of a financial year: Q1 April–June, Q2 July–September, Q3 October–December,
/// Q4 January–March. Written "2025-26 Q2"; <see cref="Key"/> ("2025-26-Q2") sorts as text.
/// </summary>
public readonly partial record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    /// <summary>The financial year the quarter belongs to.</summary>
    public FinancialYear Year { get; }

    /// <summary>The quarter number, 1 to 4.</summary>
    public int Quarter { get; }

    /// <summary>Creates quarter <paramref name="quarter"/> (1 to 4) of <paramref name="year"/>.</summary>
    public ReportingPeriod(FinancialYear year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        Year = year;
        Quarter = quarter;
    }

    /// <summary>
    /// Creates quarter <paramref name="quarter"/> of the financial year starting in <paramref name="startYear"/>.
    /// </summary>
    public ReportingPeriod(int startYear, int quarter)
        : this(new FinancialYear(startYear), quarter)
    {
    }

    /// <summary>The first day of the quarter.</summary>
    public DateOnly Start => Year.Start.AddMonths(3 * (Quarter - 1));

    /// <summary>The last day of the quarter (inclusive).</summary>
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    /// <summary>"2025-26-Q2": a storage key that sorts chronologically as text.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Quarter}");

    /// <summary>The day a return is due: <paramref name="daysAfterQuarterEnd"/> days after <see cref="End"/>.</summary>
    public DateOnly DueDate(int daysAfterQuarterEnd) => End.AddDays(daysAfterQuarterEnd);

    /// <summary>The quarter before this one (Q1 goes back to Q4 of the previous year).</summary>
    public ReportingPeriod Previous() => Quarter == 1 ? new(Year.Previous(), 4) : new(Year, Quarter - 1);

    /// <summary>The quarter after this one.</summary>
    public ReportingPeriod Next() => Quarter == 4 ? new(Year.Next(), 1) : new(Year, Quarter + 1);

    /// <summary>The same quarter of the previous financial year.</summary>
    public ReportingPeriod SameQuarterLastYear() => new(Year.Previous(), Quarter);

    /// <summary>Q1 up to and including this quarter, in order.</summary>
    public IReadOnlyList<ReportingPeriod> YearToDate()
    {
        var quarters = new ReportingPeriod[Quarter];
        for (var q = 1; q <= Quarter; q++)
        {
            quarters[q - 1] = new ReportingPeriod(Year, q);
        }

        return quarters;
    }

    /// <summary>This quarter and the <paramref name="count"/> − 1 before it, oldest first.</summary>
    public IReadOnlyList<ReportingPeriod> Trailing(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var quarters = new ReportingPeriod[count];
        var period = this;
        for (var i = count - 1; i >= 0; i--)
        {
            quarters[i] = period;
            period = period.Previous();
        }

        return quarters;
    }

    /// <summary>The quarter that contains <paramref name="date"/>.</summary>
    public static ReportingPeriod Containing(DateOnly date)
    {
        var year = FinancialYear.Containing(date);
        var monthsIn = ((date.Month - 4) + 12) % 12;
        return new ReportingPeriod(year, (monthsIn / 3) + 1);
    }

    /// <summary>True once the quarter is over: <paramref name="today"/> (a UK date) is after its last day.</summary>
    public bool HasEnded(DateOnly today) => today > End;

    /// <summary>
    /// The most recent quarter that is over on <paramref name="today"/> (a UK date): its last day is before it.
    /// </summary>
    public static ReportingPeriod LastEndedBefore(DateOnly today) => LastEndedOnOrBefore(today.AddDays(-1));

    /// <summary>The most recent quarter whose last day is <paramref name="date"/> or earlier.</summary>
    public static ReportingPeriod LastEndedOnOrBefore(DateOnly date)
    {
        var containing = Containing(date);
        return containing.End == date ? containing : containing.Previous();
    }

    /// <summary>
    /// Parses "2025-26 Q2", "2025/26 Q2", "Q2 2025-26", "2025-26-Q2" (and "2025-2026 Q2"), in any case.
    /// </summary>
    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' is not a reporting period; write it like 2025-26 Q2.");

    /// <summary>Parses the forms <see cref="Parse"/> accepts; false for anything else.</summary>
    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = YearFirst().Match(text);
        if (!match.Success)
        {
            match = QuarterFirst().Match(text);
        }

        if (!match.Success ||
            !FinancialYear.TryParse(
                match.Groups["year"].Value.Replace(" ", "", StringComparison.Ordinal),
                out var year))
        {
            return false;
        }

        period = new ReportingPeriod(year, match.Groups["q"].Value[0] - '0');
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(ReportingPeriod other)
    {
        var byYear = Year.CompareTo(other.Year);
        return byYear != 0 ? byYear : Quarter.CompareTo(other.Quarter);
    }

    /// <summary>Compares two periods chronologically.</summary>
    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Compares two periods chronologically.</summary>
    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Compares two periods chronologically.</summary>
    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two periods chronologically.</summary>
    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    /// <summary>"2025-26 Q2".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year} Q{Quarter}");

    [GeneratedRegex(
        @"^\s*(?<year>\d{4}\s*[-/]\s*\d{2}(?:\d{2})?)\s*[-_ ]?\s*Q(?<q>[1-4])\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearFirst();

    [GeneratedRegex(
        @"^\s*Q(?<q>[1-4])\s*[-_ ]?\s*(?<year>\d{4}\s*[-/]\s*\d{2}(?:\d{2})?)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuarterFirst();
}
