using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Reports;
using Sylvan.Data.Csv;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>
/// observations.meta.csv read against observations.csv, both with a csv reader: every filter and indicator column
/// is described in the explore education statistics form, and every figure is written to the decimal places its
/// column says.
/// </summary>
public sealed class CsvMetadataTests
{
    private static readonly Lazy<(List<Dictionary<string, string>> Meta, List<Dictionary<string, string>> Rows,
        string[] Columns)> s_files = new(() =>
        {
            var (meta, rows, columns) = Files(SampleReport.Report);
            return (meta, rows, columns);
        });

    private static readonly string[] s_indicators =
    [
        "numerator", "denominator", "value", "comparator_england", "comparator_region",
        "comparator_statistical_neighbours",
    ];

    [Fact]
    public void Render_SampleCsv_DescribesEveryFilterAndIndicatorInOrderWithTypeAndLabel()
    {
        var (meta, _, columns) = s_files.Value;

        // The service's metadata lists filters and indicators only: the ten time and geography columns that open
        // each row are known to it by name, and are not described.
        string[] observationalUnits =
        [
            "time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code",
            "region_name", "old_la_code", "new_la_code", "la_name",
        ];
        Assert.Equal(observationalUnits, columns[..observationalUnits.Length]);
        // Every indicator is listed, and every filter that picks something: one holding a single value in the
        // file is left out (it stays in the csv). In the sample every figure is shown, complete and first
        // published in release 1, published.
        Assert.Equal(
            columns[observationalUnits.Length..].Except(
                ["suppressed", "complete", "missing_returns", "release", "status", "revised"]),
            meta.Select(m => m["col_name"]));
        Assert.DoesNotContain(meta, m => observationalUnits.Contains(m["col_name"]));
        Assert.All(meta, m => Assert.Contains(m["col_type"], new[] { "Filter", "Indicator" }));
        Assert.All(meta, m => Assert.NotEqual(string.Empty, m["label"]));
        // The three figures are indicators; everything else picks rows.
        Assert.Equal(s_indicators, meta.Where(m => m["col_type"] == "Indicator").Select(m => m["col_name"]));
        Assert.All(meta.Where(m => m["col_type"] == "Filter"), m => Assert.NotEqual(string.Empty, m["filter_hint"]));
    }

    [Fact]
    public void Render_SampleCsv_EveryFigureHasItsColumnsDecimalPlacesOrAGssSymbol()
    {
        var (meta, rows, _) = s_files.Value;
        var withPlaces = meta.Where(m => m["indicator_dp"].Length > 0).ToList();

        Assert.Equal(
            ["denominator", "value", "comparator_england", "comparator_region", "comparator_statistical_neighbours"],
            withPlaces.Select(m => m["col_name"]));
        foreach (var column in withPlaces)
        {
            var places = int.Parse(column["indicator_dp"], CultureInfo.InvariantCulture);
            var shape = new Regex(places == 0 ? @"^-?\d+$" : $@"^-?\d+\.\d{{{places}}}$");
            var name = column["col_name"];
            Assert.All(rows, r => Assert.True(
                r[name] is "c" or "x" or "z" || shape.IsMatch(r[name]),
                $"{name} '{r[name]}' in {r["period"]} {r["indicator"]} {r["agency"]} {r["locality"]}"));
        }

        Assert.Contains(rows, r => r["unit"] == "Count" && r["denominator"] == "z");
    }

    [Fact]
    public void Render_SampleCsv_PercentageValueIsHundredTimesNumeratorOverDenominatorToOnePlace()
    {
        var (_, rows, _) = s_files.Value;
        var percentages = rows.Where(r => r["unit"] == "Percentage" && r["value"] is not ("c" or "z")).ToList();

        Assert.NotEmpty(percentages);
        foreach (var r in percentages)
        {
            // Worked from the row's own numerator and denominator, not from the compiled value.
            var n = double.Parse(r["numerator"], CultureInfo.InvariantCulture);
            var d = double.Parse(r["denominator"], CultureInfo.InvariantCulture);
            var shown = double.Parse(r["value"], CultureInfo.InvariantCulture);
            Assert.InRange(Math.Abs((100 * n / d) - shown), 0, 0.05 + 1e-9);
        }
    }

