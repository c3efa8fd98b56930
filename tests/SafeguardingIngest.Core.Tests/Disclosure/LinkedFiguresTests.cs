using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Tests.Disclosure;

public class LinkedFiguresTests
{
    private static readonly PublicationOptions s_publication = new();
    private static readonly ReportingPeriod s_q2 = ReportingPeriod.Parse("2025-26 Q2");

    private static readonly Partnership s_partnership = PartnershipReader.Parse("""
        {
          "partnership": "Linked", "returnsDueDays": 30,
          "agencies": [ { "code": "CSC", "name": "Children's Social Care" } ],
          "localities": [ { "code": "N", "name": "North" }, { "code": "S", "name": "South" } ],
          "populations": [ { "locality": "N", "year": "2025-26", "under18": 10000 }, { "locality": "S", "year": "2025-26", "under18": 10000 } ],
          "indicators": [
            { "code": "REF", "title": "Referrals", "unit": "count", "kind": "flow", "polarity": "none", "agencies": ["CSC"],
              "byLocality": true, "denominatorOf": ["IA"] },
            { "code": "REFRATE", "title": "Referrals per 10,000", "unit": "ratePer10000", "kind": "flow", "polarity": "none",
              "agencies": ["CSC"], "byLocality": true, "sameCountAs": "REF" },
            { "code": "IA", "title": "Referrals going on to assessment", "unit": "percentage", "kind": "flow", "polarity": "none",
              "agencies": ["CSC"] },
            { "code": "PLANS", "title": "Children on a plan", "unit": "count", "kind": "stock", "polarity": "none", "agencies": ["CSC"],
              "byLocality": true },
            { "code": "NEGLECT", "title": "Children on a plan for neglect", "unit": "count", "kind": "stock", "polarity": "none",
              "agencies": ["CSC"], "byLocality": true, "partOf": "PLANS" }
          ]
        }
        """);

    private static Observation Cell(string indicator, string locality, double numerator, double? denominator = null)
    {
        var unit = s_partnership.FindIndicator(indicator)!.Unit;
        var value = new Ratio(numerator, denominator ?? 0, 1).ValueFor(unit) ?? 0;
        return new Observation(
            s_q2,
            "CSC",
            indicator,
            locality,
            numerator,
            denominator,
            value,
            unit,
            null,
            "Indicators!G2");
    }

    private static DisclosurePlan Plan(params Observation[] cells)
    {
        var data = new Dictionary<ReportingPeriod, PeriodData> { [s_q2] = new(s_q2, cells, [], [], []) };
        var report = Compiler.Compile(s_partnership, s_q2, data, [], DateTimeOffset.UnixEpoch);
        return DisclosurePlan.For(report, s_publication);
    }

    [Fact]
    public void For_SameCountAs_HidesTheRateWhereItsSharedCountIsSmall()
    {
        // North's 3 referrals are small; the rate per 10,000 (3 of 10,000 under-18s) is the same 3 children,
        // so hiding the count and showing the rate 3.0 would give it back.
        var referrals = Cell("REF", "N", 3);
        var rate = Cell("REFRATE", "N", 3, 10000);
        var plan = Plan(
            referrals,
            Cell("REF", "S", 40),
            rate,
            Cell("REFRATE", "S", 40, 10000),
            Cell("IA", "ALL", 30, 43));

        Assert.True(plan.Hides(referrals));
        Assert.True(plan.Hides(rate));
        Assert.Equal("REF", plan.KeyCode("REFRATE"));
    }

    [Fact]
    public void For_DenominatorOf_HidesThePercentagesRowWhereTheCountItShowsIsHidden()
    {
        // IA's whole-area row shows its denominator, the area's 43 referrals. North's 3 is hidden, so North
        // and the area cannot both be shown (43 − 40 = 3): where the area's count goes, IA's row goes with it.
        var area = Cell("IA", "ALL", 30, 43);
        var plan = Plan(Cell("REF", "N", 3), Cell("REF", "S", 40), area);
        var report = Compiler.Compile(
            s_partnership, s_q2,
            new Dictionary<ReportingPeriod, PeriodData>
            {
                [s_q2] = new(s_q2, [Cell("REF", "N", 3), Cell("REF", "S", 40), area], [], [], []),
            },
            [], DateTimeOffset.UnixEpoch);
        var referrals = plan.For(report.Indicators.Single(i => i.Indicator.Code == "REF"));

        Assert.True(
            !referrals.Value || plan.Hides(area),
            "the area's referrals are hidden, so IA's row, whose denominator they are, is too");
        Assert.True(referrals.Value || plan.Hides(Cell("REF", "S", 40)), "North's 3 must have a partner");
    }

