using System.Text;
using System.Text.RegularExpressions;

namespace SafeguardingIngest.Tests;

/// <summary>
/// README.md and docs/*.md are the newcomer's way in: every relative link in them reaches a file of the
/// repository (and, for a page, a heading it names), and nothing points at papers kept outside it.
/// </summary>
public partial class DocsLinksTests
{
    [Fact]
    public void RelativeLinks_InReadmeAndDocs_ReachAFile()
    {
        var root = AzuriteServer.RepositoryRoot();
        var broken = new List<string>();

        foreach (var (page, target) in RelativeLinks(root))
        {
            var path = Resolve(page, target);
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                broken.Add($"{Name(root, page)}: {target} points outside the repository");
            }
            else if (!File.Exists(path) && !Directory.Exists(path))
            {
                broken.Add($"{Name(root, page)}: {target} reaches no file");
            }
        }

        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }

    [Fact]
    public void Anchors_InReadmeAndDocs_NameAHeadingOfTheirPage()
    {
        var root = AzuriteServer.RepositoryRoot();
        var broken = new List<string>();

        foreach (var (page, target) in RelativeLinks(root))
        {
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            if (hash < 0)
            {
                continue;
            }

            var path = hash == 0 ? page : Resolve(page, target);
            var anchor = target[(hash + 1)..];
            if (path.EndsWith(".md", StringComparison.Ordinal) && File.Exists(path)
                && !HeadingAnchors(File.ReadAllText(path)).Contains(anchor))
            {
                broken.Add($"{Name(root, page)}: {target} names no heading of {Name(root, path)}");
            }
        }

        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }

    [Fact]
    public void Docs_PointAtNothingOutsideTheRepository()
    {
        var root = AzuriteServer.RepositoryRoot();
        var pages = Pages(root).Concat(Directory.EnumerateFiles(Path.Combine(root, "src"), "README.md",
            SearchOption.AllDirectories));
        string[] outside = ["DOMAIN.md", "seeds/", "../shared"];

        var found = pages
            .SelectMany(page => outside
                .Where(text => File.ReadAllText(page).Contains(text, StringComparison.Ordinal))
                .Select(text => $"{Name(root, page)}: {text}"))
            .ToList();

        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [Fact]
    public void Docs_CallTheInstalledCommandLine()
    {
        var root = AzuriteServer.RepositoryRoot();

        var found = Pages(root).Where(page => File.ReadAllText(page).Contains("sgi.dll", StringComparison.Ordinal));

        Assert.Empty(found.Select(page => Name(root, page)));
    }

    [Fact]
    public void Readme_GivesTheTwoSetUpCommandsAndTheInstall()
    {
        // .ci/run runs the test command README gives; a newcomer runs the demo and installs sgi from it.
        var readme = File.ReadAllText(Path.Combine(AzuriteServer.RepositoryRoot(), "README.md"));

        Assert.Contains("`./scripts/demo.sh`", readme, StringComparison.Ordinal);
        Assert.Contains("`./scripts/test.sh`", readme, StringComparison.Ordinal);
        Assert.Contains("./scripts/install-sgi.sh", readme, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Pages(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md").Prepend(Path.Combine(root, "README.md"));

    private static IEnumerable<(string Page, string Target)> RelativeLinks(string root)
    {
        foreach (var page in Pages(root))
        {
            foreach (Match link in LinkPattern().Matches(Prose(File.ReadAllText(page))))
            {
                var target = link.Groups["target"].Value;
                if (!target.Contains(':', StringComparison.Ordinal))
                {
                    yield return (page, target);
                }
            }
        }
    }

    private static string Resolve(string page, string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var file = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        return Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, file));
    }

    /// <summary>The page without fenced blocks and code spans, where brackets are code, not links.</summary>
    private static string Prose(string markdown)
    {
        var prose = new StringBuilder();
        var fenced = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }
            else if (!fenced)
            {
                prose.Append(CodeSpanPattern().Replace(line, "code")).Append('\n');
            }
        }

        return prose.ToString();
    }

    /// <summary>
    /// The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, and
    /// -1, -2 after a repeated one.
    /// </summary>
    private static HashSet<string> HeadingAnchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
            }

            var heading = HeadingPattern().Match(line);
            if (fenced || !heading.Success)
            {
                continue;
            }

            var text = LinkPattern().Replace(heading.Groups["text"].Value.Trim(), "${text}");
            var slug = new string(text.ToLowerInvariant()
                .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')
                .Select(c => c == ' ' ? '-' : c)
                .ToArray());
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    private static string Name(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    [GeneratedRegex(@"!?\[(?<text>(?:[^\[\]]|\[[^\]]*\])*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpanPattern();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex HeadingPattern();
}
