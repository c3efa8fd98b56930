namespace SafeguardingIngest.Tests.Support;

/// <summary>
/// The screener check on small hand-made files: a pair that keeps every rule passes, and a pair broken in one
/// place fails with that rule named, so each rule is shown to catch what it is for.
/// </summary>
public sealed class EesScreenerTests
{
    private const string Place =
        "Local authority,E92000001,England,E12000005,West Midlands,860,E10000028,Staffordshire";

    // Three figures: two quarters of POL's, one of CSC's. status has one value, so the metadata leaves it out.
    private static readonly string s_csv = string.Join(
        "\r\n",
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name," +
        "old_la_code,new_la_code,la_name,agency,status,value",
        $"202526,Financial year Q1,{Place},POL,published,12",
        $"202526,Financial year Q2,{Place},POL,published,c",
        $"202526,Financial year Q1,{Place},CSC,published,3.5",
        string.Empty);

    private static readonly string s_meta = string.Join(
        "\r\n",
        "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column",
        "agency,Filter,Agency,,,,The agency that returned the figure,",
        "value,Indicator,Value,Figures,,1,,",
        string.Empty);

    [Fact]
    public void Check_PairKeepingEveryRule_FindsNothing()
    {
        Assert.Empty(EesScreener.Check(s_csv, s_meta));
    }

    [Fact]
    public void Check_CalendarYearOfFourDigits_FindsNothing()
    {
        var csv = s_csv
            .Replace("202526,Financial year Q1", "2025,Calendar year Q1", StringComparison.Ordinal)
            .Replace("202526,Financial year Q2", "2025,Calendar year Q2", StringComparison.Ordinal);

        Assert.Empty(EesScreener.Check(csv, s_meta));
    }

