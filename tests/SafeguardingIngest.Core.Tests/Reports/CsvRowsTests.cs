using System.Text;
using SafeguardingIngest.Reports;
using Sylvan.Data.Csv;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>The csv every published and internal table is written as: RFC 4180 through Sylvan's writer.</summary>
public sealed class CsvRowsTests
{
    private static readonly string[] s_columns = ["code", "text"];

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Northfield, east", "\"Northfield, east\"")]
    [InlineData("the \"front door\" team", "\"the \"\"front door\"\" team\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData("# not a comment", "\"# not a comment\"")]
    [InlineData("", "")]
    [InlineData("naïve – £5", "naïve – £5")]
    public void A_field_is_quoted_only_where_it_must_be(string field, string written)
    {
        var csv = Write([["x", field]]);

        Assert.Equal($"code,text\r\nx,{written}\r\n", csv);
    }

    [Fact]
    public void Every_line_ends_with_a_carriage_return_and_line_feed()
    {
        var csv = Write([["a", "1"], ["b", "2"]]);

        Assert.Equal("code,text\r\na,1\r\nb,2\r\n", csv);
    }

    [Fact]
    public void A_csv_reader_gives_back_every_field_as_written()
    {
        IReadOnlyList<string>[] rows =
        [
            ["NI 32", "Down from 20, \"as expected\"\r\nafter two moves"],
            ["CH01", "# five"],
            ["", "=SUM(A1)"],
        ];

        using var reader = CsvDataReader.Create(new StringReader(Write(rows)));
        var read = new List<string[]>();
        while (reader.Read())
        {
            read.Add([reader.GetString(0), reader.GetString(1)]);
        }

        Assert.Equal(rows.Select(r => r.ToArray()), read);
    }

    [Fact]
    public void A_row_without_a_field_for_every_column_is_refused_by_name()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Write([["only one"]]));

        Assert.Equal("A csv row has 1 fields under 2 columns: every row has one per column.", refused.Message);
    }

    [Fact]
    public async Task Writing_as_the_rows_come_gives_the_same_text_as_writing_them_all()
    {
        IReadOnlyList<string>[] rows = [["a", "one, two"], ["b", "\"three\""], ["c", string.Empty]];
        static IEnumerable<IReadOnlyList<string>> OneByOne(IReadOnlyList<string>[] rows)
        {
            foreach (var row in rows)
            {
                yield return row;
            }
        }

        var text = new StringWriter();
        await CsvRows.WriteAsync(text, s_columns, OneByOne(rows), CancellationToken.None);

        Assert.Equal(Write(rows), text.ToString());
    }

    [Fact]
    public void A_table_is_written_as_UTF8_with_a_byte_order_mark_so_Excel_reads_it_right()
    {
        var bytes = new CsvTable(s_columns, [["x", "£"]]).Write();

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes.Take(3));
        Assert.Equal("code,text\r\nx,£\r\n", Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }

    private static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringWriter();
        CsvRows.Write(text, s_columns, rows);
        return text.ToString();
    }
}
