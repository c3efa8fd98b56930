namespace SafeguardingIngest.Tests;

/// <summary>
/// README's scale figures are a benchmark's as recorded: each row of its table under "Scale" is a row, word for word,
/// of a table of one of docs/benchmarks.md's disclosure runs (one dated section), where the run's commit and the
/// machine's load are given.
/// </summary>
public class ReadmeScaleTests
{
    [Fact]
    public void Readme_ScaleFigures_AreRowsOfARecordedDisclosureRun()
    {
        var root = AzuriteServer.RepositoryRoot();
        var readme = Section(File.ReadAllLines(Path.Combine(root, "README.md")), "## Scale");
        var disclosure = Section(File.ReadAllLines(Path.Combine(root, "docs", "benchmarks.md")), "## Disclosure");
        var runs = disclosure.Where(line => Level(line) == 3)
            .Select(heading => Section([.. disclosure], heading).Where(IsRow).ToHashSet(StringComparer.Ordinal))
            .ToList();

        var rows = readme.Where(IsRow).Skip(2).ToList();

        Assert.True(rows.Count >= 4, $"README's scale table has {rows.Count} rows of figures");
        Assert.Contains(runs, run => rows.All(run.Contains));
        Assert.Contains(readme, line => line.Contains("docs/benchmarks.md#disclosure", StringComparison.Ordinal));
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