    [Theory]
    [InlineData("country_name,", "country,", "", "", "compulsory column country_name is missing")]
    [InlineData("E92000001,England,E12000005,West Midlands,860,E10000028,Staffordshire,CSC",
        ",England,E12000005,West Midlands,860,E10000028,Staffordshire,CSC", "", "",
        "compulsory column country_code is blank (row 3)")]
    [InlineData("Staffordshire,CSC", ",CSC", "", "", "la_name is blank on a Local authority row (row 3)")]
    [InlineData(",la_name,", ",la,", "", "", "la_name, compulsory at the Local authority level, is missing")]
    [InlineData("202526,Financial year Q2", "202527,Financial year Q2", "", "",
        "time_period 202527 is not six digits of two consecutive years")]
    [InlineData("202526,Financial year Q2", "2025,Financial year Q2", "", "",
        "time_period 2025 is not six digits of two consecutive years")]
    [InlineData("202526,Financial year Q2", "202526,Calendar year Q2", "", "",
        "time_period 202526 is not a year's four digits")]
    [InlineData("Financial year Q2", "Financial quarter 2", "", "",
        "time_identifier 'Financial quarter 2' is not one the service knows (row 2)")]
    [InlineData("Q2,Local authority", "Q2,Locality", "", "", "geographic_level 'Locality' is not one")]
    [InlineData("Staffordshire,CSC", "Total,CSC", "", "", "the observational unit la_name holds 'Total' (row 3)")]
    [InlineData("E92000001,England", "E92000001,all", "", "", "the observational unit country_name holds 'all'")]
    [InlineData("", "", "value,Indicator", "ward,Filter,Ward,,,,A ward,\r\nvalue,Indicator",
        "col_name ward is not a column of the csv")]
    [InlineData("agency,", "agency code,", "agency,Filter", "agency code,Filter", "col_name 'agency code' has a space")]
    [InlineData("agency,", "agencyCode,", "agency,Filter", "agencyCode,Filter",
        "col_name 'agencyCode' is not snake_case")]
    [InlineData("", "", "value,Indicator", "la_name,Filter,LA,,,,The area,\r\nvalue,Indicator",
        "la_name is an observational unit")]
    [InlineData("", "", "agency,Filter", "agency,Dimension", "col_type 'Dimension' is neither Filter nor Indicator")]
    [InlineData("", "", "Filter,Agency,", "Filter,,", "agency has no label")]
    [InlineData("", "", "Indicator,Value,", "Indicator,Agency,", "value's label 'Agency' is another column's too")]
    [InlineData("", "", "Filter,Agency,,,", "Filter,Agency,Figures,,", "filter agency has an indicator_grouping")]
    [InlineData("", "", "Filter,Agency,,,,", "Filter,Agency,,%,,", "filter agency has an indicator_unit")]
    [InlineData("", "", "Filter,Agency,,,,", "Filter,Agency,,,0,", "filter agency has an indicator_dp")]
    [InlineData("", "", "Figures,,1,", "Figures,,1.5,", "indicator value's indicator_dp '1.5' is not a whole number")]
    [InlineData("", "", "Figures,,1,", "Figures,,-1,", "indicator value's indicator_dp '-1' is not a whole number")]
    [InlineData("", "", "Figures,,1,", "Figures,days,1,", "indicator value's unit 'days' is not one")]
    [InlineData("", "", "Figures,,1,,", "Figures,,1,Figures,", "indicator value has a filter_hint")]
    [InlineData("", "", "agency,Filter,Agency,,,,The agency that returned the figure,\r\n", "",
        "the column agency holds 2 values but is not in the metadata")]
    [InlineData("", "", "value,Indicator", "status,Filter,Status,,,,published,\r\nvalue,Indicator",
        "the filter status has one value in the csv, so must be left out")]
    [InlineData("CSC,published", ",published", "", "", "the filter agency is blank (row 3)")]
    [InlineData("CSC,published", "CSC ,published", "", "", "agency's value 'CSC ' has a space at its start or end")]
    [InlineData("CSC,published,3.5", "CSC,published,", "", "", "the indicator value is blank (row 3)")]
    [InlineData("POL,published,c", "POL,published,:", "", "", "the indicator value holds the legacy symbol ':'")]
    [InlineData("POL,published,c", "POL,published,..", "", "", "the indicator value holds the legacy symbol '..'")]
    [InlineData("POL,published,c", "POL,published,n/a", "", "", "value's 'n/a' is neither a number nor a symbol")]
    [InlineData("202526,Financial year Q2", "202526,Financial year Q1", "", "",
        "a row repeats row 1's observational units and filters (row 2)")]
    public void Check_PairBreakingOneRule_NamesThatRule(
        string csvWas,
        string csvNow,
        string metaWas,
        string metaNow,
        string expected)
    {
        var csv = csvWas.Length == 0 ? s_csv : s_csv.Replace(csvWas, csvNow, StringComparison.Ordinal);
        var meta = metaWas.Length == 0 ? s_meta : s_meta.Replace(metaWas, metaNow, StringComparison.Ordinal);
        Assert.True(csv != s_csv || meta != s_meta, "the case changes neither file");

        var failures = EesScreener.Check(csv, meta);

        Assert.True(
            failures.Any(f => f.Contains(expected, StringComparison.Ordinal)),
            $"expected '{expected}' among: {string.Join(" | ", failures)}");
    }

    [Fact]
    public void Check_MetadataLackingAColumn_SaysWhich()
    {
        var meta = s_meta.Replace(",filter_grouping_column", string.Empty, StringComparison.Ordinal);

        Assert.Contains("metadata: the column filter_grouping_column is missing", EesScreener.Check(s_csv, meta));
    }

    [Fact]
    public void Check_SameFailureOnManyRows_SaysItOnceWithTheRowsCounted()
    {
        var rows = Enumerable.Range(1, 8)
            .Select(a => $"202526,Financial year Q1,{Place},A{a},published,");
        var csv = string.Join("\r\n", [s_csv.Split("\r\n")[0], .. rows, string.Empty]);

        var failure = Assert.Single(EesScreener.Check(csv, s_meta));

        // Eight blank figures: the first five rows named, three more counted.
        Assert.Equal("csv: the indicator value is blank (rows 1, 2, 3, 4, 5 and 3 more)", failure);
    }
}
