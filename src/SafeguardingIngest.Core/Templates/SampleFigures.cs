using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Templates;

/// <summary>
/// Fills a blank return with plausible figures: inside each indicator's min–max band, counts whole,
/// ratios from whole numerators and denominators, rates from the reference populations. For
/// demonstrations, tests and benchmarks; deterministic for a given seed.
/// </summary>
public static class SampleFigures
{
    /// <summary>A copy of <paramref name="document"/> with every row filled.</summary>
    public static ReturnDocument Fill(ReturnDocument document, Partnership partnership, int seed)
    {
        var random = new Random(seed);
        var rows = document.Rows.Select(row => Fill(row, partnership, document.Period.Year, random)).ToList();
        return document with { Rows = rows, SubmittedBy = document.SubmittedBy ?? "Data Officer", Email = document.Email ?? "data.officer@example.org" };
    }

    /// <summary>One row filled with a plausible figure.</summary>
    public static ReturnRow Fill(ReturnRow row, Partnership partnership, Periods.FinancialYear year, Random random)
    {
        var indicator = row.Indicator;
        var (low, high) = Band(indicator);
        var target = low + ((high - low) * (0.3 + (0.4 * random.NextDouble())));
        switch (indicator.Unit)
        {
            case IndicatorUnit.Count:
                return row with { Value = Math.Round(target) };
            case IndicatorUnit.Percentage:
                var denominator = (double)random.Next(80, 400);
                return row with { Numerator = Math.Round(denominator * target / 100), Denominator = denominator };
            case IndicatorUnit.RatePer10000:
                var population = partnership.PopulationFor(row.Locality, year) ?? 20_000;
                return row with { Numerator = Math.Round(population * target / 10_000) };
            default:
                var cases = (double)random.Next(50, 400);
                return row with { Numerator = Math.Round(cases * target), Denominator = cases };
        }
    }

    private static (double Low, double High) Band(Indicator indicator)
    {
        var low = indicator.Min ?? 0;
        var high = indicator.Max ?? (indicator.Unit == IndicatorUnit.Percentage ? 100 : low + 100);

        // A quarter's figure sits well inside the plausible band, away from the warnings' edges.
        return (low + ((high - low) * 0.1), low + ((high - low) * 0.5));
    }
}
