using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>
/// Generated partnerships full of small counts, compiled and published; a reader with the page alone
/// (<see cref="PageAttacker"/>) must not pin any hidden figure to fewer values than the threshold.
/// </summary>
public class PageAttackerTests
{
    private static readonly PublicationOptions s_publication = new();

    private static readonly Partnership s_partnership = PartnershipReader.Parse("""
        {
          "partnership": "Generated partnership", "returnsDueDays": 30,
          "agencies": [ { "code": "A", "name": "Agency A" }, { "code": "B", "name": "Agency B" } ],
          "localities": [ { "code": "L1", "name": "North" }, { "code": "L2", "name": "South" }, { "code": "L3", "name": "East" },
                          { "code": "L4", "name": "West" }, { "code": "L5", "name": "Central" } ],
          "indicators": [
            { "code": "KIDS", "title": "Children referred", "unit": "count", "kind": "flow", "polarity": "none",
              "agencies": ["A", "B"], "byLocality": true }
          ]
        }
        """);

    private static readonly ReportingPeriod s_period = ReportingPeriod.Parse("2025-26 Q3");

    [Fact]
    public void HiddenFigures_OnTheGeneratedPages_AreNeverPinnedBelowTheThreshold()
    {
        var failures = new List<string>();
        var attacked = 0;
        for (var seed = 1; seed <= 300; seed++)
        {
            var html = Publish.Html(Generate(seed), s_publication);
            var quarters = Enumerable.Range(1, s_period.Quarter).Select(q => new ReportingPeriod(s_period.Year, q).ToString()).ToArray();
            var attacker = PageAttacker.Attack(html, "i-kids", s_period.ToString(), quarters);
            attacked += attacker.Hidden.Count;
            failures.AddRange(attacker.Hidden
                .Where(h => h.Value.High - h.Value.Low + 1 < s_publication.SmallCountThreshold)
                .Select(h => $"seed {seed}: {h.Key} pinned to {h.Value.Low} to {h.Value.High} by \"{h.Value.Route}\""));
        }

        Assert.True(attacked > 300, $"only {attacked} hidden figures were generated: the generator should make many small counts");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    [Fact]
    public void Attacker_GivesBackAHiddenCountLeftAloneBesideItsTotal()
    {
        // The attacker's own check, on a page hiding North's 3 alone: 40 − 10 − 20 − 0 − 7 = 3.
        const string Page = """
            <section id="i-kids"><p>meta</p><p>This quarter <strong>40</strong> · previous quarter 30 · same quarter last year 35 · year to date 70</p>
            <table><tbody>
            <tr><th>North</th><td>c</td><td>5</td><td>c</td></tr><tr><th>South</th><td>10</td><td>5</td><td>12</td></tr>
            <tr><th>East</th><td>20</td><td>10</td><td>30</td></tr><tr><th>West</th><td>0</td><td>5</td><td>c</td></tr>
            <tr><th>Central</th><td>7</td><td>10</td><td>11</td></tr>
            </tbody></table><svg><circle><title>2025-26 Q1: 30</title></circle></svg></section>
            """;

        var attacker = PageAttacker.Attack(Page, "i-kids", "2025-26 Q2", ["2025-26 Q1", "2025-26 Q2"]);

        Assert.Equal((3d, 3d, "localities this quarter = area"), attacker.Hidden["North this quarter"]);
        var (low, high, _) = attacker.Hidden["West year to date"];
        Assert.True(low >= 0 && high <= 70 - 12 - 30 - 11 - 3, $"West's year to date: {low} to {high}");
    }

    /// <summary>Five quarters of returns from two agencies in five localities, most of them small.</summary>
    private static ConsolidatedReturn Generate(int seed)
    {
        var random = new Random(seed);
        var observations = new List<Observation>();
        var period = s_period;
        for (var back = 0; back < 5; back++, period = period.Previous())
        {
            foreach (var agency in new[] { "A", "B" })
            {
                foreach (var locality in s_partnership.Localities)
                {
                    var count = random.Next(10) switch
                    {
                        < 3 => 0,
                        < 7 => random.Next(1, 5),
                        < 9 => random.Next(5, 12),
                        _ => random.Next(12, 80),
                    };
                    observations.Add(new Observation(period, agency, "KIDS", locality.Code, count, null, count, IndicatorUnit.Count, null, "Indicators!G2"));
                }
            }
        }

        var data = observations.GroupBy(o => o.Period).ToDictionary(g => g.Key, g => new PeriodData(g.Key, g.ToList(), [], [], []));
        return Compiler.Compile(s_partnership, s_period, data, [], DateTimeOffset.UnixEpoch);
    }
}
