using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Templates;

namespace SafeguardingIngest.Cli.Demo;

/// <summary>
/// Figures for the demo that behave like a partnership's: each agency, indicator and locality keeps
/// its own level from quarter to quarter (near the indicator's target where it has one, shared out
/// over the localities and agencies that make it up, a quarter of an annual target for a flow),
/// moving by a steady trend of up to 1½ per cent a quarter and a noise of about 1 per cent, so
/// changes are of a few per cent; a percentage comes from a cohort of
/// steady size; a rate is a number of children over the locality's under-18 population; an average is
/// days over a steady number of cases. Everything follows from the seed alone (no process-dependent
/// hashing), so the same seed gives the same returns, byte for byte, on every run.
/// </summary>
internal static class DemoFigures
{
    /// <summary>
    /// A copy of <paramref name="document"/> with every row filled for quarter <paramref name="quarterIndex"/> of the
    /// series.
    /// </summary>
    public static ReturnDocument Fill(
        ReturnDocument document,
        Partnership partnership,
        string agency,
        int seed,
        int quarterIndex)
    {
        var rows = document.Rows
            .Select(row => Fill(row, partnership, document.Period, agency, seed, quarterIndex))
            .ToList();
        return document with { Rows = Linked(rows) };
    }

    /// <summary>
    /// Makes the rows agree where the catalogue links indicators (<see cref="IndicatorLinks"/>), as one
    /// agency's real return would: a count two indicators share is the same figure in both (the rate's), a percentage's
    /// denominator is the count it is declared to be (the area's, for a percentage given for the whole
    /// area), and a part is never more than its whole.
    /// </summary>
    private static List<ReturnRow> Linked(List<ReturnRow> rows)
    {
        double? Count(string code, string locality)
        {
            var same = rows.Where(r => NameKey.Fold(r.Indicator.Code) == NameKey.Fold(code)).ToList();
            if (same.FirstOrDefault(r => r.Locality == locality) is { } row)
            {
                return row.Value ?? row.Numerator;
            }

            return locality == Locality.WholeAreaCode && same.Count > 0
                ? same.Sum(r => r.Value ?? r.Numerator ?? 0)
                : null;
        }

        static ReturnRow WithCount(ReturnRow row, double count) =>
            row.Indicator.Unit == IndicatorUnit.Count ? row with { Value = count } : row with { Numerator = count };

        // The rate's children drive the count it shares, so the rate stays near its target.
        foreach (var rate in rows.Where(r => r.Indicator.Links.SameCountAs is not null).ToList())
        {
            var shared = rate.Value ?? rate.Numerator;
            for (var k = 0; k < rows.Count; k++)
            {
                if (NameKey.Fold(rows[k].Indicator.Code) == NameKey.Fold(rate.Indicator.Links.SameCountAs!) &&
                    rows[k].Locality == rate.Locality &&
                    shared is { } count)
                {
                    rows[k] = WithCount(rows[k], count);
                }
            }
        }

        for (var k = 0; k < rows.Count; k++)
        {
            var row = rows[k];
            if (row.Indicator.Links.PartOf is { } whole &&
                Count(whole, row.Locality) is { } most &&
                (row.Value ?? row.Numerator) > most)
            {
                rows[k] = WithCount(row, most);
            }
        }

        foreach (var count in rows.Where(
            r => r.Indicator.Links.DenominatorOf.Count > 0).Select(r => r.Indicator).Distinct().ToList())
        {
            for (var k = 0; k < rows.Count; k++)
            {
                var row = rows[k];
                if (count.Links.DenominatorOf.Any(c => NameKey.Fold(c) == NameKey.Fold(row.Indicator.Code)) &&
                    Count(count.Code, row.Locality) is { } denominator && denominator > 0)
                {
                    // Keep the share the row had, of the new denominator.
                    var share = row.Denominator is > 0 && row.Numerator is { } n ? n / row.Denominator.Value : 0.5;
                    rows[k] = row with { Numerator = Math.Round(denominator * share), Denominator = denominator };
                }
            }
        }

        return rows;
    }

    private static ReturnRow Fill(
        ReturnRow row,
        Partnership partnership,
        ReportingPeriod period,
        string agency,
        int seed,
        int quarterIndex)
    {
        var indicator = row.Indicator;
        var stable = new Random(Hash(seed, agency, indicator.Code, row.Locality));
        var (low, high) = SampleFigures.Band(indicator);

        // Where the series starts, which way it moves and how fast: fixed for the row.
        var start = Anchor(indicator, partnership) is { } anchor
            ? anchor * (0.85 + (0.3 * stable.NextDouble()))
            : low + ((high - low) * (0.3 + (0.3 * stable.NextDouble())));
        var trend = (stable.Next(2) == 0 ? -1 : 1) * (0.003 + (0.012 * stable.NextDouble()));
        var volume = 150 + stable.Next(250);
        var noise = new Random(Hash(
            seed,
            agency,
            indicator.Code,
            row.Locality,
            quarterIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var level = Math.Clamp(
            start * Math.Pow(1 + trend, quarterIndex) * (1 + (0.02 * (noise.NextDouble() - 0.5))),
            indicator.Min ?? 0,
            indicator.Max ?? double.MaxValue);
        var cohort = Math.Round(volume * (1 + (0.02 * (noise.NextDouble() - 0.5))));
        switch (indicator.Unit)
        {
            case IndicatorUnit.Count:
                return row with { Value = Math.Round(level) };
            case IndicatorUnit.Percentage:
                return row with { Numerator = Math.Round(cohort * level / 100), Denominator = cohort };
            case IndicatorUnit.RatePer10000:
                var population = partnership.PopulationFor(row.Locality, period.Year) ?? 20_000;
                return row with { Numerator = Math.Round(population * level / 10_000) };
            default:
                return row with { Numerator = Math.Round(cohort * level), Denominator = cohort };
        }
    }

    /// <summary>
    /// What one row's figure is near when the indicator has a target (or a baseline): its latest
    /// annual target, the same for every quarter so a new year's target does not move the figures,
    /// a quarter of it for a flow that adds up, and for counts and rates shared out over the agencies
    /// that owe it (and the localities, for a count by locality) so their sum is near it.
    /// </summary>
    private static double? Anchor(Indicator indicator, Partnership partnership)
    {
        var latest = indicator.Targets.Count == 0 ? (double?)null : indicator.Targets.MaxBy(t => t.Key).Value;
        if ((latest ?? indicator.Baseline?.Value) is not { } annual)
        {
            return null;
        }

        var quarter = indicator.TargetIsProRata ? annual / 4 : annual;
        return indicator.Unit switch
        {
            IndicatorUnit.Count =>
                quarter / indicator.Agencies.Count / (indicator.ByLocality ? partnership.Localities.Count : 1),
            IndicatorUnit.RatePer10000 => quarter / indicator.Agencies.Count,
            _ => quarter,
        };
    }

    /// <summary>FNV-1a over the parts: the same on every run and machine, unlike string.GetHashCode.</summary>
    internal static int Hash(int seed, params string[] parts)
    {
        unchecked
        {
            var hash = 2166136261u ^ (uint)seed;
            foreach (var part in parts)
            {
                foreach (var c in part)
                {
                    hash = (hash ^ c) * 16777619u;
                }

                hash = (hash ^ '|') * 16777619u;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }
}
