using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Tests.Catalogue;

public class CatalogueDatesTests
{
    private static ReportingPeriod Q(string text) => ReportingPeriod.Parse(text);

    [Theory]
    // The sample as it stood before kinds were declared, when kinds came, and when links came.
    [InlineData("partnership-1d8600b")]
    [InlineData("partnership-bce4e82")]
    [InlineData("partnership-5c646db")]
    public void ReadFile_CatalogueFromBeforeDates_ReadsExactlyAsTheReaderOfThatTimeDid(string name)
    {
        // The .dump.txt beside each file was written by the reader as it stood before dates were added.
        var expected = File.ReadAllText(Samples.TestData($"catalogues/{name}.dump.txt"));

        var partnership = PartnershipReader.ReadFile(Samples.TestData($"catalogues/{name}.json"));

        Assert.Equal(expected, CatalogueDump.Of(partnership));
        Assert.All(partnership.Indicators, i => Assert.True(i.Dates.IsAlways));
        Assert.Equal(CatalogueDump.Of(partnership), CatalogueDump.Of(partnership.For(Q("2030-31 Q3"))));
    }

    [Theory]
    [InlineData("2024-25 Q4", "REF,OLD,CPP,HEA", "CSC,POL,CCG", "NTH,STH")]
    [InlineData("2025-26 Q1", "REF,OLD,CPP,HEA", "CSC,POL,CCG", "NTH,STH")]
    [InlineData("2025-26 Q2", "REF,OLD,CPP,HEA", "CSC,POL,ICB", "NTH,STH")]
    [InlineData("2025-26 Q3", "REF,OLD,CPP,HEA", "CSC,POL,ICB", "NTH,STH,EFD")]
    [InlineData("2025-26 Q4", "REF,OLD,CPP,HEA", "CSC,POL,ICB", "NTH,STH,EFD")]
    [InlineData("2026-27 Q1", "REF,NEW,CPP,HEA", "CSC,POL,ICB", "NTH,STH,EFD")]
    public void For_EachQuarter_HoldsWhatWasInForceThen(
        string quarter,
        string indicators,
        string agencies,
        string localities)
    {
        var catalogue = ThreeYearCatalogue.Partnership.For(Q(quarter));

        Assert.Equal(indicators, string.Join(",", catalogue.Indicators.Select(i => i.Code)));
        Assert.Equal(agencies, string.Join(",", catalogue.Agencies.Select(a => a.Code)));
        Assert.Equal(localities, string.Join(",", catalogue.Localities.Select(l => l.Code)));
        Assert.Equal(Q(quarter), catalogue.Quarter);
    }

    [Theory]
    // HEA is owed by POL throughout, by the CCG until 2025-26 Q1 and by the ICB from 2025-26 Q2.
    [InlineData("2025-26 Q1", "POL,CCG")]
    [InlineData("2025-26 Q2", "POL,ICB")]
    public void For_AgencyReplacedAtQ2_OwesTheIndicatorOnlyWhileInForce(string quarter, string owing)
    {
        var hea = ThreeYearCatalogue.Partnership.For(Q(quarter)).FindIndicator("HEA")!;

        Assert.Equal(owing, string.Join(",", hea.Agencies));
    }

    [Fact]
    public void PopulationFor_WholeArea_AddsOnlyTheLocalitiesInForce()
    {
        var partnership = ThreeYearCatalogue.Partnership;

        // 2025-26 Q2: North 10,000 + South 20,000 (Eastfield starts at Q3); Q3: + Eastfield 5,000.
        Assert.Equal(
            30000,
            partnership.For(Q("2025-26 Q2")).PopulationFor(Locality.WholeAreaCode, FinancialYear.Parse("2025-26")));
        Assert.Equal(
            35000,
            partnership.For(Q("2025-26 Q3")).PopulationFor(Locality.WholeAreaCode, FinancialYear.Parse("2025-26")));
    }

    [Fact]
    public void Parse_ThreeYearCatalogue_ReadsDatesAndTheSeriesBreak()
    {
        var partnership = ThreeYearCatalogue.Partnership;
        var cpp = partnership.FindIndicator("CPP")!;

        Assert.Equal("until 2025-26", partnership.FindIndicator("OLD")!.Dates.ToString());
        Assert.Equal("from 2025-26 Q2", partnership.FindAgency("ICB")!.Dates.ToString());
        Assert.Equal(FinancialYear.Parse("2026-27"), cpp.SeriesBreak);
        Assert.StartsWith("Counted at quarter end", cpp.SeriesBreakNote, StringComparison.Ordinal);
        Assert.True(cpp.Compares(Q("2025-26 Q1"), Q("2025-26 Q4")));
        Assert.False(cpp.Compares(Q("2025-26 Q4"), Q("2026-27 Q1")));
        Assert.Equal(
            "not comparable: definition changed in 2026-27",
            cpp.NotComparableReason(Q("2025-26 Q2"), Q("2026-27 Q2")));
        Assert.True(cpp.Compares(Q("2026-27 Q1"), Q("2027-28 Q1")));
    }

