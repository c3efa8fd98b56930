using System.Text;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;
using Sylvan.Data.Csv;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>
/// The time and geography columns explore education statistics reads first in every row of observations.csv,
/// read back from the compiled sample with a csv reader: in the service's order and words, with the reference
/// data's geography, or empty codes where the reference data gives none.
/// </summary>
public sealed class CsvObservationalUnitTests
{
    // Written out from the service's guidance for a local authority's figures, not taken from the code.
    private static readonly string[] s_observationalUnits =
    [
        "time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code",
        "region_name", "old_la_code", "new_la_code", "la_name",
    ];

    private static readonly Lazy<(string[] Header, List<string[]> Rows)> s_sample = new(() =>
        Read(Render(Samples.Partnership)));

    [Fact]
    public void Render_Sample_HeaderIsTheTimeAndGeographyThenTheFiltersAndIndicators()
    {
        var (header, _) = s_sample.Value;

        Assert.Equal(
            [
                .. s_observationalUnits,
                "period", "period_start", "period_end", "indicator", "indicator_title", "unit", "polarity", "agency",
                "agency_name", "locality", "locality_name", "numerator", "denominator", "value", "suppressed",
                "complete", "missing_returns", "release", "status", "revised", "compares_with_last_year",
                "comparator_england", "comparator_region", "comparator_statistical_neighbours",
            ],
            header);
    }

    [Fact]
    public void Render_Sample_FirstRowOf202627Q2IsThatQuarterInStaffordshire()
    {
        var (header, rows) = s_sample.Value;
        var period = Array.IndexOf(header, "period");

        var first = rows.First(r => r[period] == "2026-27 Q2");

        // 2026-27 is written 202627; its second quarter (July to September) is "Financial year Q2"; the codes
        // are Staffordshire County Council's as samples/partnership.json gives them.
        Assert.Equal(
            [
                "202627", "Financial year Q2", "Local authority", "E92000001", "England", "E12000005",
                "West Midlands", "860", "E10000028", "Staffordshire",
            ],
            first[..s_observationalUnits.Length]);
    }

    [Fact]
    public void Render_Sample_RowsOf202526Q4AreTheFourthQuarterOf202526()
    {
        var (header, rows) = s_sample.Value;
        var period = Array.IndexOf(header, "period");

        var q4 = rows.Where(r => r[period] == "2025-26 Q4").ToList();

        // January to March 2026 is the last quarter of the financial year that began in April 2025.
        Assert.NotEmpty(q4);
        Assert.All(q4, r => Assert.Equal(("202526", "Financial year Q4"), (r[0], r[1])));
    }

    [Fact]
    public void Render_Sample_EveryRowHasEveryColumnAndOneTimeAndPlace()
    {
        var (header, rows) = s_sample.Value;

        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        // Eight quarters over three financial years: 2024-25 Q3 to 2026-27 Q2.
        Assert.Equal(["202425", "202526", "202627"], rows.Select(r => r[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(
            [
                "Local authority", "E92000001", "England", "E12000005", "West Midlands", "860", "E10000028",
                "Staffordshire",
            ],
            r[2..s_observationalUnits.Length]));
    }

    [Fact]
    public void Render_PartnershipWithoutGeography_KeepsTheColumnsWithEmptyCodesAndNames()
    {
        var partnership = PartnershipReader.Read(new MemoryStream(Samples.PartnershipWithoutGeography()));

        var (header, rows) = Read(Render(partnership));

        Assert.Equal(s_observationalUnits, header[..s_observationalUnits.Length]);
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        Assert.All(rows, r => Assert.Equal("Local authority", r[2]));
        Assert.All(rows, r => Assert.All(r[3..s_observationalUnits.Length], Assert.Empty));
        Assert.Contains(rows, r => (r[0], r[1]) == ("202627", "Financial year Q2"));
    }

    [Theory]
    // The first calendar year in full and the second's last two digits, the century's turn included.
    [InlineData("2025-26", "202526")]
    [InlineData("2026-27", "202627")]
    [InlineData("1999-00", "199900")]
    public void TimePeriod_FinancialYear_IsItsTwoCalendarYearsInSixDigits(string year, string expected)
    {
        Assert.Equal(expected, ObservationalUnits.TimePeriod(FinancialYear.Parse(year)));
    }

    [Theory]
    [InlineData("2025-26 Q1", "Financial year Q1")]
    [InlineData("2025-26 Q4", "Financial year Q4")]
    public void TimeIdentifier_Quarter_IsTheServicesWordsForIt(string quarter, string expected)
    {
        Assert.Equal(expected, ObservationalUnits.TimeIdentifier(ReportingPeriod.Parse(quarter)));
    }

    private static byte[] Render(Partnership partnership)
    {
        var report = SampleReport.Report;
        return CsvReport.Render(report, partnership, DisclosurePlan.For(report, new PublicationOptions()));
    }

    private static (string[] Header, List<string[]> Rows) Read(byte[] file)
    {
        using var reader = CsvDataReader.Create(new StringReader(Encoding.UTF8.GetString(file).TrimStart('\uFEFF')));
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            // RowFieldCount is what the row holds, however many fields the header names.
            rows.Add(Enumerable.Range(0, reader.RowFieldCount).Select(reader.GetString).ToArray());
        }

        return (header, rows);
    }
}
