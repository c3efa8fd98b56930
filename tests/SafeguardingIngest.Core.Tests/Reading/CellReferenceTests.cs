using SafeguardingIngest.Reading;

namespace SafeguardingIngest.Tests.Reading;

public class CellReferenceTests
{
    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    [InlineData(16383, "XFD")]
    [InlineData(int.MaxValue, "FXSHRXX")]
    public void Column_CountsLettersAsExcelDoes(int index, string letters) =>
        Assert.Equal(letters, CellReference.Column(index));

    [Theory]
    [InlineData(3, 14, "D14")]
    [InlineData(0, 1, "A1")]
    [InlineData(16383, 1048576, "XFD1048576")]
    public void Cell_IsColumnLettersThenRow(int column, int row, string cell) =>
        Assert.Equal(cell, CellReference.Cell(column, row));

    [Theory]
    [InlineData("Indicators", "Indicators!D14")]
    [InlineData("Sheet_2", "Sheet_2!D14")]
    [InlineData("Q2 return", "'Q2 return'!D14")]
    [InlineData("Bob's figures", "'Bob''s figures'!D14")]
    public void Qualified_QuotesSheetNamesWithSpacesOrQuotesAsAFormulaDoes(string sheet, string qualified) =>
        Assert.Equal(qualified, CellReference.Qualified(sheet, "D14"));

    [Theory]
    [InlineData("Indicators", 3, 14, "Indicators!D14")]
    [InlineData("Q2 return", 27, 2, "'Q2 return'!AB2")]
    [InlineData("Bob's figures", 0, 1048576, "'Bob''s figures'!A1048576")]
    public void Qualified_FromASheetPrefix_IsTheSheetThenTheCell(string sheet, int column, int row, string qualified) =>
        Assert.Equal(qualified, CellReference.Qualified(CellReference.SheetPrefix(sheet), column, row));

    [Fact]
    public void Column_RefusesANegativeIndex() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CellReference.Column(-1));
}
