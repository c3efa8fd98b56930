using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SafeguardingIngest.Testing;

/// <summary>axe-core run in an open page: WCAG 2.0, 2.1 and 2.2 A and AA, and Deque's best practice.</summary>
public static class Accessibility
{
    /// <summary>The rule sets every page is held to.</summary>
    public static IReadOnlyList<string> Tags { get; } =
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>
    /// Runs axe-core on <paramref name="page"/>: each violated rule with its impact, its node count and its first
    /// nodes' markup, so a failing test names what to fix.
    /// </summary>
    /// <exception cref="InvalidOperationException">axe-core passed no rule, so it never scanned the page.</exception>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
        });
        if (result.Passes.Length == 0)
        {
            throw new InvalidOperationException($"axe-core passed no rule on {page.Url}: the page was not scanned.");
        }

        return result.Violations
            .Select(v => $"{v.Id} ({v.Impact}, {v.Nodes.Length} nodes): {v.Help}; " +
                         string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html)))
            .ToList();
    }
}
