using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Tests.Support;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

/// <summary>The agency and quarter of a return from its name, where nothing else says.</summary>
public class FileNameIdentityTests
{
    [Theory]
    [InlineData("CHS-2025-26-Q2.csv", "CHS", "2025-26 Q2")]
    [InlineData("POL-2025-26-Q2-return.xlsx", "POL", "2025-26 Q2")]
    [InlineData("edu_2025-26_q3.xls", "EDU", "2025-26 Q3")]
    [InlineData("Staffordshire Police 2025-26 Q1.xlsx", "POL", "2025-26 Q1")]
    [InlineData("2025-26-Q4.csv", null, "2025-26 Q4")]
    public void Read_TemplateStyleNames_GiveAgencyAndPeriod(string name, string? agency, string period)
    {
        var (found, quarter) = FileNameIdentity.Read(name, Samples.Partnership);

        Assert.Equal(agency, found?.Code);
        Assert.Equal(ReportingPeriod.Parse(period), quarter);
    }

    [Theory]
    [InlineData("return.csv")]
    [InlineData("figures 2025.xlsx")]
    [InlineData("XYZ-2025-26-Q5.csv")]
    public void Read_OtherNames_GiveNothing(string name) =>
        Assert.Equal((null, null), FileNameIdentity.Read(name, Samples.Partnership));

    [Fact]
    public void Validate_CsvNamedTheTemplatesWay_IsAcceptedSayingWhereItsIdentityCameFrom()
    {
        // A csv has no Cover: the name is the only place that says.
        using var csv = File.OpenRead(Samples.TestData("chs-1252-semicolon-libreoffice.csv"));

        var result = new ReturnValidator(Samples.Partnership).Validate(
            csv,
            new ReturnContext(FileName: "CHS-2025-26-Q2.csv"));

        Assert.True(result.Report.IsAccepted, Check.Describe(result));
        Assert.Equal(("CHS", "the file name"), (result.Report.Agency, result.Report.AgencyFrom));
        Assert.Equal(("2025-26 Q2", "the file name"), (result.Report.Period?.ToString(), result.Report.PeriodFrom));
    }

    [Fact]
    public void Validate_CoverAndNameDisagree_TakesTheCoverAndWarns()
    {
        // A copy of last quarter's file, renamed badly: the Cover is right, the name is not.
        var result = Check.Return(TestWorkbook.Good("POL"), new ReturnContext(FileName: "POL-2025-26-Q1.xlsx"));

        Assert.Equal(ReturnStatus.AcceptedWithWarnings, result.Report.Status);
        Assert.Equal(("POL", "the Cover"), (result.Report.Agency, result.Report.AgencyFrom));
        Assert.Equal(Samples.Q2, result.Report.Period);
        var warning = Assert.Single(result.Report.Findings);
        Assert.Equal("file-name-disagrees", warning.Code);
        Assert.Contains("rename it POL-2025-26-Q2.xlsx", warning.Message, StringComparison.Ordinal);
    }
}
