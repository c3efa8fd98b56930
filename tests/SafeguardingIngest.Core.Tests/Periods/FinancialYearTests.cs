using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Tests.Periods;

public class FinancialYearTests
{
    [Theory]
    [InlineData("2025-26")]
    [InlineData("2025/26")]
    [InlineData("2025-2026")]
    public void Parse_CommonForms_GiveTheYearStartingInApril(string text)
    {
        var year = FinancialYear.Parse(text);

        Assert.Equal(new DateOnly(2025, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2026, 3, 31), year.End);
        Assert.Equal("2025-26", year.ToString());
    }

    [Fact]
    public void Parse_CenturyBoundary_Works() => Assert.Equal("1999-00", FinancialYear.Parse("1999-00").ToString());

    [Theory]
    [InlineData("2025-27")]
    [InlineData("2025")]
    [InlineData("25-26")]
    [InlineData("2025-2027")]
    public void TryParse_Inconsistent_IsFalse(string text) => Assert.False(FinancialYear.TryParse(text, out _));

    [Fact]
    public void Containing_March_BelongsToTheYearBefore() =>
        Assert.Equal(new FinancialYear(2025), FinancialYear.Containing(new DateOnly(2026, 3, 1)));
}
