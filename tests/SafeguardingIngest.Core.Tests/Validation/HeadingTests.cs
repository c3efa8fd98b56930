using System.Text;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Tests.Support;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

/// <summary>Headings as people write them (files by openpyxl: tests/fixtures/make-headings.py).</summary>
public class HeadingTests
{
    [Theory]
    [InlineData("Numerator (n)", ReturnColumn.Numerator)]
    [InlineData("Denominator (d)", ReturnColumn.Denominator)]
    [InlineData("Value (%)", ReturnColumn.Value)]
    [InlineData("Rate per 10,000", ReturnColumn.Value)]
    [InlineData("Commentary*", ReturnColumn.Commentary)]
    [InlineData("Denominator¹", ReturnColumn.Denominator)]
    [InlineData("Indicator code †", ReturnColumn.Indicator)]
    [InlineData("Q2 numerator", ReturnColumn.Numerator)]
    [InlineData("Value 2025-26", ReturnColumn.Value)]
    [InlineData("Numerator\n(children)", ReturnColumn.Numerator)]
    [InlineData("Children (numerator)", ReturnColumn.Numerator)]
    [InlineData("Locality [note 3]", ReturnColumn.Locality)]
    public void Column_HeadingWithQualifiers_NamesItsColumn(string heading, ReturnColumn expected) =>
        Assert.Equal(expected, HeadingReader.Column(heading, ColumnAliases.Indicators));

    [Theory]
    [InlineData("RAG")]
    [InlineData("Date of return")]
    public void Column_HeadingOfNoColumn_IsNull(string heading) =>
        Assert.Null(HeadingReader.Column(heading, ColumnAliases.Indicators));

    [Fact]
    public void Validate_CouncilStyleHeadings_ReadsEveryFigureAndReportsTheExtraColumn()
    {
        using var file = File.OpenRead(Samples.TestData("headings-council-style.xlsx"));

        var result = new ReturnValidator(Samples.Partnership).Validate(
            file,
            new ReturnContext("CSC", Samples.Q2, "headings-council-style.xlsx"));

        Assert.Equal(ReturnStatus.AcceptedWithWarnings, result.Report.Status);
        Assert.Equal(65, result.Report.ObservationCount);
        var extra = Assert.Single(result.Report.Findings);
        Assert.Equal(("column-unrecognised", "G1", "RAG"), (extra.Code, extra.Cell, extra.Value));
    }

    [Fact]
    public void Validate_TwoHeadingsForValue_ReadsTheFirstAndSaysSo()
    {
        using var file = File.OpenRead(Samples.TestData("headings-doubled.xlsx"));

        var result = new ReturnValidator(Samples.Partnership).Validate(
            file,
            new ReturnContext("CSC", Samples.Q2, "headings-doubled.xlsx"));

        var doubled = Assert.Single(result.Report.Findings);
        Assert.Equal(("column-ambiguous", "G1"), (doubled.Code, doubled.Cell));
        Assert.Contains(
            "both name the Value column; E1 was read and G1 was not",
            doubled.Message,
            StringComparison.Ordinal);
        Assert.Equal(65, result.Report.ObservationCount);
    }

    [Fact]
    public void Validate_FiguresUnderAnUnknownHeading_SaysWhichHeadingInsteadOfFailingEveryRow()
    {
        var workbook = TestWorkbook.Good("POL").Set("Indicators", "E1", "Cnt").Set("Indicators", "G1", "Amount");

        var result = Check.Return(workbook, new ReturnContext("POL", Samples.Q2));

        var missing = Assert.Single(result.Report.Findings, f => f.Code == "column-missing");
        Assert.Contains("'Cnt' (E1), 'Amount' (G1) name no column", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Report.Findings, f => f.Code == "value-missing");
    }

    [Fact]
    public void Validate_MisspeltNumeratorHeadingInCsv_SuggestsNumerator()
    {
        var csv = "Indicator,Locality,Numbr,Denominator,Value\nNI 32,All,12,40,\n";

        var result = Check.Csv(csv, Encoding.UTF8, new ReturnContext("POL", Samples.Q2));

        var heading = Check.One(result, "column-unrecognised", "C1");
        Assert.Equal(
            "C1: the heading 'Numbr' names no column of the return, so the column was not read; " +
            "did you mean Numerator? Use the template's headings.",
            heading.Message);
    }

