using System.Text;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Tests.Compilation;

/// <summary>
/// Compiles of the three-year catalogue before, at and after CPP's series break (2026-27), across the
/// CCG's replacement by the ICB (2025-26 Q2), Eastfield's start (2025-26 Q3) and OLD giving way to NEW.
/// CPP, a stock count from CSC, is 40, 42, 44, 46 in 2024-25; 50, 52, 54, 56 in 2025-26; 30, 33 in
/// 2026-27 (counted the new way); 27 in 2027-28 Q1.
/// </summary>
public class CompileAcrossChangesTests
{
    private static readonly Partnership s_partnership = ThreeYearCatalogue.Partnership;

    private static ReportingPeriod Q(string text) => ReportingPeriod.Parse(text);

    private static readonly (string Quarter, double Value)[] s_cpp =
    [
        ("2024-25 Q1", 40), ("2024-25 Q2", 42), ("2024-25 Q3", 44), ("2024-25 Q4", 46),
        ("2025-26 Q1", 50), ("2025-26 Q2", 52), ("2025-26 Q3", 54), ("2025-26 Q4", 56),
        ("2026-27 Q1", 30), ("2026-27 Q2", 33), ("2027-28 Q1", 27),
    ];

    private static Observation Count(
        string quarter,
        string agency,
        string indicator,
        double value,
        string locality = Locality.WholeAreaCode) =>
        new(Q(quarter), agency, indicator, locality, value, null, value, IndicatorUnit.Count, null, "Indicators!G2");

