using SafeguardingIngest.Reading;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

public class FigureReaderTests
{
    [Theory]
    [InlineData("3,592", false, 3592, 0)]
    [InlineData(" 26 ", false, 26, 0)]
    [InlineData("14.7%", false, 14.7, 1)]
    [InlineData("1,234,567.50", false, 1234567.5, 2)]
    [InlineData("14,7", true, 14.7, 1)]
    [InlineData("3,592", true, 3592, 0)]
    [InlineData("\u00A012\u00A0", false, 12, 0)]
    [InlineData("\u22125", false, -5, 0)]
    public void ReadText_NumbersAsPeopleTypeThem_AreNumbers(string text, bool decimalComma, double value, int decimals)
    {
        var figure = FigureReader.ReadText(text, decimalComma);

        Assert.Equal(FigureState.Number, figure.State);
        Assert.Equal(value, figure.Value, 9);
        Assert.Equal(decimals, figure.Decimals);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("007")]
    [InlineData("293")]
    [InlineData("999999999999999")]
    [InlineData("1234567890123456789")]
    [InlineData("9007199254740993")]
    public void ReadText_DigitsAlone_AreTheNumberTheRuntimeParses(string text)
    {
        // The oracle is the runtime's own parser: a whole number of up to 15 digits is a double exactly, and a
        // longer one (2^53 + 1 is the last case) is rounded by the parser as before.
        var expected = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var figure = FigureReader.ReadText(text, decimalComma: false);

        Assert.Equal(FigureState.Number, figure.State);
        Assert.Equal(expected, figure.Value);
        Assert.Equal(0, figure.Decimals);
        Assert.Equal(text, figure.Written);
    }

    [Theory]
    [InlineData("<5", FigureState.Suppressed)]
    [InlineData("< 5", FigureState.Suppressed)]
    [InlineData("*", FigureState.Suppressed)]
    [InlineData("c", FigureState.Suppressed)]
    [InlineData("[c]", FigureState.Suppressed)]
    [InlineData("fewer than 5", FigureState.Suppressed)]
    [InlineData("#DIV/0!", FigureState.FormulaError)]
    [InlineData("#N/A", FigureState.FormulaError)]
    [InlineData("Err:502", FigureState.FormulaError)]
    [InlineData("n/a", FigureState.NotNumber)]
    [InlineData("14,7", FigureState.NotNumber)]
    [InlineData("12 (est)", FigureState.NotNumber)]
    [InlineData("  ", FigureState.Blank)]
    public void ReadText_NonFigures_AreClassified(string text, FigureState state) =>
        Assert.Equal(state, FigureReader.ReadText(text, decimalComma: false).State);

    [Fact]
    public void Read_PercentFormattedCell_IsScaledOnlyWhereAPercentageIsExpected()
    {
        var cell = CellValue.FromNumber(0.147, percentFormatted: true);

        Assert.Equal(14.7, FigureReader.Read(cell, percentCellsAsPercent: true, decimalComma: false).Value, 9);
        Assert.Equal(0.147, FigureReader.Read(cell, percentCellsAsPercent: false, decimalComma: false).Value, 9);
    }

    [Theory]
    [InlineData(14.7, 1, 14.666666, true)]
    [InlineData(15, 0, 14.666666, true)]
    [InlineData(14.6, 1, 14.666666, false)]
    [InlineData(18.69, 2, 18.686868, true)]
    [InlineData(0.13, 2, 0.139, false)]
    public void Agrees_ComparesToTheDecimalsWritten(double written, int decimals, double computed, bool agrees) =>
        Assert.Equal(agrees, FigureReader.Agrees(written, decimals, computed));
}
