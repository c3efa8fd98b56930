using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Tests.Catalogue;

public class PartnershipReaderTests
{
    private const string Minimal = """
        {
          "partnership": "Test partnership",
          "returnsDueDays": 30,
          "agencies": [ { "code": "CSC", "name": "Children's Social Care" }, { "code": "POL", "name": "Police" } ],
          "localities": [ { "code": "CAN", "name": "Cannock" } ],
          "populations": [ { "locality": "CAN", "year": "2025-26", "under18": 20500 } ],
          "indicators": [
            { "code": "CH01", "title": "CP plans per 10,000", "unit": "ratePer10000", "polarity": "lowerIsBetter",
              "agencies": ["CSC"], "byLocality": true, "targets": { "2025-26": 38 }, "tolerance": 5 }
          ]
        }
        """;

    [Fact]
    public void ReadFile_Sample_HoldsTheSeedsCatalogue()
    {
        var partnership = PartnershipReader.ReadFile(Samples.PartnershipPath);

        Assert.True(partnership.Indicators.Count >= 15);
        Assert.InRange(partnership.Agencies.Count, 9, 12);
        Assert.Equal(
            [
                "Cannock",
                "East Staffordshire",
                "Lichfield",
                "Newcastle",
                "South Staffordshire",
                "Stafford",
                "Staffordshire Moorlands",
                "Tamworth"],
            partnership.Localities.Select(l => l.Name));
        Assert.Equal(
            Enum.GetValues<IndicatorUnit>().Order(),
            partnership.Indicators.Select(i => i.Unit).Distinct().Order());
        Assert.Equal(
            Enum.GetValues<Polarity>().Order(),
            partnership.Indicators.Select(i => i.Polarity).Distinct().Order());
        foreach (var code in new[] { "NI 65", "NI 68", "NI 32", "CH01", "CH39", "CH141", "CH142" })
        {
            Assert.NotNull(partnership.FindIndicator(code));
        }
    }

    [Theory]
    // 000_…: baseline (2009) and targets for 2010 and 2011, read as the financial years 2010-11 and 2011-12.
    [InlineData("CH01", 26, 24, 20)]
    [InlineData("NI 65", 14.7, 14, 13)]
    [InlineData("NI 68", 89, 90, 90)]
    [InlineData("NI 32", 31, 28, 28)]
    [InlineData("CH39", 48.7, 45, 42)]
    [InlineData("CH141", 382, 365, 360)]
    [InlineData("CH142", 21.4, 21, 20)]
    public void ReadFile_Sample_CarriesSeedBaselinesAndTargets(
        string code,
        double baseline,
        double target2010,
        double target2011)
    {
        var indicator = Samples.Partnership.FindIndicator(code)!;

        Assert.Equal(baseline, indicator.Baseline!.Value);
        Assert.Equal(target2010, indicator.TargetFor(FinancialYear.Parse("2010-11")));
        Assert.Equal(target2011, indicator.TargetFor(FinancialYear.Parse("2011-12")));
    }

    [Fact]
    public void Parse_Minimal_ReadsEveryField()
    {
        var partnership = PartnershipReader.Parse(Minimal);

        var indicator = Assert.Single(partnership.Indicators);
        Assert.Equal(IndicatorUnit.RatePer10000, indicator.Unit);
        Assert.Equal(Polarity.LowerIsBetter, indicator.Polarity);
        Assert.True(indicator.ByLocality);
        Assert.Equal(38, indicator.TargetFor(FinancialYear.Parse("2025-26")));
        Assert.Equal(5, indicator.Tolerance);
        Assert.Equal(20500, partnership.PopulationFor("CAN", FinancialYear.Parse("2025-26")));
    }

