using System.Text.Json.Nodes;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Tests.Catalogue;

/// <summary>Comparators in partnership.json: read from the sample, and a bad entry refused at its JSON path.</summary>
public sealed class ComparatorsReaderTests
{
    [Fact]
    public void Read_Sample_CarriesEachComparatorWithItsSourceAndYear()
    {
        var partnership = Samples.Partnership;

        var ch01 = partnership.FindComparators("CH01", FinancialYear.Parse("2026-27"));

        // As written in samples/partnership.json: set beside 2026-27, published for 2025-26.
        Assert.NotNull(ch01);
        Assert.Equal((42.0, "2025-26"), (ch01.England!.Value, ch01.England.Year.ToString()));
        Assert.Equal(("West Midlands", 45.0), (ch01.Region!.Name, ch01.Region.Value));
        Assert.Equal(40.5, ch01.StatisticalNeighbours!.Value);
        Assert.Equal((33.0, 40.0, 48.0), (ch01.Quartiles!.Lower, ch01.Quartiles.Median, ch01.Quartiles.Upper));
        Assert.StartsWith("Illustrative", ch01.England.Source, StringComparison.Ordinal);
        // CH39 gives no quartiles, and no indicator has comparators for a year the file does not list.
        Assert.Null(partnership.FindComparators("CH39", FinancialYear.Parse("2026-27"))!.Quartiles);
        Assert.Null(partnership.FindComparators("CH01", FinancialYear.Parse("2024-25")));
        Assert.Null(partnership.FindComparators("NEG02", FinancialYear.Parse("2026-27")));
    }

    [Fact]
    public void Read_QuartilesThatFall_RefusedAtTheirPath()
    {
        var json = Sample(comparators => comparators[0]!["quartiles"]!["median"] = 50);

        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.comparators[0].quartiles", problem.Path);
        Assert.StartsWith("lower 34, median 50, upper 49 do not rise", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ComparatorForACount_RefusedAtItsIndicator()
    {
        var json = Sample(comparators => comparators[1]!["indicator"] = "CSC-REF");

        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.comparators[1].indicator", problem.Path);
        Assert.StartsWith("CSC-REF is a count", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ComparatorWithoutASource_RefusedAtItsPath()
    {
        var json = Sample(comparators => comparators[2]!["england"]!.AsObject().Remove("source"));

        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse(json));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(new ReferenceDataProblem("$.comparators[2].england.source", "required"), problem);
    }

    [Fact]
    public void Read_PercentageOverAHundredAndAnUnknownIndicator_BothRefusedAtTheirPaths()
    {
        var json = Sample(comparators =>
        {
            // comparators[2] is NI 65's, a percentage.
            comparators[2]!["england"]!["value"] = 120;
            comparators[3]!["indicator"] = "NOPE";
        });

        var error = Assert.Throws<ReferenceDataException>(() => PartnershipReader.Parse(json));

        Assert.Contains(
            new ReferenceDataProblem("$.comparators[2].england.value", "120 is over 100, and NI 65 is a percentage"),
            error.Problems);
        Assert.Contains(
            new ReferenceDataProblem("$.comparators[3].indicator", "'NOPE' is not one of the indicators"),
            error.Problems);
    }

    private static string Sample(Action<JsonArray> change)
    {
        var root = JsonNode.Parse(File.ReadAllText(Samples.PartnershipPath))!;
        change(root["comparators"]!.AsArray());
        return root.ToJsonString();
    }
}
