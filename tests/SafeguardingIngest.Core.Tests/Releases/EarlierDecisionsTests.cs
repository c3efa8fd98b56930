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
    private static readonly CancellationToken s_none = CancellationToken.None;

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
    [InlineData(16, 1)]
    [InlineData(16, 5)]
    [InlineData(64, 3)]
    [InlineData(1000, 999)]
    public async Task EntriesAsync_InBlocksSplittingEveryKindOfToken_GivesEveryEntryWhole(int block, int piece)
    {
        // Blocks of 16 bytes end inside names, strings, numbers and entries alike; each entry is read again, whole,
        // from its start once the block has room for it.
        var entries = new List<(string Indicator, byte[] Entry)>();
        await foreach (var entry in DecisionsReader.EntriesAsync(
            new Trickle(ReleaseJson.Write(s_second), piece),
            block,
            CancellationToken.None))
        {
            entries.Add(entry);
        }

        Assert.Equal(s_second.Indicators.Select(i => i.Indicator), entries.Select(e => e.Indicator));
        Assert.Equal(
            Json(s_second.Indicators),
            Json([.. entries.Select(e => ReleaseJson.ReadIndicator(e.Entry))]));
    }

    [Fact]
    public async Task SpoolAsync_NamesInAnyCase_AreReadAsTheSerializerReadsThem()
    {
        var json = "{\"Period\":\"2026-27 Q1\",\"Indicators\":[{\"Indicator\":\"NEG01\",\"Figures\":[],\"Sums\":[]}]}";

        using var spooled = await EarlierDecisions.SpoolAsync([Open(Encoding.UTF8.GetBytes(json), 3)], s_none);

        Assert.Equal("NEG01", Assert.Single(spooled.For(["NEG01"])).Indicator);
    }

    [Theory]
    [InlineData("", "end before")]
    [InlineData("{\"period\":\"2026-27 Q1\",\"indicators\":[{\"indicator\":\"A\",\"figures\":[", "end before")]
    [InlineData("[1, 2]", "a JSON object")]
    [InlineData("{\"period\":\"2026-27 Q1\",\"number\":1}", "list no indicators")]
    [InlineData("{\"indicators\":[],\"indicators\":[]}", "twice")]
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
        var spooled = await EarlierDecisions.SpoolAsync([Open(ReleaseJson.Write(s_first), 4096)], s_none);
        var file = spooled.FileName;
        Assert.True(File.Exists(file), file);

        spooled.Dispose();

        Assert.False(File.Exists(file), file);
    }

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
