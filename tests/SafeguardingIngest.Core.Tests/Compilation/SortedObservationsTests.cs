using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using static SafeguardingIngest.Tests.Compilation.ReadObservations;

namespace SafeguardingIngest.Tests.Compilation;

public class SortedObservationsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Of_GivesWhatAStableOrdinalSortOfTheRowsAsReadGives(bool packedQuarters)
    {
        var expected = Quarters.SelectMany(r => r)
            .OrderBy(o => o.Period)
            .ThenBy(o => o.Indicator, StringComparer.Ordinal)
            .ThenBy(o => o.Agency, StringComparer.Ordinal)
            .ThenBy(o => o.Locality, StringComparer.Ordinal)
            .ToList();

        using var sorted = SortedObservations.Of(Read(packedQuarters));

        Assert.Equal(expected, sorted);
        Assert.Equal(expected.Count, sorted.Count);
        Assert.Equal(expected, Enumerable.Range(0, sorted.Count).Select(i => sorted[i]));
        // Equal records are not enough where ties are kept in the order read: the sources tell the ties apart.
        Assert.Equal(expected.Select(o => o.Source), sorted.Select(o => o.Source));
    }

    [Fact]
    public void Of_PutsRowsPastOnePackedChunkInOrder()
    {
        // 2,500 rows fill two chunks of 1,024 and part of a third.
        var random = new Random(5);
        var read = Enumerable.Range(0, 2_500)
            .Select(i => new Observation(
                i % 3 == 0 ? Q1 : Q2,
                $"A{random.Next(40)}",
                $"I{random.Next(7)}",
                $"L{random.Next(5)}",
                i,
                i % 2 == 0 ? null : i + 1,
                i,
                IndicatorUnit.Count,
                null,
                $"Indicators!G{i}"))
            .ToList();
        var expected = read
            .OrderBy(o => o.Period)
            .ThenBy(o => o.Indicator, StringComparer.Ordinal)
            .ThenBy(o => o.Agency, StringComparer.Ordinal)
            .ThenBy(o => o.Locality, StringComparer.Ordinal)
            .ToList();

        using var sorted = SortedObservations.Of([PackedObservations.Pack(read)]);

        Assert.Equal(expected, sorted);
        Assert.Equal(expected.Where(o => o.Indicator == "I3"), sorted.Of("I3"));
        // Read one at a time, from the last back, each chunk read again as the index leaves it.
        Assert.Equal(
            Enumerable.Reverse(expected), Enumerable.Range(0, sorted.Count).Reverse().Select(i => sorted[i]));
    }

    [Fact]
    public void Of_WritesEveryRowToAFile_AndReadsOneIndicatorsBackFromIt()
    {
        var random = new Random(7);
        var quarters = Enumerable.Range(0, 8)
            .Select(q => PackedObservations.Pack(Enumerable.Range(0, 25_000).Select(i => new Observation(
                new ReportingPeriod(2024 + (q / 4), 1 + (q % 4)),
                $"A{random.Next(150)}",
                $"I{random.Next(60)}",
                $"L{random.Next(10)}",
                i,
                null,
                i,
                IndicatorUnit.Count,
                null,
                "Indicators!G2"))))
            .ToList();

        using var sorted = SortedObservations.Of(quarters);

        // Every row is in the file, 48 bytes each, and read back from it.
        Assert.Equal(
            quarters.SelectMany(q => q)
                .OrderBy(o => o.Period)
                .ThenBy(o => o.Indicator, StringComparer.Ordinal)
                .ThenBy(o => o.Agency, StringComparer.Ordinal)
                .ThenBy(o => o.Locality, StringComparer.Ordinal),
            sorted);
        Assert.Equal(200_000L * 48, sorted.FileLength);
        var expected = quarters.SelectMany(q => q)
            .Where(o => o.Indicator == "I7")
            .OrderBy(o => o.Period)
            .ThenBy(o => o.Agency, StringComparer.Ordinal)
            .ThenBy(o => o.Locality, StringComparer.Ordinal);
        Assert.Equal(expected, sorted.Of("I7"));
    }

    [Theory]
    [InlineData(1_023)]
    [InlineData(1_024)]
    [InlineData(1_025)]
    [InlineData(2_048)]
    public void Of_ReadsRowsAtEveryChunksEdge(int count)
    {
        var read = Enumerable.Range(0, count)
            .Select(i => new Observation(
                Q1, $"A{i:D5}", "I1", "L1", i, null, i, IndicatorUnit.Count, i % 100 == 0 ? $"Row {i}" : null, "G2"))
            .ToList();

        using var sorted = SortedObservations.Of([PackedObservations.Pack(read)]);

        Assert.Equal(read, sorted);
        Assert.Equal(read, sorted.Of("I1"));
        Assert.Equal(read[^1], sorted[count - 1]);
        Assert.Equal(read[0], sorted[0]);
    }

    [Fact]
    public void OfIndicator_ReadsARunThatCrossesAChunksEdge()
    {
        // I1's 1,000 rows come first; I2's 100 run from row 1,000 to 1,099, across the edge at 1,024.
        var read = Enumerable.Range(0, 1_100)
            .Select(i => new Observation(
                Q1, $"A{i:D5}", i < 1_000 ? "I1" : "I2", "L1", i, 10, i, IndicatorUnit.Percentage, null, "G2"))
            .ToList();

        using var sorted = SortedObservations.Of([PackedObservations.Pack(read)]);

        Assert.Equal(read.Skip(1_000), sorted.Of("I2"));
        Assert.Equal(read.Take(1_000), sorted.Of("I1"));
    }

    [Fact]
    public void Of_NoRows_HoldsNone()
    {
        using var none = SortedObservations.Of([]);
        using var empty = SortedObservations.Of([[], PackedObservations.Pack([])]);

        Assert.Empty(none);
        Assert.Empty(empty);
        Assert.Empty(empty.Of("I1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => empty[0]);
    }

    [Fact]
    public void TheFile_HasNoNameInTheTemporaryFolderOutsideWindows_WhileItsRowsAreRead()
    {
        using var sorted = SortedObservations.Of(Read(packedQuarters: true));

        Assert.StartsWith(Path.GetTempPath(), sorted.FilePath, StringComparison.Ordinal);
        // On Windows it is deleted when closed.
        Assert.Equal(OperatingSystem.IsWindows(), File.Exists(sorted.FilePath));
        Assert.Equal(6, sorted.ToList().Count);
    }

    [Fact]
    public void Dispose_ClosesTheFile_SoNoRowCanBeReadAfter()
    {
        var sorted = SortedObservations.Of(Read(packedQuarters: true));
        Assert.Equal(6, sorted.ToList().Count);
        Assert.Equal(Quarters[1][1], sorted[0]);

        sorted.Dispose();

        Assert.Throws<ObjectDisposedException>(() => sorted.ToList());
        Assert.Throws<ObjectDisposedException>(() => sorted.Of("CH01").ToList());
        // The row read before is cached, but not given once the file is closed.
        Assert.Throws<ObjectDisposedException>(() => sorted[0]);
    }

    [Fact]
    public void PackedRow_Takes48Bytes()
    {
        Assert.Equal(48, System.Runtime.CompilerServices.Unsafe.SizeOf<PackedRow>());
    }

    [Fact]
    public void Of_KeepsNoDenominatorApartFromZeroAndNoCommentaryApartFromEmpty()
    {
        using var sorted = SortedObservations.Of(Read(packedQuarters: true));

        var nothing = sorted.Single(o => o.Agency == "b");
        var zero = sorted.Single(o => o.Agency == "B");
        Assert.Null(nothing.Denominator);
        Assert.Null(nothing.Commentary);
        Assert.Equal(0, zero.Denominator);
        Assert.Equal(string.Empty, zero.Commentary);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void OfIndicator_GivesOneIndicatorsRowsInTheHeldOrder_ItsCodeComparedOrdinally(bool packedQuarters)
    {
        using var sorted = SortedObservations.Of(Read(packedQuarters));

        Assert.Equal(sorted.Where(o => o.Indicator == "CH01"), sorted.Of("CH01"));
        Assert.Equal(2, sorted.Of("ch01").Count());
        Assert.Empty(sorted.Of("Ch01"));
    }

    [Fact]
    public void ObservationsOf_GivesTheSameRowsWhetherTheReportHoldsThemSortedOrAsAList()
    {
        using var sorted = SortedObservations.Of(Read(packedQuarters: true));
        var listed = sorted.ToList();

        Assert.Equal(Report(listed).ObservationsOf("NI 65"), Report(sorted).ObservationsOf("NI 65"));
        Assert.Equal(2, Report(sorted).ObservationsOf("NI 65").Count());
    }

    [Fact]
    public void Of_PackedQuarters_GivesWhatSortingTheirListsGives_EmptyQuartersAmongThem()
    {
        IReadOnlyList<Observation>[] lists = [[], Quarters[0], [], [], Quarters[1], []];

        using var fromPacked = SortedObservations.Of(lists.Select(l => PackedObservations.Pack(l)));

        using var fromLists = SortedObservations.Of(lists);
        Assert.Equal(fromLists, fromPacked);
        Assert.Equal(fromLists.Select(o => o.Source), fromPacked.Select(o => o.Source));
    }

    [Fact]
    public void Indexer_RefusesAnIndexOutsideTheRows()
    {
        using var sorted = SortedObservations.Of(Quarters);

        Assert.Throws<ArgumentOutOfRangeException>(() => sorted[sorted.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => sorted[-1]);
    }

    private static IEnumerable<IReadOnlyList<Observation>> Read(bool packedQuarters) =>
        packedQuarters ? Quarters.Select(r => PackedObservations.Pack(r)) : Quarters;

    private static ConsolidatedReturn Report(IReadOnlyList<Observation> observations) => new(
        "Partnership",
        Q2,
        DateTimeOffset.UnixEpoch,
        [],
        [],
        [],
        new ActionsSummary(0, 0, 0, []),
        [],
        observations,
        new Dictionary<string, string>(),
        new Dictionary<string, string>());
}
