using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Catalogue;

/// <summary>
/// A bound of a catalogue entry's dates as the file writes it: a whole financial year ("2026-27") or
/// one quarter ("2026-27 Q2"). As a start it means the first quarter it names; as an end, the last.
/// </summary>
public readonly record struct CataloguePeriod
{
    private CataloguePeriod(FinancialYear year, int? quarter)
    {
        Year = year;
        Quarter = quarter;
    }

    /// <summary>The financial year named.</summary>
    public FinancialYear Year { get; }

    /// <summary>The quarter named, or null for the whole year.</summary>
    public int? Quarter { get; }

    /// <summary>The first quarter it covers: the quarter named, or Q1 of the year.</summary>
    public ReportingPeriod First => new(Year, Quarter ?? 1);

    /// <summary>The last quarter it covers: the quarter named, or Q4 of the year.</summary>
    public ReportingPeriod Last => new(Year, Quarter ?? 4);

    /// <summary>The whole of <paramref name="year"/>.</summary>
    public static CataloguePeriod Of(FinancialYear year) => new(year, null);

    /// <summary>Just <paramref name="quarter"/>.</summary>
    public static CataloguePeriod Of(ReportingPeriod quarter) => new(quarter.Year, quarter.Quarter);

    /// <summary>Reads "2026-27" or "2026-27 Q2" (any form the period types accept); false for anything else.</summary>
    public static bool TryParse(string? text, out CataloguePeriod period)
    {
        period = default;
        if (FinancialYear.TryParse(text, out var year))
        {
            period = Of(year);
            return true;
        }

        if (ReportingPeriod.TryParse(text, out var quarter))
        {
            period = Of(quarter);
            return true;
        }

        return false;
    }

    /// <summary>Reads "2026-27" or "2026-27 Q2"; throws <see cref="FormatException"/> for anything else.</summary>
    public static CataloguePeriod Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException(
                $"'{text}' is neither a financial year nor a quarter; write 2026-27 or 2026-27 Q2.");

    /// <summary>"2026-27" or "2026-27 Q2", as written.</summary>
    public override string ToString() => Quarter is null ? Year.ToString() : First.ToString();
}
