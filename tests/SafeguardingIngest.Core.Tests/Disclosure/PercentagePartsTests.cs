using System.Collections.Concurrent;
using System.Globalization;
using CsCheck;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using Xunit.Abstractions;

namespace SafeguardingIngest.Tests.Disclosure;

/// <summary>
/// A percentage's numerator, complement and denominator are each protected: a reader with the page and the csv
/// (<see cref="ReleaseAttacker"/>, reading each share shown to one decimal as the bounds it gives) pins none of
/// them, on generated partnerships full of small numerators and small complements. The shares' bounds are hard
/// for the integer programs: some bounds are not proven within the solver's time, and those are counted and
/// reported rather than taken as safe or as pinned.
/// </summary>
public class PercentagePartsTests(ITestOutputHelper output)
{
    private static readonly PublicationOptions s_publication = new();
    private static readonly ReportingPeriod s_q2 = ReportingPeriod.Parse("2025-26 Q2");

    /// <summary>Mostly small, now and then large: a numerator or a complement.</summary>
    private static readonly Gen<int> s_part =
        Gen.Frequency((2, Gen.Const(0)), (4, Gen.Int[1, 4]), (2, Gen.Int[5, 11]), (1, Gen.Int[12, 60]));

    private static readonly Gen<(int Agencies, int Localities, bool Flow, bool ByLocality, int[] Parts)> s_returns =
        from agencies in Gen.Int[1, 3]
        from localities in Gen.Int[1, 4]
        from flow in Gen.Bool
        from byLocality in Gen.Frequency((4, Gen.Const(true)), (1, Gen.Const(false)))
        from parts in s_part.Array[2 * 3 * 4 * 2]
        select (agencies, localities, flow, byLocality, parts);

    [Fact]
    public void For_GeneratedPercentages_LeavesNoHiddenPartPinned()
    {
        var hidden = 0;
        var notProven = 0;
        var pins = new ConcurrentBag<string>();
        s_returns.Sample(
            generated =>
            {
                var (agencies, localities, flow, byLocality, parts) = generated;
                var partnership = GeneratedPartnership.Of(agencies, localities, "percentage", flow, byLocality);
                var places = byLocality
                    ? Enumerable.Range(1, localities).Select(l => $"L{l}").ToList()
                    : [Locality.WholeAreaCode];
                // This quarter and the one before (the page's previous quarter and direction): every share of
                // the last two quarters, the six before them not returned, so the integer programs stay small.
                var periods = new[] { s_q2.Previous(), s_q2 };
                var cells = periods
                    .SelectMany(p => GeneratedPartnership.Codes(agencies)
                        .SelectMany(a => places.Select(l => (p, a, l))))
                    .Select((c, i) => Share(c.p, c.a, c.l, parts[2 * i], parts[2 * i] + parts[(2 * i) + 1]))
                    .ToList();
                var data = Compiler.PeriodsNeeded(s_q2).ToDictionary(
                    p => p,
                    p => new PeriodData(p, [.. cells.Where(c => c.Period == p)], [], [], []));
                var report = Compiler.Compile(partnership, s_q2, data, [], DateTimeOffset.UnixEpoch);

                var attacker = ReleaseAttacker.Attack(
                    [Publish.Release(report, partnership, s_publication)],
                    "KIDS",
                    timeLimit: TimeSpan.FromSeconds(10));

                Interlocked.Add(ref hidden, attacker.Ranges.Count);
                Interlocked.Add(ref notProven, attacker.NotProven.Count);
                foreach (var pin in attacker.Pinned(s_publication.SmallCountThreshold))
                {
                    pins.Add(pin.ToString());
                }
            },
            iter: int.Parse(
                Environment.GetEnvironmentVariable("SGI_PERCENTAGE_SAMPLES") ?? "10",
                CultureInfo.InvariantCulture));

        output.WriteLine($"{hidden} hidden parts bounded, {notProven} not proven within the solver's time");
        Assert.True(hidden > 50, $"only {hidden} hidden parts were bounded");
        Assert.True(pins.IsEmpty, string.Join(Environment.NewLine, pins));
    }

    private static Observation Share(
        ReportingPeriod period,
        string agency,
        string locality,
        int numerator,
        int denominator) =>
        new(
            period,
            agency,
            "KIDS",
            locality,
            numerator,
            denominator,
            denominator == 0 ? 0 : 100d * numerator / denominator,
            IndicatorUnit.Percentage,
            null,
            "Indicators!G2");
}