    [Fact]
    public void Parse_InvalidJson_ReportsLineAndPath()
    {
        var error = Assert.Throws<ReferenceDataException>(
            () => PartnershipReader.Parse("{\n  \"partnership\": \"x\",\n  \"agencies\": [ { \"code\": } ]\n}"));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("line 3", problem.Reason, StringComparison.Ordinal);
        Assert.StartsWith("$", problem.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "\"unit\": \"ratePer10000\"",
        "\"unit\": \"percent\"",
        "$.indicators[0].unit",
        "'percent' is not one of count, percentage, ratePer10000, average")]
    // The schema's words are written exactly, as an editor completes them.
    [InlineData("\"unit\": \"ratePer10000\"", "\"unit\": \"RatePer10000\"", "$.indicators[0].unit",
        "'RatePer10000' is not one of count, percentage, ratePer10000, average")]
    [InlineData(
        "\"polarity\": \"lowerIsBetter\"",
        "\"polarity\": 1",
        "$.indicators[0].polarity",
        "expected one of lowerIsBetter, higherIsBetter, none, found 1")]
    [InlineData(
        "\"agencies\": [\"CSC\"]",
        "\"agencies\": [\"CSX\"]",
        "$.indicators[0].agencies[0]",
        "'CSX' is not one of the agencies")]
    [InlineData(
        "\"locality\": \"CAN\"",
        "\"locality\": \"XYZ\"",
        "$.populations[0].locality",
        "'XYZ' is not one of the localities")]
    [InlineData("\"returnsDueDays\": 30", "\"returnsDueDays\": -1", "$.returnsDueDays", "-1 is outside 0 to 366")]
    [InlineData(
        "\"byLocality\": true",
        "\"byLocalty\": true",
        "$.indicators[0].byLocalty",
        "unknown field; did you mean 'byLocality'?")]
    [InlineData(
        "\"2025-26\": 38",
        "\"2025\": 38",
        "$.indicators[0].targets['2025']",
        "'2025' is not a financial year; write it like 2025-26")]
    [InlineData(
        "\"under18\": 20500",
        "\"under18\": \"lots\"",
        "$.populations[0].under18",
        "expected a whole number, found \"lots\"")]
    [InlineData(
        "{ \"code\": \"POL\", \"name\": \"Police\" }",
        "{ \"code\": \"CSC\", \"name\": \"Police\" }",
        "$.agencies[1]",
        "duplicate agency code 'CSC' (first at $.agencies[0])")]
    [InlineData(
        "\"tolerance\": 5",
        "\"tolerance\": 5, \"min\": 10, \"max\": 2",
        "$.indicators[0].min",
        "min (10) is above max (2)")]
    public void Parse_BrokenField_NamesPathAndReason(string find, string replace, string path, string reason)
    {
        var json = Minimal.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Minimal, json);

        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse(json));

        Assert.Contains(new ReferenceDataProblem(path, reason), error.Problems);
    }

    [Fact]
    public void Parse_MissingRequiredSections_ReportsEachOne()
    {
        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse("{ \"partnership\": \"x\" }"));

        Assert.Contains(error.Problems, p => p.Path == "$.returnsDueDays" && p.Reason == "required");
        Assert.Contains(error.Problems, p => p.Path == "$.agencies" && p.Reason == "required");
        Assert.Contains(error.Problems, p => p.Path == "$.indicators" && p.Reason == "required");
    }

    [Fact]
    public void Parse_CumulativePercentage_IsRefused()
    {
        var json = Minimal.Replace(
            "\"tolerance\": 5",
            "\"tolerance\": 5, \"cumulative\": true",
            StringComparison.Ordinal);

        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse(json));

        Assert.Contains(error.Problems, p => p.Path == "$.indicators[0].cumulative");
    }

    [Theory]
    [InlineData("\"unit\": \"ratePer10000\"", MeasureKind.Stock)]
    [InlineData("\"unit\": \"ratePer10000\", \"kind\": \"flow\"", MeasureKind.Flow)]
    [InlineData("\"unit\": \"percentage\"", MeasureKind.Flow)]
    [InlineData("\"unit\": \"percentage\", \"kind\": \"stock\"", MeasureKind.Stock)]
    [InlineData("\"unit\": \"average\"", MeasureKind.Flow)]
    [InlineData("\"unit\": \"count\"", MeasureKind.Stock)]
    [InlineData("\"unit\": \"count\", \"cumulative\": true", MeasureKind.Flow)]
    [InlineData("\"unit\": \"count\", \"kind\": \"flow\"", MeasureKind.Flow)]
    public void Parse_Kind_IsAsDeclaredOrTheDocumentedDefault(string unit, MeasureKind expected)
    {
        var json = Minimal.Replace("\"unit\": \"ratePer10000\"", unit, StringComparison.Ordinal);

        Assert.Equal(expected, PartnershipReader.Parse(json).Indicators[0].Kind);
    }

    [Theory]
    [InlineData("\"kind\": \"position\"", "'position' is not one of flow, stock")]
    [InlineData(
        "\"unit\": \"count\", \"cumulative\": true, \"kind\": \"stock\"",
        "a cumulative count adds up over the year, so it is a flow, not a stock")]
    public void Parse_BadKind_IsRefusedWithItsPath(string replacement, string reason)
    {
        var json = Minimal.Replace(
            "\"unit\": \"ratePer10000\"",
            replacement.StartsWith("\"kind", StringComparison.Ordinal)
                ? "\"unit\": \"ratePer10000\", " + replacement
                : replacement,
            StringComparison.Ordinal);

        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse(json));

        Assert.Contains(new ReferenceDataProblem("$.indicators[0].kind", reason), error.Problems);
    }

    [Fact]
    public void Parse_DirectionOnlyIndicatorWithTargets_IsRefused()
    {
        var json = Minimal.Replace("\"lowerIsBetter\"", "\"none\"", StringComparison.Ordinal);

        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse(json));

        Assert.Contains(
            error.Problems,
            p => p.Path == "$.indicators[0].targets" && p.Reason.Contains("direction only", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_RootIsArray_IsRefusedNotCrashed()
    {
        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse("[1, 2]"));

        Assert.Equal("$", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public void Parse_NullsEverywhere_GivesProblemsNotNullReference()
    {
        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse(
            """{ "partnership": null, "returnsDueDays": null, "agencies": [null, {"code": null, "name": """ +
            """null}], "indicators": [ { "code": null } ] }"""));

        Assert.Contains(error.Problems, p => p.Path == "$.agencies[0]");
        Assert.Contains(error.Problems, p => p.Path == "$.agencies[1].code");
        Assert.Contains(error.Problems, p => p.Path == "$.indicators[0].unit" && p.Reason == "required");
    }
}
