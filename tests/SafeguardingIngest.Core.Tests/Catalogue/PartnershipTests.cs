using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Tests.Catalogue;

public class PartnershipTests
{
    [Theory]
    [InlineData("POL")]
    [InlineData("pol")]
    [InlineData("Staffordshire Police")]
    [InlineData("STAFFORDSHIRE  police")]
    public void FindAgency_ByCodeOrNameInAnyCase_FindsIt(string text) =>
        Assert.Equal("POL", Samples.Partnership.FindAgency(text)?.Code);

    [Theory]
    [InlineData("NI 65")]
    [InlineData("ni65")]
    [InlineData("NI-65")]
    public void FindIndicator_IgnoresSpacingAndPunctuation(string text) =>
        Assert.Equal("NI 65", Samples.Partnership.FindIndicator(text)?.Code);

    [Theory]
    [InlineData("CH0l", "CH01")]
    [InlineData("CH014", "CH01")]
    [InlineData("CH1411", "CH141")]
    public void SuggestIndicator_NearTypo_SuggestsTheCode(string typo, string expected) =>
        Assert.Equal(expected, Samples.Partnership.SuggestIndicator(typo));

    [Fact]
    public void SuggestLocality_Misspelt_SuggestsTheName()
    {
        Assert.Equal("Tamworth", Samples.Partnership.SuggestLocality("Tamwroth"));
        Assert.Null(Samples.Partnership.SuggestLocality("Birmingham"));
    }

    [Fact]
    public void PopulationFor_WholeArea_IsTheSumOfLocalities()
    {
        var year = FinancialYear.Parse("2025-26");
        var partnership = Samples.Partnership;

        var total = partnership.Localities.Sum(l => partnership.PopulationFor(l.Code, year)!.Value);

        Assert.Equal(total, partnership.PopulationFor(Locality.WholeAreaCode, year));
        Assert.Null(partnership.PopulationFor(Locality.WholeAreaCode, FinancialYear.Parse("2001-02")));
    }

    [Fact]
    public void IndicatorsOwedBy_Police_AreTheCatalogueRowsNamingPolice()
    {
        var owed = Samples.Partnership.IndicatorsOwedBy("POL").Select(i => i.Code).ToList();

        Assert.Contains("NI 32", owed);
        Assert.DoesNotContain("CH01", owed);
    }
}
