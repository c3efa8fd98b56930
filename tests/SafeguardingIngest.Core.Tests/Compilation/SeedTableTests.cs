using System.Globalization;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Tests.Support;

namespace SafeguardingIngest.Tests.Compilation;

/// <summary>
/// 001_…'s table of children's social care activity, April to September 2010 against 2011, reproduced
/// from real returns: Children's Social Care returns for Q1 and Q2 of two consecutive years, read by
/// the validator and compiled. (The sample catalogue's populations start in 2023-24, so the two
/// years are played as 2024-25 and 2025-26; the counts are the paper's.)
/// </summary>
public class SeedTableTests
{
    private static readonly string[] s_localities =
        [
            "Cannock",
            "East Staffordshire",
            "Lichfield",
            "Newcastle",
            "South Staffordshire",
            "Stafford",
            "Staffordshire Moorlands",
            "Tamworth"];

    [Theory]
    // indicator, April–September before, after, the paper's percentage variation
    [InlineData("CSC-CON", 3592, 3597, 0.13)]
    [InlineData("CSC-REF", 2790, 2378, -14.76)]
    [InlineData("CSC-OPEN", 1898, 1640, -13.6)]
    [InlineData("CSC-IA", 2338, 1800, -23.0)]
    [InlineData("CSC-CA", 660, 649, -1.6)]
    public void Compile_ReturnsHoldingThePapersCounts_ReproduceItsVariation(
        string indicator,
        int before,
        int after,
        double paper)
    {
        var data = new[] { (2024, before), (2025, after) }
            .SelectMany(year => Quarters(year.Item1, indicator, year.Item2))
            .GroupBy(o => o.Period)
            .ToDictionary(g => g.Key, g => new PeriodData(g.Key, g.ToList(), [], [], []));

        var report = Compiler.Compile(
            Samples.Partnership,
            new ReportingPeriod(2025, 2),
            data,
            [],
            DateTimeOffset.UnixEpoch);

        var area = report.Indicators.Single(i => i.Indicator.Code == indicator).Area;
        Assert.Equal(after, area.YearToDate);
        Assert.Equal(before, area.YearToDateLastYear);
        Assert.InRange(area.YearToDateVariation!.Value, paper - 0.1, paper + 0.1);
    }

    /// <summary>Observations of one indicator from two quarterly CSC returns that add up to <paramref name="total"/>
    /// for April to September.</summary>
    private static IEnumerable<Observation> Quarters(int year, string indicator, int total)
    {
        var flow = Samples.Partnership.FindIndicator(indicator)!.Kind == MeasureKind.Flow;

        // A count that adds up is split between the quarters; a position (open cases) is the September figure.
        var q1 = flow ? total / 2 : total + 37;
        var q2 = flow ? total - q1 : total;
        return Read(new ReportingPeriod(year, 1), indicator, q1).Concat(
            Read(new ReportingPeriod(year, 2), indicator, q2));
    }

    private static IEnumerable<Observation> Read(ReportingPeriod period, string indicator, int total)
    {
        var workbook = TestWorkbook.Good("CSC", period);
        if (Samples.Partnership.FindIndicator(indicator)!.ByLocality)
        {
            // Spread across the eight localities, the remainder in the first.
            var each = total / 8;
            for (var i = 0; i < 8; i++)
            {
                var value = each + (i == 0 ? total - (each * 8) : 0);
                workbook.Set(
                    "Indicators",
                    "G" + workbook.RowOf(indicator, s_localities[i]).ToString(CultureInfo.InvariantCulture),
                    value);
            }
        }
        else
        {
            workbook.Set("Indicators", "G" + workbook.RowOf(indicator).ToString(CultureInfo.InvariantCulture), total);
        }

        var sink = new ObservationBuffer();
        var result = Check.Return(workbook, new ReturnContext("CSC", period), sink);
        Assert.True(result.Report.IsAccepted, Check.Describe(result));
        return sink.Items.Where(o => o.Indicator == indicator);
    }
}
