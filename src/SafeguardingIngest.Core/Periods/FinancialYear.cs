using System.Globalization;

namespace SafeguardingIngest.Periods;

/// <summary>
/// An English public-sector financial year, 1 April of <see cref="StartYear"/> to 31 March of the next
/// year inclusive, written "2025-26".
/// </summary>
public readonly record struct FinancialYear : IComparable<FinancialYear>
{
    /// <summary>The calendar year in which the financial year starts (April).</summary>
    public int StartYear { get; }

    /// <summary>Creates the financial year that starts in April of <paramref name="startYear"/>.</summary>
    public FinancialYear(int startYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, 2998);
        StartYear = startYear;
    }

    /// <summary>The first day, 1 April.</summary>
    public DateOnly Start => new(StartYear, 4, 1);

    /// <summary>The last day, 31 March of the following year (inclusive).</summary>
    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>The financial year before this one.</summary>
    public FinancialYear Previous() => new(StartYear - 1);

    /// <summary>The financial year after this one.</summary>
    public FinancialYear Next() => new(StartYear + 1);

    /// <summary>The financial year that contains <paramref name="date"/>.</summary>
    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Parses "2025-26", "2025/26", "2025-2026" or "2025/2026".</summary>
    public static FinancialYear Parse(string text) =>
        TryParse(text, out var year)
            ? year
            : throw new FormatException($"'{text}' is not a financial year; write it like 2025-26.");

    /// <summary>Parses "2025-26", "2025/26", "2025-2026" or "2025/2026"; false for anything else.</summary>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var separator = span.IndexOfAny('-', '/');
        if (separator != 4)
        {
            return false;
        }

        if (!int.TryParse(span[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var start) ||
            !int.TryParse(span[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var end))
        {
            return false;
        }

        var endDigits = span.Length - 5;
        var expectedEnd = endDigits switch
        {
            2 => (start + 1) % 100,
            4 => start + 1,
            _ => -1,
        };
        if (end != expectedEnd || start < 1900 || start > 2998)
        {
            return false;
        }

        year = new FinancialYear(start);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>Compares two financial years.</summary>
    public static bool operator <(FinancialYear left, FinancialYear right) => left.CompareTo(right) < 0;

    /// <summary>Compares two financial years.</summary>
    public static bool operator >(FinancialYear left, FinancialYear right) => left.CompareTo(right) > 0;

    /// <summary>Compares two financial years.</summary>
    public static bool operator <=(FinancialYear left, FinancialYear right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two financial years.</summary>
    public static bool operator >=(FinancialYear left, FinancialYear right) => left.CompareTo(right) >= 0;

    /// <summary>"2025-26".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{(StartYear + 1) % 100:00}");
}