    [Fact]
    public void Render_SampleCsv_CarriesComparatorsForTheIndicatorAndYearAndXWhereNone()
    {
        var (_, rows, _) = s_files.Value;
        string[] comparators = ["comparator_england", "comparator_region", "comparator_statistical_neighbours"];

        // samples/partnership.json sets CH01's 2026-27 figures beside England 42.0, West Midlands 45.0 and
        // neighbours 40.5; its 2025-26 figures beside 45.0, 47.5 and 43.0; it gives nothing for 2024-25 or NEG02.
        var ch01 = rows.Where(r => r["indicator"] == "CH01").ToList();
        Assert.All(ch01.Where(r => r["period"].StartsWith("2026-27", StringComparison.Ordinal)),
            r => Assert.Equal(["42.0", "45.0", "40.5"], comparators.Select(c => r[c])));
        Assert.All(ch01.Where(r => r["period"].StartsWith("2025-26", StringComparison.Ordinal)),
            r => Assert.Equal(["45.0", "47.5", "43.0"], comparators.Select(c => r[c])));
        Assert.All(ch01.Where(r => r["period"].StartsWith("2024-25", StringComparison.Ordinal)),
            r => Assert.Equal(["x", "x", "x"], comparators.Select(c => r[c])));
        Assert.All(
            rows.Where(r => r["indicator"] == "NEG02"),
            r => Assert.Equal(["x", "x", "x"], comparators.Select(c => r[c])));
        Assert.Contains(ch01, r => r["period"] == "2026-27 Q2");
    }

    [Fact]
    public void Render_SampleWithAReturnMissing_ListsCompleteAndMissingReturnsTheCompleteSampleLeavesOut()
    {
        var (complete, _, _) = s_files.Value;
        var (incomplete, rows, _) = Files(SampleReport.WithoutEducation);

        // Education's latest return is missing, so the file's latest rows owed by it say false and EDU.
        Assert.Contains(
            rows,
            r => r["complete"] == "false" && r["missing_returns"].Contains("EDU", StringComparison.Ordinal));
        Assert.DoesNotContain(complete, m => m["col_name"] is "complete" or "missing_returns");
        var listed = incomplete.Where(m => m["col_name"] is "complete" or "missing_returns").ToList();
        Assert.Equal(["complete", "missing_returns"], listed.Select(m => m["col_name"]));
        Assert.All(listed, m => Assert.Equal("Filter", m["col_type"]));
        Assert.Contains("none where every owed return is in", listed[1]["filter_hint"], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SampleCsv_NoFilterIsBlankAndCompleteRowsSayNoneMissing()
    {
        foreach (var report in new[] { SampleReport.Report, SampleReport.WithoutEducation })
        {
            var (_, rows, columns) = Files(report);
            var filters = columns.Skip(10).Except(s_indicators).ToList();

            Assert.All(rows, r => Assert.All(filters, f => Assert.NotEqual(string.Empty, r[f])));
            Assert.All(rows.Where(r => r["complete"] == "true"), r => Assert.Equal("none", r["missing_returns"]));
        }
    }

    [Fact]
    public void Render_HandMadeTable_LeavesOutAFilterOfOneValueAndListsItOnceItHasTwo()
    {
        string[] columns = ["time_period", "time_identifier", "agency", "status", "value"];
        IReadOnlyList<string>[] rows =
        [
            ["202526", "Financial year Q1", "POL", "published", "1.0"],
            ["202526", "Financial year Q1", "CSC", "published", "2.0"],
        ];

        var one = Read(CsvMetadata.Render(new CsvTable(columns, rows))).Rows;
        rows[1] = ["202526", "Financial year Q1", "CSC", "provisional", "2.0"];
        var two = Read(CsvMetadata.Render(new CsvTable(columns, rows))).Rows;

        // The time columns are never listed; value is an indicator, listed whatever it holds.
        Assert.Equal(["agency", "value"], one.Select(m => m["col_name"]));
        Assert.Equal(["agency", "status", "value"], two.Select(m => m["col_name"]));
    }

    [Fact]
    public void Rounded_LongFraction_WritesTheUnitsDecimalPlaces()
    {
        // The issue's figure: 6.1479591836734695 to one place is 6.1; a count of 3,592 to none is 3592.
        Assert.Equal("6.1", CsvReport.Rounded(6.1479591836734695, 1));
        Assert.Equal("3592", CsvReport.Rounded(3592, 0));
        Assert.Equal("14.8", CsvReport.Rounded(14.75000001, 1));
    }

    private static (List<Dictionary<string, string>> Meta, List<Dictionary<string, string>> Rows, string[] Columns)
        Files(ConsolidatedReturn report)
    {
        var plan = DisclosurePlan.For(report, new PublicationOptions());
        var files = ReportSet.Render(report, Samples.Partnership, plan);
        var (metaColumns, meta) = Read(files.Single(f => f.Name == CsvMetadata.FileName).Content);
        var (columns, rows) = Read(files.Single(f => f.Name == CsvReport.FileName).Content);
        Assert.Equal(CsvMetadata.Header, metaColumns);
        return (meta, rows, columns);
    }

    private static (string[] Columns, List<Dictionary<string, string>> Rows) Read(byte[] file)
    {
        using var reader = CsvDataReader.Create(new StringReader(Encoding.UTF8.GetString(file).TrimStart('\uFEFF')));
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(columns.Select((c, i) => (Name: c, Text: reader.GetString(i)))
                .ToDictionary(p => p.Name, p => p.Text, StringComparer.Ordinal));
        }

        return (columns, rows);
    }
}
