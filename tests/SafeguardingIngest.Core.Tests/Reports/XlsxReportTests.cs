using System.Text;
using ExcelDataReader;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>The workbook re-read with ExcelDataReader, cell by cell, as another program would see it.</summary>
public class XlsxReportTests
{
    private static readonly Lazy<Dictionary<string, List<object?[]>>> s_sheets = new(
        () => Read(XlsxReport.Render(ReportFixture.Build())));

    [Fact]
    public void Render_HasTheNineSheetsInOrder() =>
        Assert.Equal(
            [
                "Summary", "Localities", "Agencies", "Submissions", "Actions", "Risks", "Commentary", "Data quality",
                "About",
            ],
            s_sheets.Value.Keys);

    [Fact]
    public void About_SaysTheWorkbookIsNotForPublication()
    {
        var about = s_sheets.Value["About"];

        Assert.Equal(
            ["Publication", ReportDisclosure.NotForPublication],
            about.Single(r => (string?)r[0] == "Publication"));
        Assert.Equal("Test partnership", about.Single(r => (string?)r[0] == "Partnership")[1]);
    }

    [Fact]
    public void Summary_PercentageRow_HoldsEachFigureInItsColumn()
    {
        var summary = s_sheets.Value["Summary"];
        Assert.Equal(["Code", "Indicator", "Unit", "Polarity", "This quarter"], summary[0].Take(5));

        // NI 65: (10 + 5) / (80 + 20) = 15.0% in Q2, and the same in Q1, so the year to date (a flow:
        // 30 / 200) is 15.0% too; baseline 14.7 (2009); target 13 for 2011-12; lower is better,
        // tolerance 10% of 13 = 1.3: 15.0 is 2.0 over, so Red.
        var row = summary.Single(r => (string?)r[0] == "NI 65");
        Assert.Equal("Second or subsequent CP plan", row[1]);
        Assert.Equal("%", row[2]);
        Assert.Equal("lower is better", row[3]);
        Assert.Equal(15.0, (double)row[4]!, 9);
        Assert.Equal(14.7, (double)row[11]!, 9);
        Assert.Equal("2009", row[12]);
        Assert.Equal(13.0, (double)row[13]!, 9);
        Assert.Equal("Red", row[15]);
    }

    [Fact]
    public void Summary_CumulativeCount_ShowsProRataTarget()
    {
        // CAF: target 1,200 for the year, at Q2 600; year to date 150 + 100 + 3 + 40 = 293: Red.
        var row = s_sheets.Value["Summary"].Single(r => (string?)r[0] == "CAF");

        Assert.Equal(43.0, (double)row[4]!, 9);
        Assert.Equal(293.0, (double)row[8]!, 9);
        Assert.Equal(1200.0, (double)row[13]!, 9);
        Assert.Equal(600.0, (double)row[14]!, 9);
        Assert.Equal("Red", row[15]);
    }

    [Fact]
    public void Localities_ListEveryLocalityOfLocalityIndicators_UnsuppressedForTheTeam()
    {
        var rows = s_sheets.Value["Localities"].Where(r => (string?)r[0] == "CAF").ToList();

        Assert.Equal(["North", "South"], rows.Select(r => (string?)r[2]));
        Assert.Equal([3.0, 40.0], rows.Select(r => (double)r[3]!));
    }

    [Fact]
    public void Submissions_ListEachAgencyState()
    {
        var rows = s_sheets.Value["Submissions"].Skip(1).ToList();

        Assert.Equal([("A", "on time"), ("B", "missing")], rows.Select(r => ((string?)r[0], (string?)r[2])));
    }

    [Fact]
    public void ActionsAndRisks_TextFromAgencies_CannotStartAFormula()
    {
        var action = s_sheets.Value["Actions"][1];
        var risk = s_sheets.Value["Risks"][1];

        Assert.Equal("Red", action[3]);
        Assert.Equal("'" + ReportFixture.Formula, action[4]);
        Assert.Equal(20.0, (double)risk[5]!, 9);
        Assert.Equal("'" + ReportFixture.Formula, risk[6]);
    }

    [Fact]
    public void Commentary_EachRowAgenciesWroteOn_IsKeptWithItsCell()
    {
        var rows = s_sheets.Value["Commentary"];

        // NI 65 this quarter: A's 10 of 80 (its cell named after the numerator, G10) and B's 5 of 20 (G5).
        Assert.Equal(["Period", "Agency", "Indicator", "Locality", "Where", "Commentary"], rows[0]);
        Assert.Equal(["2011-12 Q2", "A", "NI 65", "ALL", "Indicators!G10", "'" + ReportFixture.Formula], rows[1]);
        Assert.Equal(["2011-12 Q2", "B", "NI 65", "ALL", "Indicators!G5", ReportFixture.Script], rows[2]);
        Assert.Equal(3, rows.Count);
    }

    internal static Dictionary<string, List<object?[]>> Read(byte[] workbook)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(workbook));
        var sheets = new Dictionary<string, List<object?[]>>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray());
            }

            sheets[reader.Name] = rows;
        }
        while (reader.NextResult());
        return sheets;
    }
}
