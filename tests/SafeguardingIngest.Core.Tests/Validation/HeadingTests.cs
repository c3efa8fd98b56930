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

        var result = new ReturnValidator(Samples.Partnership).Validate(file, new ReturnContext("CSC", Samples.Q2, "headings-council-style.xlsx"));

        Assert.Equal(ReturnStatus.AcceptedWithWarnings, result.Report.Status);
        Assert.Equal(65, result.Report.ObservationCount);
        var extra = Assert.Single(result.Report.Findings);
        Assert.Equal(("column-unrecognised", "G1", "RAG"), (extra.Code, extra.Cell, extra.Value));
    }

    [Fact]
    public void Validate_TwoHeadingsForValue_ReadsTheFirstAndSaysSo()
    {
        using var file = File.OpenRead(Samples.TestData("headings-doubled.xlsx"));

        var result = new ReturnValidator(Samples.Partnership).Validate(file, new ReturnContext("CSC", Samples.Q2, "headings-doubled.xlsx"));

        var doubled = Assert.Single(result.Report.Findings);
        Assert.Equal(("column-ambiguous", "G1"), (doubled.Code, doubled.Cell));
        Assert.Contains("both name the Value column; E1 was read and G1 was not", doubled.Message, StringComparison.Ordinal);
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
}
