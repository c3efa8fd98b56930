using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
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
        return new Observation(s_q2, "CSC", indicator, locality, numerator, denominator, value, unit, null, "Indicators!G2");
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
        var plan = Plan(referrals, Cell("REF", "S", 40), rate, Cell("REFRATE", "S", 40, 10000), Cell("IA", "ALL", 30, 43));

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
            new Dictionary<ReportingPeriod, PeriodData> { [s_q2] = new(s_q2, [Cell("REF", "N", 3), Cell("REF", "S", 40), area], [], [], []) },
            [], DateTimeOffset.UnixEpoch);
        var referrals = plan.For(report.Indicators.Single(i => i.Indicator.Code == "REF"));

        Assert.True(!referrals.Value || plan.Hides(area), "the area's referrals are hidden, so IA's row, whose denominator they are, is too");
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

    [Theory]
    [InlineData("\"sameCountAs\": \"NOPE\"", "$.indicators[1].sameCountAs", "'NOPE' is not an indicator of the catalogue")]
    [InlineData("\"sameCountAs\": \"B\"", "$.indicators[1].sameCountAs", "an indicator cannot be linked to itself")]
    [InlineData("\"partOf\": \"AVG\"", "$.indicators[1].partOf", "AVG is an average")]
    [InlineData("\"numeratorOf\": [\"A\"]", "$.indicators[1].numeratorOf[0]", "A is a count, which has no numerator to share")]
    [InlineData("\"denominatorOf\": [\"A\"]", "$.indicators[1].denominatorOf[0]", "only a percentage's or an average's denominator is a count")]
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
