using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Soak;

/// <summary>
/// How big a soak round is and how hostile its storage; <c>JumpChance</c> is the chance, at each sweep
/// during the round, that the clock first jumps past the sweep's bound, stopping the runs of the moment
/// at their timeout.
/// </summary>
public sealed record SoakOptions(
    int Seed,
    int Agencies = 4,
    int Periods = 2,
    int UploadsPerAgency = 4,
    int MaxIndicators = 12,
    double FaultRate = 0.03,
    int MaxDelayMs = 1500,
    double JumpChance = 0.1);

/// <summary>How an upload relates to the agency's earlier uploads for the quarter.</summary>
public enum UploadKind
{
    /// <summary>New figures under a new name.</summary>
    Fresh,

    /// <summary>New figures under the name of an earlier upload: a new version of that blob.</summary>
    Overwrite,

    /// <summary>The bytes of an earlier upload again, under a new name.</summary>
    SameContent,

    /// <summary>The bytes of an earlier upload again, under that upload's own name.</summary>
    SameContentSameName,
}

/// <summary>
/// One upload an agency will make: its figures, whether it is refused, its bytes, and its place in the
/// order the agency sends its uploads for the quarter (<see cref="Position"/>, from 0).
/// </summary>
public sealed record PlannedUpload(
    string Agency,
    ReportingPeriod Period,
    string FileName,
    IReadOnlyDictionary<(string Indicator, string Locality), int> Figures,
    bool Refused,
    byte[] Content)
{
    /// <summary>The submission id the pipeline gives it: the first 24 hex digits of its SHA-256.</summary>
    public string SubmissionId { get; } = Convert.ToHexStringLower(SHA256.HashData(Content))[..24];

    /// <summary>Its figures as sorted text, for comparing with what storage holds.</summary>
    public string Signature =>
        SoakPlan.Signature(Figures.Select(f => (f.Key.Indicator, f.Key.Locality, (double)f.Value)));

    /// <summary>Its place in the order the agency sends the quarter's uploads, from 0.</summary>
    public int Position { get; init; }

    /// <summary>How it relates to the uploads before it.</summary>
    public UploadKind Kind { get; init; }

    /// <summary>
    /// Sent in the same second as the upload before it, with no wait between them; done only where the
    /// storage keeps blob versions (whose ids order two uploads within a second), never on Azurite.
    /// </summary>
    public bool SameSecond { get; init; }
}

/// <summary>
/// Who may be current for an agency's quarter at the end, from the order the soak sent the uploads
/// alone: <see cref="Definite"/>, the last accepted upload no later upload overwrote (it stays in
/// the returns container until a run takes it, so it is certainly ingested), and any accepted upload
/// sent after it that a later upload overwrote under the same name (the agency replaced it; it is
/// ingested only if a run read it first, and then it came later). Nothing may be current only when
/// there is no definite upload.
/// </summary>
public sealed record ExpectedWinner(PlannedUpload? Definite, IReadOnlyList<PlannedUpload> Overwritten)
{
    /// <summary>
    /// True when the outcome depends on whether an overwritten upload was read before it was replaced.
    /// </summary>
    public bool Ambiguous => Overwritten.Count > 0;

    /// <summary>
    /// The upload a current submission id stands for, latest sent first; null when it may not be current.
    /// </summary>
    public PlannedUpload? Match(string? submissionId) =>
        Overwritten.LastOrDefault(u => u.SubmissionId == submissionId)
        ?? (Definite?.SubmissionId == submissionId ? Definite : null);

    /// <summary>True when nothing current is allowed.</summary>
    public bool NothingAllowed => Definite is null;

    /// <summary>Works the winner out from an agency's uploads for a quarter, in the order sent.</summary>
    public static ExpectedWinner Of(IReadOnlyList<PlannedUpload> sent)
    {
        bool Overwrote(int i) => sent.Skip(i + 1).Any(later => later.FileName == sent[i].FileName);
        var definite = -1;
        for (var i = sent.Count - 1; i >= 0; i--)
        {
            if (!sent[i].Refused && !Overwrote(i))
            {
                definite = i;
                break;
            }
        }

        var overwritten = sent.Skip(definite + 1).Where(u => !u.Refused).ToList();
        return new ExpectedWinner(definite >= 0 ? sent[definite] : null, overwritten);
    }
}

/// <summary>
/// A synthetic partnership (agencies owing different numbers of count indicators, some by
/// locality, so returns differ in size) and every agency's uploads for each quarter: fresh figures,
/// some refused (a cell reading "n/a"), some new figures under an earlier upload's name (a new
/// version of that blob), some the same bytes as an earlier upload under a new name or under its own,
/// and some marked to follow the one before within the same second. Written as csv by hand here, not
/// by the project's writer.
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
        var indicators = Enumerable.Range(1, options.MaxIndicators)
            .Select(i => (Code: $"K{i:00}", ByLocality: random.Next(3) == 0))
            .ToArray();
        var owes = agencies.ToDictionary(
            a => a,
            _ => indicators
                .OrderBy(_ => random.Next())
                .Take(random.Next(2, indicators.Length + 1))
                .Select(i => i.Code)
                .ToHashSet());
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

                // Each ingest reads the quarter before for the check on change, while its rows are written.
                maxQuarterlyChange = 50,
            }),
        });

        var uploads = new List<PlannedUpload>();
        foreach (var period in Enumerable.Range(1, Math.Min(options.Periods, 4)).Select(
            q => new ReportingPeriod(2025, q)))
        {
            foreach (var agency in agencies)
            {
                var owed = indicators.Where(i => owes[agency].Contains(i.Code)).ToArray();
                var sent = new List<PlannedUpload>();
                for (var n = 0; n < options.UploadsPerAgency; n++)
                {
                    var sameSecond = n > 0 && random.NextDouble() < 0.2;
                    var draw = random.NextDouble();
                    if (n > 0 && draw < 0.25)
                    {
                        // The bytes of an earlier upload again (accepted or refused), as an agency resending a
                        // file: under a new name, or under that upload's own name, replacing the blob.
                        var again = sent[random.Next(sent.Count)];
                        var sameName = draw < 0.1;
                        sent.Add(again with
                        {
                            FileName = sameName ? again.FileName : $"return-{n}.csv",
                            Position = n,
                            Kind = sameName ? UploadKind.SameContentSameName : UploadKind.SameContent,
                            SameSecond = sameSecond,
                        });
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

                    // New figures under an earlier upload's name (most often the one just sent, which may be
                    // in a run at that moment) replace that blob with a new version; otherwise a new name.
                    var overwrite = n > 0 && random.NextDouble() < 0.3;
                    var name = !overwrite ? $"return-{n}.csv"
                        : random.NextDouble() < 0.5 ? sent[^1].FileName
                        : sent[random.Next(sent.Count)].FileName;
                    var refused = random.NextDouble() < 0.2;
                    var content = Csv(figures, refused ? random.Next(figures.Count) : -1);
                    sent.Add(new PlannedUpload(agency, period, name, figures, refused, content)
                    {
                        Position = n,
                        Kind = overwrite ? UploadKind.Overwrite : UploadKind.Fresh,
                        SameSecond = sameSecond,
                    });
                }

                uploads.AddRange(sent);
            }
        }

        return new SoakPlan(json, uploads);
    }

    public static string Signature(IEnumerable<(string Indicator, string Locality, double Value)> figures) =>
        string.Join(
            ";",
            figures
                .Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Indicator}|{f.Locality}|{f.Value}"))
                .Order(StringComparer.Ordinal));

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
