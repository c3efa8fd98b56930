using System.Text;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Templates;
using SafeguardingIngest.Tests.Support;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

/// <summary>
/// Returns of each year of the three-year catalogue, checked after the later years exist: each is held
/// to the catalogue of its own quarter, not to today's.
/// </summary>
public class QuarterCatalogueTests
{
    private static ReturnResult Validate(string csv, string agency, string quarter)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return new ReturnValidator(ThreeYearCatalogue.Partnership)
            .Validate(stream, new ReturnContext(agency, ReportingPeriod.Parse(quarter)));
    }

    // CSC owes REF (per locality), OLD or NEW, and CPP. Populations are not needed: no rate is asked.
    private const string Csc2024 = "Indicator,Locality,Numerator,Denominator,Value\n" +
        "REF,North,,,10\nREF,South,,,12\nOLD,,3,20,\nCPP,,,,40\n";

    [Fact]
    public void Validate_ReturnOf2024_25_IsCheckedAgainstThatYearsCatalogue()
    {
        var result = Validate(Csc2024, "CSC", "2024-25 Q3");

        Assert.True(result.Report.Status == ReturnStatus.Accepted, Check.Describe(result));
    }

    [Fact]
    public void Validate_ReturnOf2026_27WithTheRetiredIndicator_NamesItAndItsLastYear()
    {
        var result = Validate(
            Csc2024.Replace("REF,South,,,12\n", "REF,South,,,12\nREF,Eastfield,,,2\n", StringComparison.Ordinal),
            "CSC", "2026-27 Q1");

        var retired = Check.One(result, "indicator-not-collected", "A5");
        Assert.Equal(
            "A5: OLD was last collected in 2025-26, so it is not part of a 2026-27 Q1 return; leave the row out.",
            retired.Message);
        var missing = Check.One(result, "indicator-missing");
        Assert.StartsWith(
            "NEW (Repeat referrals within 6 months) is missing",
            missing.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReturnOf2025_26WithTheNewIndicator_SaysWhenItStarts()
    {
        var result = Validate(Csc2024 + "NEW,,1,10,\n", "CSC", "2025-26 Q2");

        var early = Check.One(result, "indicator-not-collected", "A6");
        Assert.StartsWith("A6: NEW is collected from 2026-27", early.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Report.Findings, f => f.Code == "indicator-missing");
    }

    [Theory]
    // Eastfield starts at 2025-26 Q3: owed from then, not before.
    [InlineData("2025-26 Q2", false)]
    [InlineData("2025-26 Q3", true)]
    public void Validate_LocalityStartingMidSeries_IsOwedFromItsFirstQuarter(string quarter, bool owed)
    {
        var result = Validate(Csc2024, "CSC", quarter);

        Assert.Equal(
            owed,
            result.Report.Findings.Any(
                f => f.Code == "locality-missing" && f.Message.Contains("Eastfield", StringComparison.Ordinal)));
    }

    [Theory]
    // The CCG owes HEA until 2025-26 Q1; the ICB from 2025-26 Q2.
    [InlineData("CCG", "2025-26 Q1", true)]
    [InlineData("CCG", "2025-26 Q2", false)]
    [InlineData("ICB", "2025-26 Q1", false)]
    [InlineData("ICB", "2025-26 Q2", true)]
    public void Validate_AgencyReplacedAtQ2_OwesReturnsOnlyWithinItsDates(string agency, string quarter, bool accepted)
    {
        var result = Validate("Indicator,Value\nHEA,4\n", agency, quarter);

        Assert.Equal(accepted, result.Report.Status == ReturnStatus.Accepted);
        Assert.Equal(!accepted, result.Report.Findings.Any(f => f.Code == "agency-not-owing"));
    }

    [Theory]
    [InlineData("2025-26 Q4", "REF:North,REF:South,REF:EFD,OLD:ALL,CPP:ALL")]
    [InlineData("2026-27 Q1", "REF:North,REF:South,REF:EFD,NEW:ALL,CPP:ALL")]
    [InlineData("2025-26 Q2", "REF:North,REF:South,OLD:ALL,CPP:ALL")]
    public void Template_ForAQuarter_ListsThatQuartersIndicatorsAndLocalities(string quarter, string expected)
    {
        var partnership = ThreeYearCatalogue.Partnership;

        var template = ReturnTemplate.For(partnership, partnership.FindAgency("CSC")!, ReportingPeriod.Parse(quarter));

        var rows = template.Rows.Select(
            r => $"{r.Indicator.Code}:{(r.Locality is "NTH" ? "North" : r.Locality is "STH" ? "South" : r.Locality)}");
        Assert.Equal(expected, string.Join(",", rows));
    }
}
