using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;
using static SafeguardingIngest.Tests.Compilation.ReadObservations;

namespace SafeguardingIngest.Tests.Compilation;

public class PackedObservationsTests
{
    [Fact]
    public void Pack_KeepsTheOrderGiven()
    {
        var read = Quarters.SelectMany(r => r).ToList();

        Assert.Equal(read, PackedObservations.Pack(read));
    }

    [Fact]
    public void Of_GivesOneIndicatorsRowsInTheOrderPacked_ItsCodeComparedOrdinally()
    {
        var packed = PackedObservations.Pack(Quarters.SelectMany(r => r));

        Assert.Equal(packed.Where(o => o.Indicator == "CH01"), packed.Of("CH01"));
        Assert.Equal(2, packed.Of("ch01").Count());
        Assert.Empty(packed.Of("Ch01"));
    }

    [Fact]
    public void Indexer_RefusesAnIndexOutsideTheRows()
    {
        var packed = PackedObservations.Pack(Quarters.SelectMany(r => r));

        Assert.Equal(Quarters[0][0], packed[0]);
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
