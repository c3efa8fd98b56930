using SafeguardingIngest.Returns;
using SafeguardingIngest.Tests.Support;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

/// <summary>
/// The personal data screen on real workbooks: a child's details in commentary, or in the actions and
/// risks the board's page prints, refuse the return at their cell, and the finding never repeats them.
/// Columns of the template: Indicators H commentary; Actions A action, B description, C RAG, D commentary,
/// E recovery actions; Risks A risk, B description, C impact, D likelihood, E mitigation, F owner, G due.
/// </summary>
public class PersonalDataScreenTests
{
    private const string Child = "Fall because Jack Robinson, born 14/03/2012, and his siblings moved out of area";
    private static readonly ReturnContext s_police = new("POL", Samples.Q2);

    [Fact]
    public void Validate_CommentaryWithAChildsBirthDate_IsRefusedAtTheCellWithoutQuotingIt()
    {
        var sink = new ObservationBuffer();

        var result = Check.Return(TestWorkbook.Good("POL").Set("Indicators", "H4", Child), s_police, sink);

        Assert.Equal(ReturnStatus.Rejected, result.Report.Status);
        var finding = Check.One(result, "personal-data", "H4", "Indicators");
        Assert.Null(finding.Value);
        Assert.Contains("a date of birth", finding.Message, StringComparison.Ordinal);
        var json = ReportJson.ToJson(result.Report, "POL-2025-26-Q2.xlsx");
        foreach (var part in new[] { "Jack", "Robinson", "14/03/2012", "2012", "siblings" })
        {
            Assert.DoesNotContain(part, json, StringComparison.Ordinal);
        }

        // The row never reaches storage, not even until the refusal removes the rest.
        Assert.DoesNotContain(sink.Items, o => o.Commentary == Child);
    }

    [Theory]
    [InlineData("Actions", "B2", "Stepping down Jack Robinson (14/03/2012)")]
    [InlineData("Actions", "D2", "Slipped while Jack Robinson, DOB 14 March 2012, was placed out of area")]
    [InlineData("Actions", "E2", "Visit to 12 Mill Lane, Tamworth B79 7AB booked")]
    [InlineData("Risks", "B2", "Placement of child, NHS number 943 476 5919, may break down")]
    [InlineData("Risks", "E2", "Mother (NI number AB 12 34 56 C) referred to the benefits team")]
    [InlineData("Risks", "F2", "Jack Robinson (14/03/2012)")]
    public void Validate_ActionOrRiskTextWithPersonalData_IsRefusedAtTheCell(string sheet, string cell, string text)
    {
        var workbook = TestWorkbook.Good("POL")
            .Append("Actions", "1", "Embed the neglect toolkit", "Amber", "Training delayed", "Second cohort")
            .Append("Risks", "1", "MASH capacity", 4, 3, "Agency staff", "Head of Service", "2026-03-31")
            .Set(sheet, cell, text);

        var result = Check.Return(workbook, s_police);

        var finding = Check.One(result, "personal-data", cell, sheet);
        Assert.Null(finding.Value);
        foreach (var part in new[] { "Robinson", "B79", "5919", "AB 12" })
        {
            Assert.DoesNotContain(part, finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_NoteUnderTheTableWithABirthDate_IsRefusedNotQuotedAsAnIndicator()
    {
        // POL's return has four indicator rows (2 to 5); two blank rows, then a note at A8.
        var workbook = TestWorkbook.Good("POL").Set("Indicators", "A8", "Note: excludes Jack Robinson (14/03/2012)");

        var result = Check.Return(workbook, s_police);

        var finding = Check.One(result, "personal-data", "A8", "Indicators");
        Assert.Null(finding.Value);
        Assert.DoesNotContain(result.Report.Findings, f => f.Message.Contains("Robinson", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ExtraSheetWithABirthDate_IsRefusedAtItsCell()
    {
        var workbook = TestWorkbook.Good("POL")
            .Sheet("Notes", ["Officer notes"], ["Figures checked by the MASH manager"], ["Sibling DOB: 14 March 2012"]);

        var result = Check.Return(workbook, s_police);

        var finding = Check.One(result, "personal-data", "A3", "Notes");
        Assert.Null(finding.Value);
        Assert.DoesNotContain("March", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OrdinaryCommentaryActionsAndRisks_AreAccepted()
    {
        var workbook = TestWorkbook.Good("POL")
            .Set("Indicators", "H2", "Reviewed at the board on 14/03/2025; concerns born out of the neglect audit")
            .Set("Indicators", "H3", "Target for 2025-26 is 45; Q2 rose 12% (from 25 to 28)")
            .Append("Actions", "1", "Agreed at the Partnership Board (14/03/2025)", "Red", "Audit 14/03/26", "Hire")
            .Append("Risks", "1", "MASH capacity", 4, 3, "Agency staff", "Head of Service", "2026-03-31")
            .Set("Indicators", "A8", "Source: case system extract, 14/03/2025")
            .Sheet("Notes", ["Officer notes"], ["Reviewed at the board on 14/03/2025"]);

        var result = Check.Return(workbook, s_police);

        Check.NoErrors(result);
        Assert.Single(result.Actions);
        Assert.Single(result.Risks);
    }
}
