using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Templates;
using SafeguardingIngest.Tests.Support;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Templates;

public class ReturnTemplateTests
{
    [Fact]
    public void For_SocialCare_HasOneRowPerOwedIndicatorAndLocality()
    {
        var partnership = Samples.Partnership;
        var csc = partnership.FindAgency("CSC")!;

        var template = ReturnTemplate.For(partnership, csc, Samples.Q2);

        // The catalogue as it stood for 2025-26 Q2 (NEG07 starts in 2026-27).
        var owed = partnership.For(Samples.Q2).IndicatorsOwedBy("CSC").ToList();
        Assert.Equal(owed.Sum(i => i.ByLocality ? partnership.Localities.Count : 1), template.Rows.Count);
        Assert.Equal(
            partnership.Localities.Select(l => l.Code),
            template.Rows.Where(r => r.Indicator.Code == "CH01").Select(r => r.Locality));
        Assert.Equal(Locality.WholeAreaCode, Assert.Single(template.Rows, r => r.Indicator.Code == "NI 65").Locality);
        Assert.Equal(new DateOnly(2025, 10, 30), template.DueDate);
    }

    [Fact]
    public void Write_Blank_HasCoverRagDropDownAndFrozenHeader()
    {
        var partnership = Samples.Partnership;
        using var stream = new MemoryStream();
        ReturnWorkbookWriter.Write(
            stream,
            ReturnTemplate.For(partnership, partnership.FindAgency("POL")!, Samples.Q2),
            partnership);
        stream.Position = 0;

        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Cover", "Indicators", "Actions", "Risks", "Instructions"], sheets.Select(s => s.Name!.Value));

        var actions = (WorksheetPart)workbook.GetPartById(sheets[2].Id!);
        var rag = Assert.Single(actions.Worksheet.Descendants<DataValidation>());
        Assert.Equal(DataValidationValues.List, rag.Type!.Value);
        Assert.Equal("\"Red,Amber,Green\"", rag.Formula1!.Text);
        Assert.Equal("C2:C500", rag.SequenceOfReferences!.InnerText);

        var indicators = (WorksheetPart)workbook.GetPartById(sheets[1].Id!);
        var pane = Assert.Single(indicators.Worksheet.Descendants<Pane>());
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
    }

    [Fact]
    public void Write_BlankThenFilled_RoundTripsToAcceptedWithNoError()
    {
        var partnership = Samples.Partnership;
        foreach (var agency in partnership.AgenciesOwing(Samples.Q2))
        {
            var blank = ReturnTemplate.For(partnership, agency, Samples.Q2);
            var filled = SampleFigures.Fill(blank, partnership, seed: agency.Code.Length) with
            {
                Actions = [
                    new ActionItem(
                        "1",
                        "Joint neglect training",
                        Rag.Amber,
                        "Delayed",
                        "Extra sessions booked",
                        string.Empty)],
                Risks = [
                    new RiskItem("1", "Capacity", 3, 4, "Recruitment", "Head of Service", "2026-03-31", string.Empty)],
            };
            using var stream = new MemoryStream();
            ReturnWorkbookWriter.Write(stream, filled, partnership);
            stream.Position = 0;
            var sink = new ObservationBuffer();

            var result = new ReturnValidator(partnership).Validate(
                stream,
                new ReturnContext(agency.Code, Samples.Q2),
                sink);

            Assert.True(result.Report.Status == ReturnStatus.Accepted, $"{agency.Code}:\n{Check.Describe(result)}");
            Assert.Equal(blank.Rows.Count, sink.Items.Count);
            Assert.Equal(Rag.Amber, Assert.Single(result.Actions).Rag);
            Assert.Equal(12, Assert.Single(result.Risks).Score);
        }
    }

    [Fact]
    public void Write_BlankUnfilled_IsRejectedForEveryRowWithTheCellToFill()
    {
        var partnership = Samples.Partnership;
        var blank = ReturnTemplate.For(partnership, partnership.FindAgency("POL")!, Samples.Q2);
        using var stream = new MemoryStream();
        ReturnWorkbookWriter.Write(stream, blank, partnership);
        stream.Position = 0;

        var result = new ReturnValidator(partnership).Validate(stream, new ReturnContext());

        Assert.Equal(blank.Rows.Count, result.Report.ErrorCount);
        Assert.All(result.Report.Findings, f => Assert.Equal("value-missing", f.Code));
        Assert.Equal(["E2", "E3", "G4", "G5"], result.Report.Findings.Select(f => f.Cell));
    }
}
