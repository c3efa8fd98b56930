using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Soak;

/// <summary>How big a soak round is and how hostile its storage.</summary>
public sealed record SoakOptions(int Seed, int Agencies = 4, int Periods = 2, int UploadsPerAgency = 4, int MaxIndicators = 12, double FaultRate = 0.03, int MaxDelayMs = 1500);

/// <summary>One upload an agency will make: its figures, whether it is refused, and its bytes.</summary>
public sealed record PlannedUpload(string Agency, ReportingPeriod Period, string FileName, IReadOnlyDictionary<(string Indicator, string Locality), int> Figures, bool Refused, byte[] Content)
{
    /// <summary>The submission id the pipeline gives it: the first 24 hex digits of its SHA-256.</summary>
    public string SubmissionId { get; } = Convert.ToHexStringLower(SHA256.HashData(Content))[..24];

    /// <summary>Its figures as sorted text, for comparing with what storage holds.</summary>
    public string Signature => SoakPlan.Signature(Figures.Select(f => (f.Key.Indicator, f.Key.Locality, (double)f.Value)));
}

/// <summary>
/// A synthetic partnership (agencies owing different numbers of count indicators, some by
/// locality, so returns differ in size) and every agency's uploads for each quarter: fresh figures,
/// some refused (a cell reading "n/a"), some the same file as an earlier accepted upload. Written as
/// csv by hand here, not by the project's writer.
/// </summary>
public sealed class SoakPlan
{
    private static readonly string[] s_localities = ["L1", "L2", "L3", "L4", "L5", "L6"];

    private SoakPlan(byte[] partnership, IReadOnlyList<PlannedUpload> uploads)
    {
        PartnershipJson = partnership;
        Uploads = uploads;
    }

    /// <summary>The reference data to publish.</summary>
    public byte[] PartnershipJson { get; }

    /// <summary>Every upload, grouped by agency and quarter in the order each agency sends them.</summary>
    public IReadOnlyList<PlannedUpload> Uploads { get; }

    public static SoakPlan Create(SoakOptions options, Random random)
    {
        var agencies = Enumerable.Range(1, options.Agencies).Select(i => $"S{i:00}").ToArray();
        var indicators = Enumerable.Range(1, options.MaxIndicators).Select(i => (Code: $"K{i:00}", ByLocality: random.Next(3) == 0)).ToArray();
        var owes = agencies.ToDictionary(a => a, _ => indicators.OrderBy(_ => random.Next()).Take(random.Next(2, indicators.Length + 1)).Select(i => i.Code).ToHashSet());
        foreach (var orphan in indicators.Where(i => owes.Values.All(o => !o.Contains(i.Code))))
        {
            owes[agencies[random.Next(agencies.Length)]].Add(orphan.Code);
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            partnership = "Soak partnership",
            returnsDueDays = 30,
            agencies = agencies.Select(code => new { code, name = $"Agency {code}" }),
            localities = s_localities.Select(code => new { code, name = $"Locality {code}" }),
            indicators = indicators.Select(i => new
            {
                code = i.Code,
                title = $"Soak indicator {i.Code}",
                unit = "count",
                polarity = "lowerIsBetter",
                agencies = agencies.Where(a => owes[a].Contains(i.Code)).ToArray(),
                byLocality = i.ByLocality,
                cumulative = true,
            }),
        });

        var uploads = new List<PlannedUpload>();
        foreach (var period in Enumerable.Range(1, Math.Min(options.Periods, 4)).Select(q => new ReportingPeriod(2025, q)))
        {
            foreach (var agency in agencies)
            {
                var owed = indicators.Where(i => owes[agency].Contains(i.Code)).ToArray();
                var sent = new List<PlannedUpload>();
                for (var n = 0; n < options.UploadsPerAgency; n++)
                {
                    var name = $"return-{n}.csv";
                    var accepted = sent.Where(u => !u.Refused).ToList();
                    if (accepted.Count > 0 && random.NextDouble() < 0.15)
                    {
                        // The same file again, as an agency resending it.
                        var again = accepted[random.Next(accepted.Count)];
                        sent.Add(again with { FileName = name });
                        continue;
                    }

                    var figures = new Dictionary<(string, string), int>();
                    foreach (var indicator in owed)
                    {
                        foreach (var locality in indicator.ByLocality ? s_localities : ["All"])
                        {
                            figures[(indicator.Code, locality == "All" ? "ALL" : locality)] = random.Next(0, 500);
                        }
                    }

                    var refused = random.NextDouble() < 0.2;
                    sent.Add(new PlannedUpload(agency, period, name, figures, refused, Csv(figures, refused ? random.Next(figures.Count) : -1)));
                }

                uploads.AddRange(sent);
            }
        }

        return new SoakPlan(json, uploads);
    }

    public static string Signature(IEnumerable<(string Indicator, string Locality, double Value)> figures) =>
        string.Join(";", figures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Indicator}|{f.Locality}|{f.Value}")).Order(StringComparer.Ordinal));

    private static byte[] Csv(Dictionary<(string Indicator, string Locality), int> figures, int spoiled)
    {
        var text = new StringBuilder("Indicator,Locality,Value\n");
        var index = 0;
        foreach (var ((indicator, locality), value) in figures)
        {
            var cell = index++ == spoiled ? "n/a" : value.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{indicator},{(locality == "ALL" ? "All" : locality)},{cell}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