    [Theory]
    [InlineData(
        "\"until\": \"2025-26\"",
        "\"from\": \"2026-27\", \"until\": \"2025-26\"",
        "$.indicators[1].until",
        "2025-26 ends before 2026-27 starts")]
    [InlineData("\"until\": \"2025-26\"", "\"until\": \"2025-27\"", "$.indicators[1].until",
        "'2025-27' is neither a financial year nor a quarter; write it like 2026-27 or 2026-27 Q2")]
    [InlineData("\"until\": \"2025-26\"", "\"until\": \"last year\"", "$.indicators[1].until",
        "'last year' is neither a financial year nor a quarter; write it like 2026-27 or 2026-27 Q2")]
    [InlineData(
        "\"seriesBreak\": \"2026-27\"",
        "\"seriesBreak\": \"2026-27\", \"from\": \"2026-27\"",
        "$.indicators[3].seriesBreak",
        "2026-27 is not a year CPP is collected after a year it was collected (from 2026-27)")]
    [InlineData(
        "\"until\": \"2025-26\", \"targets\"",
        "\"until\": \"2025-26\", \"seriesBreak\": \"2026-27\", \"targets\"",
        "$.indicators[1].seriesBreak",
        "2026-27 is not a year OLD is collected after a year it was collected (until 2025-26)")]
    [InlineData("\"seriesBreak\": \"2026-27\",", "", "$.indicators[3].seriesBreakNote",
        "a note says what changed at a series break; give the seriesBreak year too")]
    [InlineData(
        "\"agencies\": [\"CSC\"], \"from\": \"2026-27\"",
        "\"agencies\": [\"CCG\"], \"from\": \"2026-27\"",
        "$.indicators[2].agencies[0]",
        "'CCG' (until 2025-26 Q1) owes no return while NEW is collected (from 2026-27)")]
    [InlineData(
        "\"unit\": \"percentage\", \"kind\": \"flow\",\n      \"polarity\": \"lowerIsBetter\", \"agencies\": " +
        "[\"CSC\"], \"from\"",
        "\"unit\": \"percentage\",\n      \"polarity\": \"lowerIsBetter\", \"agencies\": [\"CSC\"], \"from\"",
        "$.indicators[2].kind",
        "required: NEW starts in 2026-27, after the catalogue first declares kinds; say flow or stock")]
    [InlineData(
        "\"until\": \"2025-26 Q1\"",
        "\"untill\": \"2025-26 Q1\"",
        "$.agencies[2].untill",
        "unknown field; did you mean 'until'?")]
    [InlineData("\"seriesBreak\": \"2026-27\"", "\"seriesBreak\": \"2026\"", "$.indicators[3].seriesBreak",
        "'2026' is not a financial year; write it like 2025-26")]
    public void Parse_DatesThatCannotStand_AreRefusedWithThePath(
        string find,
        string replace,
        string path,
        string reason)
    {
        var json = ThreeYearCatalogue.Json.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(ThreeYearCatalogue.Json, json);

        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse(json));

        Assert.Contains(new ReferenceDataProblem(path, reason), error.Problems);
    }

    [Fact]
    public void Parse_CatalogueThatNeverDeclaresKinds_ReadsNewIndicatorsWithTheDefault()
    {
        // Without any kind in the file, the documented default holds for every indicator, dated or not.
        var json = ThreeYearCatalogue.Json
            .Replace("\"kind\": \"flow\", ", string.Empty, StringComparison.Ordinal)
            .Replace("\"kind\": \"flow\",", string.Empty, StringComparison.Ordinal)
            .Replace("\"kind\": \"stock\",", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("\"kind\"", json, StringComparison.Ordinal);

        var partnership = PartnershipReader.Parse(json);

        // A percentage defaults to a flow; a count that is not cumulative to a stock.
        Assert.Equal(MeasureKind.Flow, partnership.FindIndicator("NEW")!.Kind);
        Assert.Equal(MeasureKind.Stock, partnership.FindIndicator("CPP")!.Kind);
    }

    [Fact]
    public void Sample_ReferencesThePublishedSchema_AndFitsIt()
    {
        var sample = File.ReadAllText(Samples.PartnershipPath);

        Assert.Contains("\"$schema\": \"../docs/partnership.schema.json\"", sample, StringComparison.Ordinal);
        Assert.Empty(PartnershipSchema.Check(System.Text.Json.JsonDocument.Parse(sample).RootElement));
        Assert.Equal(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "partnership.schema.json")),
            PartnershipSchema.Text);
    }
}