    [Fact]
    public void For_PartOf_KeepsAPartsHiddenCellFromItsWholesSmallRest()
    {
        // South: 10 children on a plan, 8 of them for neglect; the 2 who are not are in no published figure,
        // but North's neglect 2 is hidden and must not be pinned by North's whole (its plans) less nothing.
        var neglectNorth = Cell("NEGLECT", "N", 2);
        var plan = Plan(Cell("PLANS", "N", 30), Cell("PLANS", "S", 10), neglectNorth, Cell("NEGLECT", "S", 8));

        Assert.True(plan.Hides(neglectNorth));
        Assert.Contains(plan.Decisions, d => d.Indicator == "PLANS+NEGLECT");
    }

    /// <summary>Referrals by agency and locality, and the share of them going on to assessment.</summary>
    private static readonly Partnership s_shares = PartnershipReader.Parse("""
        {
          "partnership": "Shares", "returnsDueDays": 30,
          "agencies": [ { "code": "A", "name": "A" }, { "code": "B", "name": "B" }, { "code": "E", "name": "E" } ],
          "localities": [ { "code": "N", "name": "North" }, { "code": "S", "name": "South" } ],
          "indicators": [
            { "code": "REF", "title": "Referrals", "unit": "count", "kind": "stock", "polarity": "none",
              "agencies": ["A", "B", "E"], "byLocality": true, "denominatorOf": ["PCT"] },
            { "code": "PCT", "title": "Referrals going on to assessment", "unit": "percentage", "kind": "stock",
              "polarity": "none", "agencies": ["A", "B", "E"], "byLocality": true }
          ]
        }
        """);

    [Fact]
    public void For_APercentageOverPublishedDenominators_KeepsItsHiddenComplementsFromItsShownShare()
    {
        // North: A 30 of 32 and B 40 of 41 go on to assessment (2 and 1 do not: small, so both rows are hidden),
        // E 10 of 30; South 25 of 50, 20 of 40, 18 of 36. Referrals are public cell by cell, so a reader knows
        // A's and B's denominators, 32 and 41. Were North's share shown (80 of 103: 77.7%), its numerator would be
        // 77.65% to 77.75% of 103, 79.98 to 80.08, so 80; less E's 10, A and B went on 70 times, so A's 30 is at
        // least 70 − 41 = 29: 29 to 32 of 32, and the 2 who did not are 0 to 3. Numerators alone (70 of them
        // hidden) pass the sums; the complements (3 of them hidden) do not, so the plan hides another row or North.
        var report = Compile(
            s_shares,
            Count("REF", "A", "N", 32), Count("REF", "B", "N", 41), Count("REF", "E", "N", 30),
            Count("REF", "A", "S", 50), Count("REF", "B", "S", 40), Count("REF", "E", "S", 36),
            Share("A", "N", 30, 32), Share("B", "N", 40, 41), Share("E", "N", 10, 30),
            Share("A", "S", 25, 50), Share("B", "S", 20, 40), Share("E", "S", 18, 36));

        var plan = DisclosurePlan.For(report, s_publication);
        var release = Testing.Publish.Release(report, s_shares, s_publication);
        var attacker = Testing.ReleaseAttacker.Attack(
            [release],
            "PCT",
            links: [new Testing.IndicatorLink("PCT", "denominatorOf", "REF")]);

        // Shown, E's row would leave A's and B's to North's share: the numerators alone pass the sums.
        var numeratorsAlone = release with
        {
            Csv = release.Csv.Replace(
                ",E,E,N,North,c,c,c,true,",
                ",E,E,N,North,10,30,33.3,false,",
                StringComparison.Ordinal),
        };
        var pinned = Testing.ReleaseAttacker.Attack(
            [numeratorsAlone],
            "PCT",
            links: [new Testing.IndicatorLink("PCT", "denominatorOf", "REF")]);

        Assert.All(
            report.Observations.Where(o => o is { Indicator: "PCT", Locality: "N" } && o.Agency != "E"),
            o => Assert.True(plan.Hides(o), o.ToString()));
        Assert.True(
            plan.Hides(report.Observations.Single(o => o is { Indicator: "PCT", Agency: "E", Locality: "N" }))
                || plan.For(report.Indicators.Single(i => i.Indicator.Code == "PCT")).LocalityValue.Contains(0),
            "the complements' partner: E's row or North's share");
        Assert.Empty(attacker.Pinned(s_publication.SmallCountThreshold));
        Assert.Empty(attacker.NotProven);
        Assert.Equal((0d, 3d), Range(pinned, "csv 2025-26 Q2 A N complement"));
        Assert.Equal((29d, 32d), Range(pinned, "csv 2025-26 Q2 A N"));
    }

