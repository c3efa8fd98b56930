namespace SafeguardingIngest.Tests;

/// <summary>
/// README's scale figures are a benchmark's as recorded: the rows of each of its tables under "Scale" are, word for
/// word, rows of one table of docs/benchmarks.md's runs of that benchmark, where the run's commit and the machine's
/// load are given.
/// </summary>
public class ReadmeScaleTests
{
    [Theory]
    [InlineData("### The disclosure plan", "## Disclosure", 4)]
    [InlineData("### A compile's memory", "## Compile", 2)]
    public void Readme_ScaleFigures_AreRowsOfOneRecordedTable(string heading, string benchmark, int least)
    {
        var readme = Section(Lines("README.md"), heading);
        var tables = Tables(Section(Lines("docs", "benchmarks.md"), benchmark));

        var rows = readme.Where(IsRow).Skip(2).ToList();

        Assert.True(rows.Count >= least, $"README's table under {heading} has {rows.Count} rows of figures");
        Assert.Contains(tables, table => rows.All(table.Contains));
        var anchor = $"docs/benchmarks.md#{benchmark[3..].ToLowerInvariant()}";
        Assert.Contains(readme, line => line.Contains(anchor, StringComparison.Ordinal));
    }

    [Fact]
    public void Readme_CompileMemoryRatio_IsTheRecordedRunsAndItsRowsPeaks()
    {
        var readme = Section(Lines("README.md"), "### A compile's memory");
        var compile = Section(Lines("docs", "benchmarks.md"), "## Compile");
        const string Printed = "`peak working set at 180,000 / 720,000 observations: ";

        var said = Assert.Single(readme, line => line.StartsWith(Printed, StringComparison.Ordinal));
        var peaks = readme.Where(IsRow).Skip(2).Select(row => double.Parse(
            row.Split('|')[4].Trim().Replace(" MB", string.Empty, StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var ratio = Math.Round(peaks[1] / peaks[0], 2);

        // The line the benchmark printed, as docs/benchmarks.md records it, and the ratio of README's rows' peaks.
        Assert.Contains(said, compile);
        Assert.StartsWith(
            string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{Printed}{peaks[0]:0} / {peaks[1]:0} MB, ratio {ratio:0.00} "),
            said,
            StringComparison.Ordinal);
        Assert.InRange(ratio, 0, 1.25);
        Assert.InRange(peaks[1], 0, 512);
    }

    private static string[] Lines(params string[] path) =>
        File.ReadAllLines(Path.Combine([AzuriteServer.RepositoryRoot(), .. path]));

    /// <summary>Each table of <paramref name="lines"/>: a run of consecutive rows.</summary>
    private static List<HashSet<string>> Tables(List<string> lines)
    {
        var tables = new List<HashSet<string>>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (IsRow(lines[i]) && (i == 0 || !IsRow(lines[i - 1])))
            {
                tables.Add([.. lines.Skip(i).TakeWhile(IsRow)]);
            }
        }

        return tables;
    }

    /// <summary>The lines under <paramref name="heading"/>, to the next heading of its level or higher.</summary>
    private static List<string> Section(string[] lines, string heading)
    {
        var level = Level(heading);
        var start = Array.IndexOf(lines, heading);
        Assert.True(start >= 0, $"no heading {heading}");
        return [.. lines.Skip(start + 1).TakeWhile(line => Level(line) is 0 || Level(line) > level)];
    }

    /// <summary>A heading's level (its count of #), or 0 for a line that is not a heading.</summary>
    private static int Level(string line)
    {
        var marks = line.TakeWhile(c => c == '#').Count();
        return marks > 0 && line.Length > marks && line[marks] == ' ' ? marks : 0;
    }

    private static bool IsRow(string line) => line.StartsWith('|');
}
