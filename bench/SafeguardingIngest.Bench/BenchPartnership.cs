using System.Globalization;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Bench;

/// <summary>
/// A synthetic partnership large enough that a 100,000-row return has no duplicate rows: many
/// indicators of every unit, each owed per locality by one agency.
/// </summary>
internal static class BenchPartnership
{
    public const string Agency = "BENCH";

    public static ReportingPeriod Period { get; } = ReportingPeriod.Parse("2025-26 Q2");

    public static Partnership Create(int rows, int localities = 200)
    {
        var indicatorCount = (rows + localities - 1) / localities;
        var units = Enum.GetValues<IndicatorUnit>();
        var localityList = Enumerable.Range(0, localities)
            .Select(i => new Locality($"L{i:000}", $"Locality {i.ToString(CultureInfo.InvariantCulture)}"))
            .ToList();
        var indicators = Enumerable.Range(0, indicatorCount).Select(i => new Indicator
        {
            Code = $"B{i:0000}",
            Title = $"Benchmark indicator {i.ToString(CultureInfo.InvariantCulture)}",
            Unit = units[i % units.Length],
            Polarity = Polarity.LowerIsBetter,
            Agencies = [Agency],
            ByLocality = true,
            Min = 0,
            Max = units[i % units.Length] == IndicatorUnit.Percentage ? 100 : 1_000,
        }).ToList();
        var populations = localityList.Select(l => new Population(l.Code, Period.Year, 15_000)).ToList();
        return new Partnership("Benchmark partnership", 30, [new Agency(Agency, "Benchmark agency")], localityList, populations, indicators);
    }
}