    /// <summary>
    /// Repeat referrals by agency and locality (a count, or a rate over few under-18s in North), each the numerator
    /// of the share of referrals that are repeats.
    /// </summary>
    private static Partnership Repeats(string unit) => PartnershipReader.Parse($$"""
        {
          "partnership": "Repeats", "returnsDueDays": 30,
          "agencies": [ { "code": "A", "name": "A" }, { "code": "B", "name": "B" } ],
          "localities": [ { "code": "N", "name": "North" }, { "code": "S", "name": "South" } ],
          "populations": [
            { "locality": "N", "year": "2025-26", "under18": 4 },
            { "locality": "S", "year": "2025-26", "under18": 9000 }
          ],
          "indicators": [
            { "code": "REF", "title": "Repeat referrals", "unit": "{{unit}}", "kind": "stock", "polarity": "none",
              "agencies": ["A", "B"], "byLocality": true, "numeratorOf": ["PCT"] },
            { "code": "PCT", "title": "Referrals that are repeats", "unit": "percentage", "kind": "stock",
              "polarity": "none", "agencies": ["A", "B"], "byLocality": true }
          ]
        }
        """);

    [Fact]
    public void For_NumeratorOf_ShowsACountsZeroWhosePercentagesRowIsHidden()
    {
        // North A: none of its 3 referrals is a repeat. The 3 are few, so PCT's row (0 of 3) is hidden, and REF's 0,
        // the same figure as that row's numerator, would go with it; but a reader takes every hidden count to be at
        // least 1, so a hidden 0 breaks the policy the page states. The 0 is shown on REF's row, and the audit takes
        // it as known: the row's 3 stays hidden, and nothing is pinned.
        var repeats = Repeats("count");
        var zero = Count("REF", "A", "N", 0);
        var row = Share("A", "N", 0, 3);
        var report = Compile(
            repeats,
            zero, Count("REF", "B", "N", 20), Count("REF", "A", "S", 10), Count("REF", "B", "S", 12),
            row, Share("B", "N", 20, 30), Share("A", "S", 10, 20), Share("B", "S", 12, 25));

        var plan = DisclosurePlan.For(report, s_publication);
        var attacker = Testing.ReleaseAttacker.Attack(
            [Testing.Publish.Release(report, repeats, s_publication)],
            "REF",
            links: [new Testing.IndicatorLink("PCT", "numeratorOf", "REF")]);

        Assert.False(plan.Hides(zero));
        Assert.True(plan.Hides(row));
        Assert.Contains(
            plan.Decisions.Single().Figures,
            f => f is { Key: "cell|2025-26-Q2|REF|A|N", Hidden: false, Quantity: 0 });
        Assert.Empty(attacker.Pinned(s_publication.SmallCountThreshold));
        Assert.Empty(attacker.NotProven);
    }

    [Fact]
    public void For_NumeratorOf_KeepsARatesZeroOverAFewChildrenHidden()
    {
        // The same 0, as a rate over North's 4 under-18s: the rate's own rule hides it (a population that small
        // is itself disclosive), so it is not shown for the percentage's sake.
        var zero = new Observation(s_q2, "A", "REF", "N", 0, 4, 0, IndicatorUnit.RatePer10000, null, "Indicators!G2");
        var report = Compile(
            Repeats("ratePer10000"),
            zero,
            new Observation(s_q2, "B", "REF", "N", 20, 4, 50_000, IndicatorUnit.RatePer10000, null, "Indicators!G2"),
            Share("A", "N", 0, 3), Share("B", "N", 20, 30));

        var plan = DisclosurePlan.For(report, s_publication);

        Assert.True(plan.Hides(zero));
        Assert.Empty(plan.Fallbacks);
        Assert.Contains(
            plan.Decisions.Single().Figures,
            f => f is { Key: "cell|2025-26-Q2|REF|A|N", Hidden: true, Primary: true });
    }

