using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Spreadsheets;
using SafeguardingIngest.Templates;

namespace SafeguardingIngest.Cli.Demo;

/// <summary>
/// Eight quarters of plausible returns from every agency (<see cref="DemoFigures"/>), written by the
/// template writer, with the things a real quarter brings in its latest one: a late return, a missing
/// one, one refused with errors, a resubmission, queries with and without an explanation, and small
/// counts to suppress (one agency's, and one locality's across agencies). The same seed gives the same returns on every
/// run.
/// </summary>
internal static class DemoScenario
{
    public const string Late = "POL";
    public const string Missing = "CAFCASS";
    public const string Refused = "EDU";
    public const string Resubmitted = "CSC";

    /// <summary>The story of the corrected return that replaces the resubmitting agency's draft.</summary>
    public const string ResubmissionStory = "resubmission";
    public const string Explained = "ACUTE";
    public const string Unexplained = "MH";
    public const string SmallCount = "YOS";

    /// <summary>The locality whose early help assessments (EH01) are few this quarter.</summary>
    public const string SmallLocality = "TAM";

    // The community health services count in whichever health agency owes them that quarter (CHS, then the ICB).
    private static readonly Dictionary<string, double> s_smallLocality = new(StringComparer.Ordinal)
    {
        ["EH"] = 3, ["CHS"] = 1, ["ICB"] = 1, ["NSPCC"] = 0,
    };

    /// <summary>The seed of `sgi demo` unless --seed says otherwise.</summary>
    public const int DefaultSeed = 2009;

    public static List<DemoUpload> Build(
        Partnership partnership,
        IReadOnlyList<ReportingPeriod> periods,
        int seed = DefaultSeed)
    {
        var uploads = new List<DemoUpload>();
        var latest = periods[^1];
        for (var k = 0; k < periods.Count; k++)
        {
            var period = periods[k];
            var owing = partnership.AgenciesOwing(period);
            var due = period.DueDate(partnership.ReturnsDueDays).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
            foreach (var agency in owing)
            {
                var isLatest = period == latest;
                if (isLatest && agency.Code == Missing)
                {
                    continue;
                }

                var own = DemoFigures.Hash(seed, agency.Code, period.Key);
                var document = Fill(partnership, agency, period, seed, k, isLatest);
                var early = new DateTimeOffset(due.AddDays(-(3 + (own % 15))), TimeSpan.Zero);
                if (isLatest && agency.Code == Resubmitted)
                {
                    // The draft had last quarter's figures pasted in by mistake; the corrected file has this quarter's.
                    var draft = DemoFigures.Fill(
                        ReturnTemplate.For(partnership, agency, period),
                        partnership,
                        agency.Code,
                        seed,
                        k - 1) with
                    {
                        Actions = document.Actions, Risks = document.Risks, SubmittedBy = document.SubmittedBy,
                        Email = document.Email,
                    };
                    uploads.Add(new DemoUpload(
                        agency.Code,
                        period,
                        "return-draft.xlsx",
                        Write(draft, partnership),
                        early.AddDays(-7),
                        "first version, later corrected"));
                    uploads.Add(new DemoUpload(
                        agency.Code,
                        period,
                        "return-corrected.xlsx",
                        Write(document, partnership),
                        early,
                        ResubmissionStory));
                    continue;
                }

                if (isLatest && agency.Code == Refused)
                {
                    uploads.Add(new DemoUpload(
                        agency.Code,
                        period,
                        "return.xlsx",
                        WriteWithError(document, partnership),
                        early,
                        "refused with errors"));
                    continue;
                }

                var received = isLatest && agency.Code == Late
                    ? new DateTimeOffset(due.AddDays(12), TimeSpan.Zero)
                    : early;
                uploads.Add(new DemoUpload(
                    agency.Code,
                    period,
                    "return.xlsx",
                    Write(document, partnership),
                    received,
                    isLatest && agency.Code == Late ? "late" : "on time"));
            }
        }

        return uploads;
    }

