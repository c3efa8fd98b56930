namespace SafeguardingIngest.Cli.Tests;

/// <summary>
/// Every example under "Examples" in docs/validation-rules.md, run through `sgi validate`: the doc is
/// the oracle, so an example whose message the validator no longer gives fails here.
/// </summary>
public sealed class ValidationRulesDocTests : IDisposable
{
    private static readonly Lazy<IReadOnlyList<DocExample>> s_examples = new(() => DocExample.Parse(DocText()));

    private readonly SgiRunner _sgi = new();

    public void Dispose() => _sgi.Dispose();

    public static TheoryData<string> Titles() => [.. s_examples.Value.Select(e => e.Title)];

    [Theory]
    [MemberData(nameof(Titles))]
    public async Task Validate_DocumentedExample_GivesTheDocumentedMessages(string title)
    {
        var example = s_examples.Value.Single(e => e.Title == title);
        var path = _sgi.PathOf(example.FileName);
        await File.WriteAllTextAsync(path, example.Csv);

        var (_, json) = await SgiRunner.RunJsonAsync("validate", path);

        var given = json.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("message").GetString())
            .ToList();
        foreach (var message in example.Messages)
        {
            Assert.True(
                given.Contains(message),
                $"'{title}': expected\n  {message}\ngiven\n  {string.Join("\n  ", given)}");
        }
    }

    [Fact]
    public void Examples_EachHaveAFileCsvAndMessages()
    {
        var examples = s_examples.Value;

        // The doc holds 23 examples; fewer means one no longer parses and would pass unchecked.
        Assert.Equal(23, examples.Count);
        Assert.Equal(examples.Count, examples.Select(e => e.Title).Distinct().Count());
        Assert.All(examples, e => Assert.True(
            e.FileName.Length > 0 && e.Csv.Length > 0 && e.Messages.Count > 0,
            $"'{e.Title}' lacks its file name, csv or messages"));
    }

    internal static string DocText()
    {
        // Read from the repository, not a copy in the output folder, so the test checks the doc as committed.
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SafeguardingIngest.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return File.ReadAllText(Path.Combine(folder.FullName, "docs", "validation-rules.md"));
    }

    /// <summary>
    /// One example: "### title", the file name in backticks, a ```csv block, and a ```text block of
    /// messages, one a line, where a line indented by two spaces goes on with the message above.
    /// </summary>
    private sealed record DocExample(string Title, string FileName, string Csv, IReadOnlyList<string> Messages)
    {
        public static List<DocExample> Parse(string markdown)
        {
            var lines = markdown.ReplaceLineEndings("\n").Split('\n');
            var start = Array.IndexOf(lines, "## Examples");
            Assert.True(start >= 0, "docs/validation-rules.md has no '## Examples' section");
            var examples = new List<DocExample>();
            string? title = null;
            var fileName = string.Empty;
            var csv = string.Empty;
            var messages = new List<string>();
            for (var i = start + 1; i < lines.Length; i++)
            {
                var line = lines[i];
                var heading = line.StartsWith("## ", StringComparison.Ordinal);
                if (heading || line.StartsWith("### ", StringComparison.Ordinal))
                {
                    Add();
                    if (heading)
                    {
                        break;
                    }

                    (title, fileName, csv, messages) = (line[4..].Trim(), string.Empty, string.Empty, []);
                }
                else if (line.Length > 2 && line[0] == '`' && line[^1] == '`' && line[1] != '`')
                {
                    fileName = line[1..^1];
                }
                else if (line is "```csv" or "```text")
                {
                    var block = Block(lines, ref i);
                    if (line == "```csv")
                    {
                        csv = string.Concat(block.Select(l => l + "\n"));
                    }
                    else
                    {
                        messages = JoinMessages(block);
                    }
                }
            }

            Add();
            return examples;

            void Add()
            {
                if (title is not null)
                {
                    examples.Add(new DocExample(title, fileName, csv, messages));
                    title = null;
                }
            }
        }

        private static List<string> Block(string[] lines, ref int i)
        {
            var block = new List<string>();
            for (i++; i < lines.Length && lines[i] != "```"; i++)
            {
                block.Add(lines[i]);
            }

            return block;
        }

        private static List<string> JoinMessages(List<string> block)
        {
            var messages = new List<string>();
            foreach (var line in block)
            {
                if (line.StartsWith("  ", StringComparison.Ordinal) && messages.Count > 0)
                {
                    messages[^1] += " " + line.Trim();
                }
                else
                {
                    messages.Add(line);
                }
            }

            return messages;
        }
    }
}
