using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

/// <summary>
/// Files that are not what their names say, made by LibreOffice the way a data officer's own
/// programs make them (tests/fixtures/make-masquerades.sh): each is told what it is and how to save it.
/// </summary>
public class MasqueradeTests
{
    private static ReturnResult Validate(string fixture)
    {
        using var stream = File.OpenRead(Samples.TestData("masquerades/" + fixture));
        return new ReturnValidator(Samples.Partnership).Validate(stream, new ReturnContext("CSC", Samples.Q2, fixture));
    }

    [Fact]
    public void Validate_CsvTextNamedAsAWorkbook_IsReadAsCsvAndSaysSo()
    {
        var result = Validate("indicators-text-named.xlsx");

        Assert.Equal(ReturnStatus.AcceptedWithWarnings, result.Report.Status);
        var warning = Assert.Single(result.Report.Findings);
        Assert.Equal("file-type-mismatch", warning.Code);
        Assert.StartsWith(
            "indicators-text-named.xlsx is named as an Excel workbook (.xlsx) but holds plain text",
            warning.Message,
            StringComparison.Ordinal);
        Assert.Contains("save it as an Excel Workbook (.xlsx)", warning.Message, StringComparison.Ordinal);
        Assert.Equal(65, result.Report.ObservationCount);
    }

    [Fact]
    public void Validate_WorkbookSavedAsCsv_SaysOnlyTheCoverWasSaved()
    {
        var result = Validate("cover-saved-as.csv");

        Assert.False(result.Report.IsAccepted);
        var missing = Assert.Single(result.Report.Findings, f => f.Code == "indicators-missing");
        Assert.StartsWith(
            "This csv holds a Cover sheet (Agency, Period, …) and no Indicators table",
            missing.Message,
            StringComparison.Ordinal);
        Assert.Contains("Send the workbook itself (.xlsx)", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WebPageSavedWithAnXlsName_SaysItIsAWebPage()
    {
        var result = Validate("indicators-saved-as-web.xls");

        var refusal = Assert.Single(result.Report.Findings);
        Assert.Equal("file-unrecognised", refusal.Code);
        Assert.StartsWith(
            "This is a web page (HTML) saved with a spreadsheet name; open it in Excel and save it as .xlsx",
            refusal.Message,
            StringComparison.Ordinal);
    }
}