    private static ReturnDocument Fill(
        Partnership partnership,
        Agency agency,
        ReportingPeriod period,
        int seed,
        int quarterIndex,
        bool isLatest)
    {
        var document = DemoFigures.Fill(
            ReturnTemplate.For(partnership, agency, period),
            partnership,
            agency.Code,
            seed,
            quarterIndex);
        var rows = document.Rows.ToList();
        if (isLatest &&
            agency.Code is Explained or
            Unexplained &&
            rows.FindIndex(r => r.Indicator.Code == "NEG05") is var index and >= 0)
        {
            // Above the plausible maximum: a query, explained by commentary for one agency and not for the other.
            var row = rows[index];
            rows[index] = row with
            {
                Value = Math.Round((row.Indicator.Max ?? 100) * 1.2),
                Commentary = agency.Code == Explained
                    ? "A second paediatric clinic opened in August; missed appointments are now counted there too."
                    : null,
            };
        }

        if (isLatest &&
            agency.Code == SmallCount &&
            rows.FindIndex(r => r.Indicator.Code == "DA02") is var small and >= 0)
        {
            rows[small] = rows[small] with { Value = 3 };
        }

        // Early help in one small district this quarter: a few children across three agencies, so the
        // board page hides a locality (with the figures that would give it back), not only csv cells.
        if (isLatest &&
            s_smallLocality.TryGetValue(agency.Code, out var few) &&
            rows.FindIndex(r => r.Indicator.Code == "EH01" && r.Locality == SmallLocality) is var district and >= 0)
        {
            rows[district] = rows[district] with
            {
                Value = few,
                Commentary = "Tamworth's early help team was reorganised in August; few assessments were started " +
                    "while posts were filled."
            };
        }

        return document with
        {
            Rows = rows,
            SubmittedBy = "Data Officer",
            Email = $"data.officer@{agency.Code.ToLowerInvariant()}.example.org",
            Actions = Actions(agency.Code, period, DemoFigures.Hash(seed, agency.Code, period.Key)),
            Risks = Risks(agency.Code, DemoFigures.Hash(seed, agency.Code)),
        };
    }

    private static List<ActionItem> Actions(string agency, ReportingPeriod period, int seed) => agency switch
    {
        "CSC" =>
        [
            new(
                "1",
                "Identify neglect at the earliest stage and support families through early help or child in need plans",
                Rag.Green,
                "Screening tool in use in every locality",
                null,
                string.Empty),
            new(
                "2",
                "Audit children on child in need plans for neglect for more than six months",
                (seed % 3) == 0 ? Rag.Green : Rag.Amber,
                "Audit delayed by vacancies in two teams",
                "Audit rescheduled with two additional auditors; report to the neglect sub-group next quarter",
                string.Empty),
            new(
                "3",
                "Review of re-referrals (CH142) where neglect was the reason for closure",
                period.Quarter == 2 ? Rag.Red : Rag.Amber,
                "Re-referral rate remains above target",
                "Dip sample of re-referrals each month; safety plans checked at closure",
                string.Empty),
        ],
        "POL" =>
        [
            new(
                "1",
                "Protocol with children's services on police protection for neglect",
                Rag.Green,
                "Protocol agreed",
                null,
                string.Empty),
            new(
                "2",
                "Joint work on children who repeatedly go missing",
                Rag.Amber,
                "Two of five districts live",
                "Remaining districts to go live by the end of the next quarter",
                string.Empty),
        ],
        "EH" =>
            [new(
                "1",
                "Increase early help single-agency assessments where neglect is a concern",
                Rag.Green,
                "Ahead of profile",
                null,
                string.Empty)],
        _ => [],
    };

    private static List<RiskItem> Risks(string agency, int seed) => agency switch
    {
        "CSC" =>
        [
            new(
                "1",
                "Insufficient staff to review the inter-agency procedures",
                3,
                4,
                "Members commit staff to the review",
                "Safeguarding Partnership Manager",
                "2027-01-31",
                string.Empty),
            new(
                "2",
                "Referral volumes exceed front door capacity",
                4,
                2 + (seed % 3),
                "Front door screening; weekly capacity review",
                "Head of Service",
                "2027-03-31",
                string.Empty),
        ],
        "POL" =>
            [new(
                "1",
                "Volume of domestic abuse incidents limits joint visits",
                3,
                3,
                "Triage through the MASH",
                "Detective Inspector, Public Protection",
                "2027-03-31",
                string.Empty)],
        "ACUTE" =>
            [new(
                "1",
                "Loss of named nurse cover",
                4,
                2,
                "Interim cover from the community trust",
                "Named Nurse",
                "2026-12-31",
                string.Empty)],
        _ => [],
    };

    private static byte[] Write(ReturnDocument document, Partnership partnership)
    {
        using var buffer = new MemoryStream();
        ReturnWorkbookWriter.Write(buffer, document, partnership);
        return buffer.ToArray();
    }

    /// <summary>The same return with a figure typed as "n/a", as the refused agency sends it.</summary>
    private static byte[] WriteWithError(ReturnDocument document, Partnership partnership)
    {
        var sheets = ReturnWorkbookWriter.Sheets(document, partnership).Select(sheet =>
        {
            if (sheet.Name != "Indicators")
            {
                return sheet;
            }

            var rows = sheet.Rows.Select(r => r.ToArray()).ToList();
            rows[1][6] = SheetCell.Of("n/a");
            rows[1][4] = SheetCell.Of("n/a");
            return sheet with { Rows = rows };
        }).ToList();
        using var buffer = new MemoryStream();
        XlsxWriter.Write(buffer, sheets);
        return buffer.ToArray();
    }
}