    [Fact]
    public void Validate_MisspeltNumeratorHeadingInWorkbook_SuggestsNumerator()
    {
        var workbook = TestWorkbook.Good("POL").Set("Indicators", "E1", "Numbr");

        var result = Check.Return(workbook, new ReturnContext("POL", Samples.Q2));

        var heading = Check.One(result, "column-unrecognised", "E1");
        Assert.Contains("; did you mean Numerator?", heading.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnrelatedExtraHeading_SuggestsNothing()
    {
        var workbook = TestWorkbook.Good("POL").Set("Indicators", "I1", "Target");

        var result = Check.Return(workbook, new ReturnContext("POL", Samples.Q2));

        var heading = Check.One(result, "column-unrecognised", "I1");
        Assert.Equal(
            "I1: the heading 'Target' names no column of the return, so the column was not read. " +
            "Use the template's headings.",
            heading.Message);
    }

    [Fact]
    public void Validate_FigureUnderMisspeltHeadingInCsv_PointsAtTheCellTyped()
    {
        // The officer typed 12 under 'Numbr' in C2; Value (E2) is blank and was never typed in.
        var csv = "Indicator,Locality,Numbr,Denominator,Value\nNI 32,All,12,40,\n";

        var result = Check.Csv(csv, Encoding.UTF8, new ReturnContext("POL", Samples.Q2));

        var missing = Check.One(result, "value-missing", "C2");
        Assert.Equal("12", missing.Value);
        Assert.Equal(
            "C2: NI 32 has no figure in a column that was read: 12 is under the heading 'Numbr' (C1), " +
            "which names no column; rename the heading Numerator, as the template has it.",
            missing.Message);
    }

    [Fact]
    public void Validate_FigureUnderMisspeltHeadingInWorkbook_PointsAtTheCellTyped()
    {
        // The template's columns: E numerator, F denominator, G value. NI 32 keeps its figures in E and F.
        var workbook = TestWorkbook.Good("POL").Set("Indicators", "E1", "Numbr");
        var row = workbook.RowOf("NI 32");

        var result = Check.Return(workbook, new ReturnContext("POL", Samples.Q2));

        var missing = Assert.Single(
            result.Report.Findings,
            f => f.Code == "value-missing" && f.Message.Contains("NI 32", StringComparison.Ordinal));
        Assert.Equal($"E{row}", missing.Cell);
        Assert.StartsWith(
            $"E{row}: NI 32 has no figure in a column that was read: ",
            missing.Message,
            StringComparison.Ordinal);
        Assert.Contains("under the heading 'Numbr' (E1)", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FigureUnderMisspeltHeadingBesideValue_PointsAtTheCellTyped()
    {
        // Value is read (E), so the table is not refused; DA01's 4 sits under 'Cnt' in C4, unread.
        var csv = "Indicator,Locality,Cnt,Denominator,Value\nDA02,All,,,5\nNEG04,All,,,2\nDA01,All,4,,\n";

        var result = Check.Csv(csv, Encoding.UTF8, new ReturnContext("POL", Samples.Q2));

        var missing = Check.One(result, "value-missing", "C4");
        Assert.Equal(
            "C4: DA01 has no figure in a column that was read: 4 is under the heading 'Cnt' (C1), " +
            "which names no column; head that column 'Numerator' or 'Value', as the template does.",
            missing.Message);
    }

    [Fact]
    public void Validate_CsvWithoutRecognisableHeader_ListsHeadingsFoundAndExpected()
    {
        var csv = "Ind,Area,Num,Denom,Value\nNI 32,All,12,40,\n";

        var result = Check.Csv(csv, Encoding.UTF8, new ReturnContext("CSC", Samples.Q2));

        var missing = Check.One(result, "indicators-missing");
        Assert.Equal(
            "The sheet 'Indicators' has no header row with an 'Indicator' column in its first 20 rows; use the " +
            "template's headings. Row 1 has the headings 'Ind', 'Area', 'Num', 'Denom', 'Value' ('Ind' may be " +
            "Indicator); the template's headings are Indicator, Title, Unit, Locality, Numerator, Denominator, " +
            "Value, Commentary.",
            missing.Message);
    }

    [Fact]
    public void Validate_WorkbookWithoutRecognisableHeader_NamesTheSheetAndRowOfTheHeadingsFound()
    {
        // Title rows above; the officer's own headings on row 3 of a sheet not called Indicators.
        var workbook = TestWorkbook.Empty()
            .Sheet("Cover", ["Agency", "POL"], ["Period", "2025-26 Q2"])
            .Sheet("Figures", ["Police return"], [], ["Ind no", "District", "Cnt"], ["DA02", "All", 5]);

        var result = Check.Return(workbook, new ReturnContext("POL", Samples.Q2));

        var missing = Check.One(result, "indicators-missing");
        Assert.EndsWith(
            "sheets found: Cover, Figures. Row 3 of 'Figures' has the headings 'Ind no', 'District', 'Cnt'; " +
            "the template's headings are Indicator, Title, Unit, Locality, Numerator, Denominator, Value, Commentary.",
            missing.Message);
    }

    [Fact]
    public void Validate_RowThatMayHoldPersonalData_IsNotQuotedBack()
    {
        var csv = "Child,Date of birth,Area\nJack Robinson,14/03/2012,Tamworth\n";

        var result = Check.Csv(csv, Encoding.UTF8, new ReturnContext("CSC", Samples.Q2));

        var missing = Check.One(result, "indicators-missing");
        Assert.DoesNotContain("Date of birth", missing.Message, StringComparison.Ordinal);
        Assert.Contains("None of those rows has a heading of the return", missing.Message, StringComparison.Ordinal);
    }
}
