using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Tests.Compilation;

public class PackedObservationsTests
{
    private static readonly ReportingPeriod s_q1 = new(2025, 1);
    private static readonly ReportingPeriod s_q2 = new(2025, 2);

    // Two quarters read in turn, out of order, with names that sort differently by culture and by ordinal ("b" < "B"
    // by culture, "B" < "b" by ordinal), rows alike in quarter, indicator, agency and locality, a denominator of
    // nothing beside one of zero, and commentary null, empty and written.
    private static readonly Observation[][] s_read =
    [
        [
            new(s_q2, "b", "NI 65", "L1", 3, null, 3, IndicatorUnit.Count, null, "Indicators!G4"),
            new(s_q2, "B", "NI 65", "L1", 4, 0, 0, IndicatorUnit.Percentage, "", "Indicators!G4"),
            new(s_q2, "A", "ch01", "L2", 5, 10_000, 5, IndicatorUnit.RatePer10000, "Late", "Indicators!G9"),
            new(s_q2, "A", "ch01", "L2", 6, 10_000, 6, IndicatorUnit.RatePer10000, null, "Indicators!G10"),
        ],
        [
            new(s_q1, "A", "CH01", "L1", 7, 20, 35, IndicatorUnit.Percentage, null, "Indicators!G2"),
            new(s_q1, "A", "CH01", "ALL", 8.5, 2, 4.25, IndicatorUnit.Average, "Two cases", "Indicators!G3"),
        ],
    ];

    [Fact]
    public void Pack_KeepsTheOrderGiven()
    {
        var read = s_read.SelectMany(r => r).ToList();

        Assert.Equal(read, PackedObservations.Pack(read));
    }

    [Fact]
    public void Of_GivesOneIndicatorsRowsInTheOrderPacked_ItsCodeComparedOrdinally()
    {
        var packed = PackedObservations.Pack(s_read.SelectMany(r => r));

        Assert.Equal(packed.Where(o => o.Indicator == "CH01"), packed.Of("CH01"));
        Assert.Equal(2, packed.Of("ch01").Count());
        Assert.Empty(packed.Of("Ch01"));
    }

    [Fact]
    public void Indexer_RefusesAnIndexOutsideTheRows()
    {
        var packed = PackedObservations.Pack(s_read.SelectMany(r => r));

        Assert.Equal(s_read[0][0], packed[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => packed[packed.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => packed[-1]);
    }

    [Fact]
    public void Compile_FromPackedQuarters_WritesWhatItWritesFromLists()
    {
        // Fractional averages over four agencies' rows in two quarters: sums whose last bits follow the order added.
        var periods = new[] { TestPartnership.Q2, TestPartnership.Q2.Previous() };
        var random = new Random(3);
        var read = periods.SelectMany(p => new[] { "B", "A" }.SelectMany(a => new[]
        {
            TestPartnership.Observe(p, a, "DAYS", "ALL", random.Next(1, 900) / 7.0, random.Next(1, 40)),
            TestPartnership.Observe(p, a, "NI 65", "ALL", random.Next(0, 30), 30 + random.Next(0, 90)),
            TestPartnership.Observe(p, a, "CH01", "L1", random.Next(0, 30) / 3.0, 10_000),
            TestPartnership.Observe(p, a, "CH01", "L2", random.Next(0, 30) / 3.0, 5_000),
        })).ToList();

        var listed = Compile(read, o => o.ToList());
        var packed = Compile(read, PackedObservations.Pack);

        Assert.Equal(JsonReport.Render(listed), JsonReport.Render(packed));
        var plan = DisclosurePlan.For(listed, new PublicationOptions());
        Assert.Equal(
            CsvReport.Render(listed, TestPartnership.Partnership, plan),
            CsvReport.Render(
                packed,
                TestPartnership.Partnership,
                DisclosurePlan.For(packed, new PublicationOptions())));
    }

    private static ConsolidatedReturn Compile(
        List<Observation> read, Func<IEnumerable<Observation>, IReadOnlyList<Observation>> hold)
    {
        var data = read.GroupBy(o => o.Period)
            .ToDictionary(g => g.Key, g => new PeriodData(g.Key, hold(g), [], [], []));
        return Compiler.Compile(TestPartnership.Partnership, TestPartnership.Q2, data, [], DateTimeOffset.UnixEpoch);
    }
}