    [Fact]
    public void For_NumeratorOf_KeepsACountsZeroAnEarlierReleaseHidHidden()
    {
        // A release made before zeros were shown hid North A's 0 with its percentage's row: it is never shown again.
        var repeats = Repeats("count");
        var zero = Count("REF", "A", "N", 0);
        var report = Compile(
            repeats,
            zero, Count("REF", "B", "N", 20), Count("REF", "A", "S", 10), Count("REF", "B", "S", 12),
            Share("A", "N", 0, 3), Share("B", "N", 20, 30), Share("A", "S", 10, 20), Share("B", "S", 12, 25));
        var first = DisclosurePlan.For(report, s_publication).Decisions.Single();
        var hid = first with
        {
            Figures = [.. first.Figures.Select(f => f.Key == "cell|2025-26-Q2|REF|A|N" ? f with { Hidden = true } : f)],
        };

        var plan = DisclosurePlan.For(report, s_publication, [new ReleaseDecisions(s_q2.Key, 1, [hid])]);

        Assert.True(plan.Hides(zero));
    }

    private static (double Low, double High) Range(Testing.ReleaseAttacker attacker, string figure) =>
        attacker.Ranges.Where(r => r.Figure == figure).Select(r => (r.Low, r.High)).Single();

    private static Observation Count(string indicator, string agency, string locality, double count) =>
        new(s_q2, agency, indicator, locality, count, null, count, IndicatorUnit.Count, null, "Indicators!G2");

    private static Observation Share(string agency, string locality, double numerator, double denominator) =>
        new(
            s_q2,
            agency,
            "PCT",
            locality,
            numerator,
            denominator,
            100 * numerator / denominator,
            IndicatorUnit.Percentage,
            null,
            "Indicators!G3");

    private static ConsolidatedReturn Compile(Partnership partnership, params Observation[] cells)
    {
        var data = new Dictionary<ReportingPeriod, PeriodData> { [s_q2] = new(s_q2, cells, [], [], []) };
        return Compiler.Compile(partnership, s_q2, data, [], DateTimeOffset.UnixEpoch);
    }

    [Theory]
    [InlineData(
        "\"sameCountAs\": \"NOPE\"",
        "$.indicators[1].sameCountAs",
        "'NOPE' is not an indicator of the catalogue")]
    [InlineData("\"sameCountAs\": \"B\"", "$.indicators[1].sameCountAs", "an indicator cannot be linked to itself")]
    [InlineData("\"partOf\": \"AVG\"", "$.indicators[1].partOf", "AVG is an average")]
    [InlineData(
        "\"numeratorOf\": [\"A\"]",
        "$.indicators[1].numeratorOf[0]",
        "A is a count, which has no numerator to share")]
    [InlineData(
        "\"denominatorOf\": [\"A\"]",
        "$.indicators[1].denominatorOf[0]",
        "only a percentage's or an average's denominator is a count")]
    [InlineData("\"denominatorOf\": \"A\"", "$.indicators[1].denominatorOf", "expected an array of indicator codes")]
    public void Read_BadLink_IsRefusedWithItsPath(string link, string path, string message)
    {
        var json = $$"""
            {
              "partnership": "x", "returnsDueDays": 30, "agencies": [ { "code": "P", "name": "Police" } ],
              "indicators": [
                { "code": "A", "title": "A", "unit": "count", "polarity": "none", "agencies": ["P"] },
                { "code": "B", "title": "B", "unit": "count", "polarity": "none", "agencies": ["P"], {{link}} },
                { "code": "AVG", "title": "Average", "unit": "average", "polarity": "none", "agencies": ["P"] }
              ]
            }
            """;

        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse(json));

        var problem = Assert.Single(error.Problems, p => p.Path == path);
        Assert.Contains(message, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Sample_DeclaresTheLinksItsIndicatorsHave()
    {
        var sample = Testing.Samples.Partnership;

        Assert.Equal("CSC-REF", sample.FindIndicator("CH141")!.Links.SameCountAs);
        Assert.Equal("CH01", sample.FindIndicator("NEG01")!.Links.PartOf);
        Assert.Equal(["NI 68", "CH142"], sample.FindIndicator("CSC-REF")!.Links.DenominatorOf);
    }
}
