using System.Globalization;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Spreadsheets;
using SafeguardingIngest.Tests.Support;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

/// <summary>
/// A quarter with no cases can be returned, and every message on the way there gives advice that,
/// followed to the letter, gets the return accepted: each test refuses a file, applies the advice
/// the message gives, and validates again. NI 32 is a Police percentage on row 2 (E numerator,
/// F denominator, G value).
/// </summary>
public class NoDeadEndsTests
{
    private static readonly ReturnContext s_police = new("POL", Samples.Q2);

    private static (ReturnResult Result, List<Returns.Observation> Observations) Validate(TestWorkbook workbook)
    {
        var sink = new ObservationBuffer();
        var result = Check.Return(workbook, s_police, sink);
        return (result, [.. sink.Items]);
    }

    [Fact]
    public void NotANumber_AdviceZeroAndZero_IsAcceptedAsNoCases()
    {
        var (refused, _) = Validate(TestWorkbook.Good("POL").Set("Indicators", "E2", "n/a"));
        var message = Assert.Single(refused.Report.Findings).Message;
        Assert.Contains("0 (with 0 in Denominator)", message, StringComparison.Ordinal);

        var (accepted, observations) = Validate(
            TestWorkbook.Good("POL").Set("Indicators", "E2", 0).Set("Indicators", "F2", 0));

        Assert.True(accepted.Report.IsAccepted, Check.Describe(accepted));
        var ni32 = observations.Single(o => o.Indicator == "NI 32");
        Assert.Equal((0.0, 0.0), (ni32.Numerator, ni32.Denominator));
    }

    [Fact]
    public void NotANumber_AdviceNoCasesWritten_IsAccepted()
    {
        var (accepted, observations) = Validate(TestWorkbook.Good("POL")
            .Set("Indicators", "E2", SheetCell.Empty)
            .Set("Indicators", "F2", SheetCell.Empty)
            .Set("Indicators", "G2", "no cases"));

        Assert.Equal(ReturnStatus.Accepted, accepted.Report.Status);
        var ni32 = observations.Single(o => o.Indicator == "NI 32");
        Assert.Equal((0.0, (double?)0.0), (ni32.Numerator, ni32.Denominator));
    }

    [Theory]
    [InlineData("E2", "F2")]
    [InlineData("F2", "E2")]
    public void NoCasesInNumeratorOrDenominator_OtherBlank_IsAcceptedAsNoCases(string written, string blank)
    {
        var (accepted, observations) = Validate(TestWorkbook.Good("POL")
            .Set("Indicators", written, "no cases")
            .Set("Indicators", blank, SheetCell.Empty)
            .Set("Indicators", "G2", SheetCell.Empty));

        Assert.Equal(ReturnStatus.Accepted, accepted.Report.Status);
        var ni32 = observations.Single(o => o.Indicator == "NI 32");
        Assert.Equal((0.0, (double?)0.0), (ni32.Numerator, ni32.Denominator));
    }

    [Fact]
    public void BlankRow_AdviceZeroAndZero_IsAccepted()
    {
        var blank = TestWorkbook.Good("POL")
            .Set("Indicators", "E2", SheetCell.Empty)
            .Set("Indicators", "F2", SheetCell.Empty)
            .Set("Indicators", "G2", SheetCell.Empty);
        var (refused, _) = Validate(blank);
        var missing = Assert.Single(refused.Report.Findings);
        Assert.Equal("value-missing", missing.Code);
        Assert.Contains("or 0 and 0 if there were no cases this quarter", missing.Message, StringComparison.Ordinal);

        var (accepted, _) = Validate(blank.Set("Indicators", "E2", 0).Set("Indicators", "F2", 0));

        Assert.True(accepted.Report.IsAccepted, Check.Describe(accepted));
    }

    [Fact]
    public void RowLeftOut_AdviceAddARow_IsAccepted()
    {
        var without = TestWorkbook.Good("POL").DeleteRow("Indicators", 2);
        var (refused, _) = Validate(without);
        var missing = Assert.Single(refused.Report.Findings);
        Assert.Equal("indicator-missing", missing.Code);
        Assert.Contains("add a row for it", missing.Message, StringComparison.Ordinal);

        var (accepted, _) = Validate(without.Append("Indicators", "NI 32", "", "", "All", 0, 0));

        Assert.True(accepted.Report.IsAccepted, Check.Describe(accepted));
    }

    [Fact]
    public void DenominatorZeroWithCases_AdviceEnterTheDenominator_IsAccepted()
    {
        var (refused, _) = Validate(
            TestWorkbook.Good("POL")
                .Set("Indicators", "E2", 3)
                .Set("Indicators", "F2", 0)
                .Set("Indicators", "G2", SheetCell.Empty));
        var zero = Assert.Single(refused.Report.Findings);
        Assert.Equal("denominator-zero", zero.Code);
        Assert.Contains("enter the denominator", zero.Message, StringComparison.Ordinal);

        var (accepted, _) = Validate(
            TestWorkbook.Good("POL")
                .Set("Indicators", "E2", 3)
                .Set("Indicators", "F2", 40)
                .Set("Indicators", "G2", SheetCell.Empty));

        Assert.True(accepted.Report.IsAccepted, Check.Describe(accepted));
    }

    [Fact]
    public void CountNotANumber_AdviceZero_IsAccepted()
    {
        var row = TestWorkbook.Good("POL").RowOf("DA02").ToString(CultureInfo.InvariantCulture);
        var (refused, _) = Validate(TestWorkbook.Good("POL").Set("Indicators", "G" + row, "n/a"));
        Assert.EndsWith(
            "enter the figure, or 0 if there were none this quarter.",
            Assert.Single(refused.Report.Findings).Message,
            StringComparison.Ordinal);

        var (accepted, _) = Validate(TestWorkbook.Good("POL").Set("Indicators", "G" + row, 0));

        Assert.True(accepted.Report.IsAccepted, Check.Describe(accepted));
    }
}
