using System.Text;
using System.Text.Json;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;

namespace SafeguardingIngest.Tests.Releases;

/// <summary>
/// Earlier releases' decisions read as they stream from the store, a family at a time, give each family exactly what
/// the same decisions held whole give; a document that is not a release's decisions is refused by name.
/// </summary>
public class EarlierDecisionsTests
{
    private static readonly ReportingPeriod s_q2 = ReportingPeriod.Parse("2026-27 Q2");

    /// <summary>An indicator's decisions with <paramref name="figures"/> csv cells, their values from a seed.</summary>
    private static IndicatorDecisions Family(string indicator, int figures, int seed)
    {
        var code = indicator.Split('+')[0];
        return new(
            indicator,
            [.. Enumerable.Range(0, figures).Select(i => new FigureDecision(
                FigureKey.Cell(s_q2, code, $"A{i % 7}", $"L{i}"),
                (i * seed) % 23,
                (i * seed) % 23,
                Hidden: (i + seed) % 3 == 0,
                Primary: (i + seed) % 5 == 0))],
            [[0, 1, 2], [3, 4]]) { PartOf = [[1, 2]] };
    }

    private static readonly ReleaseDecisions s_first = new(
        "2026-27 Q1",
        1,
        [Family("CSC-REF+CH141", 40, 3), Family("NEG01", 12, 5), Family("CH01", 9000, 7)]);

    private static readonly ReleaseDecisions s_second = new(
        "2026-27 Q2",
        1,
        [Family("CSC-REF", 30, 11), Family("CH141", 3, 13), Family("NEG01", 2, 17)]);

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_000)]
    public async Task SpoolAsync_ReadInPiecesOfAnySize_GivesEachFamilyWhatTheDecisionsHeldWholeGive(int piece)
    {
        // CH01's entry (9,000 figures) is larger than the reader's first buffer, so it must grow to hold it.
        using var held = EarlierDecisions.Of([s_first, s_second]);
        using var spooled = await EarlierDecisions.SpoolAsync(
            [Open(ReleaseJson.Write(s_first), piece), Open(ReleaseJson.Write(s_second), piece)],
            CancellationToken.None);

        Assert.Equal(2, spooled.Releases);
        string[][] families = [["CSC-REF", "CH141"], ["CSC-REF"], ["CH141"], ["NEG01"], ["CH01"], ["NONE"]];
        foreach (var family in families)
        {
            Assert.Equal(Json(held.For(family)), Json(spooled.For(family)));
        }

        // A family gets every entry an indicator of it was in, linked or alone, oldest first.
        Assert.Equal(
            ["CSC-REF+CH141", "CSC-REF"],
            spooled.For(["CSC-REF"]).Select(i => i.Indicator));
        Assert.Equal(9000, Assert.Single(spooled.For(["CH01"])).Figures.Count);
    }

    [Fact]
    public async Task SpoolAsync_TheFamilyReadTwiceRunning_IsReadOnce()
    {
        using var spooled = await EarlierDecisions.SpoolAsync(
            [Open(ReleaseJson.Write(s_first), 4096)],
            CancellationToken.None);

        Assert.Same(spooled.For(["NEG01"]), spooled.For(["NEG01"]));
        Assert.Same(spooled.For(["CH141", "CSC-REF"]), spooled.For(["CSC-REF", "CH141"]));
    }

    [Theory]
    [InlineData("", "end before")]
    [InlineData("{\"period\":\"2026-27 Q1\",\"number\":1,\"indicators\":[{\"indicator\":\"A\",\"figures\":[", "")]
    [InlineData("[1, 2]", "a JSON object")]
    [InlineData("{\"period\":\"2026-27 Q1\",\"indicators\":5}", "in an array")]
    [InlineData("{\"period\":\"2026-27 Q1\",\"indicators\":[3]}", "is a JSON object")]
    [InlineData("{\"indicators\":[{\"figures\":[]}]}", "has no \"indicator\"")]
    public async Task SpoolAsync_NotAReleasesDecisions_IsRefusedByName(string json, string says)
    {
        var error = await Assert.ThrowsAnyAsync<JsonException>(() => EarlierDecisions.SpoolAsync(
            [Open(Encoding.UTF8.GetBytes(json), 5)],
            CancellationToken.None));

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_RemovesTheSpooledFile()
    {
        var before = SpoolFiles();
        var spooled = await EarlierDecisions.SpoolAsync(
            [Open(ReleaseJson.Write(s_first), 4096)],
            CancellationToken.None);
        Assert.Equal(before.Count + 1, SpoolFiles().Count);

        spooled.Dispose();

        Assert.Equal(before, SpoolFiles());
    }

    private static List<string> SpoolFiles() =>
        [.. Directory.EnumerateFiles(Path.GetTempPath(), "sgi-earlier-*.json").Order(StringComparer.Ordinal)];

    private static string Json(IReadOnlyList<IndicatorDecisions> found) =>
        Encoding.UTF8.GetString(ReleaseJson.Write(new ReleaseDecisions("any", 0, found)));

    private static Func<CancellationToken, Task<Stream>> Open(byte[] content, int piece) =>
        _ => Task.FromResult<Stream>(new Trickle(content, piece));

    /// <summary>A stream that gives at most <paramref name="piece"/> bytes a read, as a network stream may.</summary>
    private sealed class Trickle(byte[] content, int piece) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, Math.Min(count, piece));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, piece)], cancellationToken);
    }
}
