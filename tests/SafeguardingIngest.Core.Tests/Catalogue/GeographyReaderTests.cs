using System.Text.Json.Nodes;
using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Tests.Catalogue;

/// <summary>
/// The area's geography in partnership.json: read from the sample, optional, and each code of the wrong shape
/// refused at its JSON path.
/// </summary>
public sealed class GeographyReaderTests
{
    [Fact]
    public void Read_Sample_CarriesStaffordshiresCodes()
    {
        var geography = Samples.Partnership.Geography;

        // As written in samples/partnership.json: Staffordshire County Council, in the West Midlands, England.
        Assert.Equal(
            new Geography("E92000001", "England", "E12000005", "West Midlands", "860", "E10000028", "Staffordshire"),
            geography);
    }

    [Fact]
    public void Read_SampleWithoutGeography_ReadsWithNone()
    {
        var partnership = PartnershipReader.Read(new MemoryStream(Samples.PartnershipWithoutGeography()));

        Assert.Null(partnership.Geography);
        Assert.Equal(Samples.Partnership.Indicators.Count, partnership.Indicators.Count);
    }

    [Fact]
    public void For_Quarter_KeepsTheGeography()
    {
        var quarter = Samples.Partnership.For(Samples.Q2);

        Assert.Equal(Samples.Partnership.Geography, quarter.Geography);
    }

    [Fact]
    public void Read_PaddedCodes_AreTrimmed()
    {
        var json = Sample(g => g["oldLaCode"] = " 860 ");

        var geography = PartnershipReader.Parse(json).Geography;

        Assert.Equal("860", geography!.OldLaCode);
    }

    [Fact]
    public void Read_CountryCodeOfTheWrongShape_RefusedAtItsPath()
    {
        // An English region's code where the country's belongs.
        var problem = Refused(g => g["countryCode"] = "E12000005");

        Assert.Equal(
            new ReferenceDataProblem(
                "$.geography.countryCode",
                "'E12000005' is not a country's ONS code; write it like E92000001 (England)"),
            problem);
    }

    [Fact]
    public void Read_RegionCodeOfTheWrongShape_RefusedAtItsPath()
    {
        // England's code where the region's belongs.
        var problem = Refused(g => g["regionCode"] = "E92000001");

        Assert.Equal(
            new ReferenceDataProblem(
                "$.geography.regionCode",
                "'E92000001' is not an English region's ONS code; write it like E12000005 (West Midlands)"),
            problem);
    }

    [Fact]
    public void Read_OldLaCodeOfTheWrongShape_RefusedAtItsPath()
    {
        // Four digits: a leading zero too many.
        var problem = Refused(g => g["oldLaCode"] = "0860");

        Assert.Equal(
            new ReferenceDataProblem(
                "$.geography.oldLaCode",
                "'0860' is not a local authority's old code; write its three digits, like 860"),
            problem);
    }

    [Theory]
    // A ward's code, a district council's (E07: not a level the csv's figures are for) and the old code.
    [InlineData("E05000001")]
    [InlineData("E07000192")]
    [InlineData("860")]
    public void Read_NewLaCodeOfTheWrongShape_RefusedAtItsPath(string code)
    {
        var problem = Refused(g => g["newLaCode"] = code);

        Assert.Equal(
            new ReferenceDataProblem(
                "$.geography.newLaCode",
                $"'{code}' is not a local authority's ONS code (E06, E08, E09 or E10 and six digits); " +
                "write it like E10000028"),
            problem);
    }

    [Fact]
    public void Read_GeographyWithoutItsLaName_RefusedAtThePathOfTheMissingField()
    {
        var problem = Refused(g => g.Remove("laName"));

        Assert.Equal(new ReferenceDataProblem("$.geography.laName", "required"), problem);
    }

    [Fact]
    public void Read_EmptyRegionName_RefusedAtItsPath()
    {
        var problem = Refused(g => g["regionName"] = " ");

        Assert.Equal(
            new ReferenceDataProblem("$.geography.regionName", "expected non-empty text, found \" \""),
            problem);
    }

    private static ReferenceDataProblem Refused(Action<JsonObject> change)
    {
        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse(Sample(change)));
        return Assert.Single(error.Problems);
    }

    private static string Sample(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(Samples.PartnershipPath))!;
        change(root["geography"]!.AsObject());
        return root.ToJsonString();
    }
}
