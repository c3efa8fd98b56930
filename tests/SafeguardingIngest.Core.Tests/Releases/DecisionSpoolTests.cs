using SafeguardingIngest.Releases;

namespace SafeguardingIngest.Tests.Releases;

public class DecisionSpoolTests
{
    [Fact]
    public async Task CopyTo_FamiliesLargerThanItsBuffer_GivesTheBytesOfTheWholeDecisions()
    {
        // Two families of 3,000 figures each (well past the 32 KB the writer flushes at), with a value missing, sums
        // and parts of wholes, and a third with none of those lists filled: the spool writes them a figure at a time.
        IndicatorDecisions[] families = [Family("PLANS+NEGLECT", 3_000), Family("REF", 3_000), new("X", [], [])];
        using var spool = new DecisionSpool("2025-26-Q2", 4, new MemoryStream());
        foreach (var family in families)
        {
            spool.Add(family);
        }

        using var copied = new MemoryStream();
        await spool.CopyToAsync(copied, CancellationToken.None);

        Assert.Equal(ReleaseJson.Write(new ReleaseDecisions("2025-26-Q2", 4, families)), copied.ToArray());
    }

    private static IndicatorDecisions Family(string codes, int figures) => new(
        codes,
        [
            .. Enumerable.Range(0, figures).Select(k => new FigureDecision(
                $"cell|2025-26-Q2|{codes}|A{k % 40}|L{k}",
                k % 7,
                k % 3 == 0 ? null : k / 4.0,
                Hidden: k % 5 == 0,
                Primary: k % 10 == 0)),
        ],
        [.. Enumerable.Range(0, figures / 3).Select(k => new[] { 3 * k, (3 * k) + 1, (3 * k) + 2 })])
    {
        PartOf = [.. Enumerable.Range(0, figures / 2).Select(k => new[] { 2 * k, (2 * k) + 1 })],
    };
}
