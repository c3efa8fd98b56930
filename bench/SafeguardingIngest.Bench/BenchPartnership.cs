using System.Globalization;
using System.Text.Json;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Bench;

/// <summary>
/// A synthetic partnership large enough that a big return has no duplicate rows: many indicators
/// of every unit, each owed per locality by one agency. Written as reference JSON, so it can be
/// published to storage like any partnership's.
/// </summary>
internal static class BenchPartnership
{
    public const string Agency = "BENCH";

    public static ReportingPeriod Period { get; } = ReportingPeriod.Parse("2025-26 Q2");

    public static Partnership Create(int rows, int localities = 200) => PartnershipReader.Parse(Json(rows, localities));

    public static string Json(int rows, int localities = 200)
    {
        var indicatorCount = (rows + localities - 1) / localities;
        string[] units = ["count", "percentage", "ratePer10000", "average"];
        var document = new
        {
            partnership = "Benchmark partnership",
            returnsDueDays = 30,
            agencies = new[] { new { code = Agency, name = "Benchmark agency" } },
            localities = Enumerable.Range(0, localities)
                .Select(i => new { code = $"L{i:000}", name = $"Locality {i.ToString(CultureInfo.InvariantCulture)}" }),
            populations = Enumerable.Range(2024, 8).SelectMany(year => Enumerable.Range(0, localities).Select(i => new
            {
                locality = $"L{i:000}",
                year = new FinancialYear(year).ToString(),
                under18 = 15_000,
            })),
            indicators = Enumerable.Range(0, indicatorCount).Select(i => new
            {
                code = $"B{i:0000}",
                title = $"Benchmark indicator {i.ToString(CultureInfo.InvariantCulture)}",
                unit = units[i % units.Length],
                polarity = "lowerIsBetter",
                agencies = new[] { Agency },
                byLocality = true,
                min = 0,
                max = units[i % units.Length] == "percentage" ? 100 : 1_000,

                // Every indicator has its quarterly change checked, as a real catalogue's main ones are, so an
                // ingest reads last quarter's figures; the limit is wide, so random figures seldom pass it.
                maxQuarterlyChange = 1_000,
            }),
        };
        return JsonSerializer.Serialize(document);
    }
}
