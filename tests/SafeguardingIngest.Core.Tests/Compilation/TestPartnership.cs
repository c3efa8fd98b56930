using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Tests.Compilation;

/// <summary>A small partnership whose numbers can be worked by hand: two agencies, two localities.</summary>
internal static class TestPartnership
{
    public static readonly Partnership Partnership = PartnershipReader.Parse("""
        {
          "partnership": "Test partnership", "returnsDueDays": 30,
          "agencies": [ { "code": "A", "name": "Agency A" }, { "code": "B", "name": "Agency B" } ],
          "localities": [ { "code": "L1", "name": "North" }, { "code": "L2", "name": "South" } ],
          "populations": [
            { "locality": "L1", "year": "2011-12", "under18": 10000 }, { "locality": "L2", "year": "2011-12", "under18": 5000 },
            { "locality": "L1", "year": "2010-11", "under18": 10000 }, { "locality": "L2", "year": "2010-11", "under18": 5000 } ],
          "indicators": [
            { "code": "CH01", "title": "Children subject to a CP plan per 10,000", "unit": "ratePer10000", "polarity": "lowerIsBetter",
              "agencies": ["A", "B"], "byLocality": true, "baseline": { "year": "2009", "value": 26 }, "targets": { "2010-11": 24, "2011-12": 20 }, "tolerance": 5 },
            { "code": "NI 65", "title": "Second or subsequent CP plan", "unit": "percentage", "polarity": "lowerIsBetter",
              "agencies": ["A", "B"], "baseline": { "year": "2009", "value": 14.7 }, "targets": { "2010-11": 14, "2011-12": 13 }, "tolerance": 10 },
            { "code": "NI 68", "title": "Referrals going on to initial assessment", "unit": "percentage", "polarity": "higherIsBetter",
              "agencies": ["A"], "baseline": { "year": "2009", "value": 89 }, "targets": { "2010-11": 90, "2011-12": 90 }, "tolerance": 5 },
            { "code": "CAF", "title": "CAFs initiated", "unit": "count", "polarity": "higherIsBetter", "agencies": ["A", "B"],
              "byLocality": true, "cumulative": true, "targets": { "2011-12": 1200 }, "tolerance": 10 },
            { "code": "OPEN", "title": "Open cases at quarter end", "unit": "count", "polarity": "none", "agencies": ["A"] },
            { "code": "DAYS", "title": "Average days to assessment", "unit": "average", "polarity": "lowerIsBetter", "agencies": ["A", "B"] },
            { "code": "REF", "title": "Referrals per 10,000", "unit": "ratePer10000", "kind": "flow", "polarity": "lowerIsBetter", "agencies": ["A"],
              "byLocality": true, "targets": { "2011-12": 120 }, "tolerance": 10 },
            { "code": "COHORT", "title": "Children in need for more than six months", "unit": "percentage", "kind": "stock", "polarity": "lowerIsBetter",
              "agencies": ["A"], "targets": { "2011-12": 25 }, "tolerance": 10 }
          ]
        }
        """);

    public static ReportingPeriod Q2 { get; } = ReportingPeriod.Parse("2011-12 Q2");

    public static Observation Observe(
        ReportingPeriod period,
        string agency,
        string indicator,
        string locality,
        double numerator,
        double? denominator = null)
    {
        var unit = Partnership.FindIndicator(indicator)!.Unit;
        var value = new Ratio(numerator, denominator ?? 0, 1).ValueFor(unit) ?? 0;
        return new Observation(
            period,
            agency,
            indicator,
            locality,
            numerator,
            denominator,
            value,
            unit,
            null,
            $"Indicators!G{numerator}");
    }

    public static ConsolidatedReturn Compile(ReportingPeriod period, params Observation[] observations)
    {
        var data = observations
            .GroupBy(o => o.Period)
            .ToDictionary(g => g.Key, g => new PeriodData(g.Key, g.ToList(), [], [], []));
        return Compiler.Compile(Partnership, period, data, [], DateTimeOffset.UnixEpoch);
    }

    public static IndicatorResult Indicator(this ConsolidatedReturn report, string code) =>
        report.Indicators.Single(i => i.Indicator.Code == code);
}
