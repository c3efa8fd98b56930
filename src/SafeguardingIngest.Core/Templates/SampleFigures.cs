using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Templates;

/// <summary>
/// Fills a blank return with plausible figures: inside each indicator's min–max band, counts whole,
/// ratios from whole numerators and denominators, rates from the reference populations. For
/// demonstrations, tests and benchmarks; deterministic for a given seed.
/// </summary>
public static class SampleFigures
{
    /// <summary>
    /// A copy of <paramref name="document"/> with every row filled. <paramref name="drift"/> (−1 to 1)
    /// moves each indicator's figures steadily up or down its band, so a run of quarters shows a trend.
    /// </summary>
    public static ReturnDocument Fill(ReturnDocument document, Partnership partnership, int seed, double drift = 0)
    {
        var random = new Random(seed);
        var rows = document.Rows.Select(row => Fill(row, partnership, document.Period.Year, random, drift)).ToList();
        return document with
        {
            Rows = rows,
            SubmittedBy = document.SubmittedBy ?? "Data Officer",
            Email = document.Email ?? "data.officer@example.org"
        };
    }

    /// <summary>One row filled with a plausible figure.</summary>
    public static ReturnRow Fill(
        ReturnRow row,
        Partnership partnership,
        Periods.FinancialYear year,
        Random random,
        double drift = 0)
    {
        var indicator = row.Indicator;
        var (low, high) = Band(indicator);

        // Each indicator drifts its own way (from its code), so trends differ across the catalogue.
        var direction = (indicator.Code.Sum(c => c) % 3) - 1;
        var position = Math.Clamp(0.45 + (0.35 * drift * direction) + (0.2 * (random.NextDouble() - 0.5)), 0.05, 0.95);
        var target = low + ((high - low) * position);
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

    /// <summary>
    /// The part of an indicator's plausible range a real figure sits in, away from the warnings' edges
    /// and on the better side of the middle for its polarity.
    /// </summary>
    public static (double Low, double High) Band(Indicator indicator)
    {
        var low = indicator.Min ?? 0;
        var high = indicator.Max ?? (indicator.Unit == IndicatorUnit.Percentage ? 100 : low + 100);

        // A quarter's figure sits well inside the plausible band, away from the warnings' edges, and
        // on the side where real figures lie: high for "higher is better", lower otherwise.
        return indicator.Polarity == Polarity.HigherIsBetter
            ? (low + ((high - low) * 0.5), low + ((high - low) * 0.9))
            : (low + ((high - low) * 0.1), low + ((high - low) * 0.5));
    }
}