    private static ConsolidatedReturn Compile(string quarter, params Observation[] extra)
    {
        var observations = s_cpp.Select(c => Count(c.Quarter, "CSC", "CPP", c.Value)).Concat(extra);
        var data = observations
            .GroupBy(o => o.Period)
            .ToDictionary(g => g.Key, g => new PeriodData(g.Key, g.ToList(), [], [], []));
        return Compiler.Compile(s_partnership, Q(quarter), data, [], DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Compile_QuarterBeforeTheBreak_ComparesAsUsual()
    {
        var cpp = Compile("2025-26 Q2").Indicator("CPP").Area;

        // 52 against 42 a year before: 100 × (52 − 42) / 42 = 23.81 %, shown +23.8%; higher is worse for CPP.
        Assert.Equal(42, cpp.SameQuarterLastYear);
        Assert.Equal(23.8, cpp.VariationOnLastYear!.Value, 9);
        Assert.Equal(50, cpp.Previous);
        Assert.Equal(Direction.Worsening, cpp.SinceLastYear);
        Assert.Equal(Direction.Worsening, cpp.SincePrevious);
        Assert.Null(cpp.NotComparableWithLastYear);
        Assert.Null(cpp.NotComparableWithPrevious);
    }

    [Fact]
    public void Compile_FirstQuarterOfTheBreak_ComparesWithNothingAndSaysWhy()
    {
        var result = Compile("2026-27 Q1").Indicator("CPP");
        var cpp = result.Area;

        // 30 stands alone: 2025-26 Q4 (56) and 2025-26 Q1 (50) were counted the old way.
        Assert.Equal(30, cpp.Value);
        Assert.Equal(30, cpp.YearToDate);
        Assert.Null(cpp.Previous);
        Assert.Null(cpp.SameQuarterLastYear);
        Assert.Null(cpp.VariationOnLastYear);
        Assert.Null(cpp.YearToDateLastYear);
        Assert.Null(cpp.YearToDateVariation);
        Assert.Null(cpp.SincePrevious);
        Assert.Null(cpp.SinceLastYear);
        Assert.Equal("not comparable: definition changed in 2026-27", cpp.NotComparableWithLastYear);
        Assert.Equal("not comparable: definition changed in 2026-27", cpp.NotComparableWithPrevious);
        // Eight quarters 2024-25 Q2 … 2026-27 Q1: the break falls before the last; one point is no line.
        Assert.Equal(7, result.SeriesBreakIndex);
        Assert.Null(result.Trend);
    }

    [Fact]
    public void Compile_SecondQuarterAfterTheBreak_ComparesWithinTheNewSeriesOnly()
    {
        var result = Compile("2026-27 Q2").Indicator("CPP");
        var cpp = result.Area;

        // 33 against 30 the quarter before (same definition): worse, since lower is better.
        Assert.Equal(30, cpp.Previous);
        Assert.Equal(Direction.Worsening, cpp.SincePrevious);
        Assert.Null(cpp.NotComparableWithPrevious);
        Assert.Null(cpp.SameQuarterLastYear);
        Assert.Equal("not comparable: definition changed in 2026-27", cpp.NotComparableWithLastYear);
        // Quarters 2024-25 Q3 … 2026-27 Q2: 2026-27 Q1 is index 6. The line runs through 30 and 33 alone.
        Assert.Equal(6, result.SeriesBreakIndex);
        Assert.Equal(2, result.Trend!.Points);
        Assert.Equal(3, result.Trend.Slope, 6);
        Assert.Equal([44, 46, 50, 52, 54, 56, 30, 33], result.Series.Select(v => v!.Value));
    }

    [Fact]
    public void Compile_YearAfterTheBreak_ComparesWithLastYearAgain()
    {
        var cpp = Compile("2027-28 Q1").Indicator("CPP").Area;

        // 27 against 30 (2026-27 Q1, the new definition): 100 × (27 − 30) / 30 = −10 %, better.
        Assert.Equal(30, cpp.SameQuarterLastYear);
        Assert.Equal(-10, cpp.VariationOnLastYear!.Value, 6);
        Assert.Equal(Direction.Improving, cpp.SinceLastYear);
        Assert.Null(cpp.NotComparableWithLastYear);
    }

    [Theory]
    [InlineData("2025-26 Q4", "REF,OLD,CPP,HEA")]
    [InlineData("2026-27 Q1", "REF,NEW,CPP,HEA")]
    public void Compile_IndicatorOutsideItsDates_IsNotOnThatQuartersPage(string quarter, string codes)
    {
        Assert.Equal(codes, string.Join(",", Compile(quarter).Indicators.Select(i => i.Indicator.Code)));
    }

    [Theory]
    [InlineData("2025-26 Q2", "NTH,STH")]
    [InlineData("2025-26 Q3", "NTH,STH,EFD")]
    public void Compile_LocalityStartingMidSeries_IsShownOnlyWhereItExists(string quarter, string localities)
    {
        var report = Compile(quarter, Count(quarter, "CSC", "REF", 10, "NTH"), Count(quarter, "CSC", "REF", 12, "STH"));

        Assert.Equal(localities, string.Join(",", report.Indicator("REF").Localities.Select(l => l.Code)));
    }

    [Fact]
    public void Compile_AgencyReplacedAtQ2_CountsEachQuarterAgainstWhoOwedThen()
    {
        // HEA: POL and the CCG returned for 2025-26 Q1; POL and the ICB for Q2. Each quarter is complete.
        var report = Compile("2025-26 Q2",
            Count("2025-26 Q1", "POL", "HEA", 10), Count("2025-26 Q1", "CCG", "HEA", 20),
            Count("2025-26 Q2", "POL", "HEA", 11), Count("2025-26 Q2", "ICB", "HEA", 25));
        var hea = report.Indicator("HEA");

        Assert.True(hea.Area.Coverage.IsComplete);
        Assert.True(hea.Area.PreviousCoverage.IsComplete);
        // 10 + 20 = 30 in Q1, 11 + 25 = 36 in Q2.
        Assert.Equal(30, hea.Area.Previous);
        Assert.Equal(36, hea.Area.Value);
        Assert.Equal("POL,ICB", string.Join(",", hea.Agencies.Select(a => a.Code)));
    }

    [Fact]
    public void Render_QuarterAfterTheBreak_SaysNotComparableAndMarksTheCsvZ()
    {
        var report = Compile("2026-27 Q2");
        var plan = DisclosurePlan.For(report, new PublicationOptions());

        var html = Encoding.UTF8.GetString(HtmlReport.Render(report, plan));
        var csv = Encoding.UTF8.GetString(CsvReport.Render(report, s_partnership, plan)).Split("\r\n");

        Assert.Contains("not comparable: definition changed in 2026-27", html, StringComparison.Ordinal);
        Assert.Contains("class=\"break\"", html, StringComparison.Ordinal);
        Assert.Contains("Counted at quarter end from 2026-27", html, StringComparison.Ordinal);
        var header = csv[0].TrimStart('\uFEFF').Split(',');
        var column = Array.IndexOf(header, "compares_with_last_year");
        var (period, indicator) = (Array.IndexOf(header, "period"), Array.IndexOf(header, "indicator"));
        var rows = csv.Skip(1).Where(r => r.Length > 0).Select(r => r.Split(',')).ToList();
        // CPP's 2026-27 rows cannot be set beside 2025-26; its 2025-26 rows can be beside 2024-25.
        Assert.All(
            rows.Where(r => r[period] == "2026-27 Q2" && r[indicator] == "CPP"),
            r => Assert.Equal("z", r[column]));
        Assert.All(
            rows.Where(r => r[period] == "2025-26 Q2" && r[indicator] == "CPP"),
            r => Assert.Equal("true", r[column]));
        Assert.Contains(rows, r => r[period] == "2026-27 Q2" && r[indicator] == "CPP");
    }

    [Fact]
    public void Render_QuarterAfterTheBreak_JsonAndWorkbookSayNotComparable()
    {
        var report = Compile("2026-27 Q2");

        var json = Encoding.UTF8.GetString(JsonReport.Render(report));
        using var workbook = new System.IO.Compression.ZipArchive(new MemoryStream(XlsxReport.Render(report)));
        var sheets = string.Concat(workbook.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));

        Assert.Contains(
            "\"notComparableWithLastYear\": \"not comparable: definition changed in 2026-27\"",
            json,
            StringComparison.Ordinal);
        Assert.Contains("not comparable: definition changed in 2026-27", sheets, StringComparison.Ordinal);
    }
}
