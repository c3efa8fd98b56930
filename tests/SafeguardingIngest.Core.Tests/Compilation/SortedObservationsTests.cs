using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Tests.Compilation;

public class SortedObservationsTests
{
    private static readonly ReportingPeriod s_q1 = new(2025, 1);
    private static readonly ReportingPeriod s_q2 = new(2025, 2);

    // Two quarters read in turn, out of order, with names that sort differently by culture and by ordinal ("b" < "B"
    // by culture, "B" < "b" by ordinal), rows alike in quarter, indicator, agency and locality, a denominator of
    // nothing beside one of zero, and commentary null, empty and written.
    private static readonly Observation[][] s_read =
    [
        [
            new(s_q2, "b", "NI 65", "L1", 3, null, 3, IndicatorUnit.Count, null, "Indicators!G4"),
            new(s_q2, "B", "NI 65", "L1", 4, 0, 0, IndicatorUnit.Percentage, "", "Indicators!G4"),
            new(s_q2, "A", "ch01", "L2", 5, 10_000, 5, IndicatorUnit.RatePer10000, "Late", "Indicators!G9"),
            new(s_q2, "A", "ch01", "L2", 6, 10_000, 6, IndicatorUnit.RatePer10000, null, "Indicators!G10"),
        ],
        [
            new(s_q1, "A", "CH01", "L1", 7, 20, 35, IndicatorUnit.Percentage, null, "Indicators!G2"),
            new(s_q1, "A", "CH01", "ALL", 8.5, 2, 4.25, IndicatorUnit.Average, "Two cases", "Indicators!G3"),
        ],
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Of_GivesWhatAStableOrdinalSortOfTheRowsAsReadGives(bool packedQuarters)
    {
        var expected = s_read.SelectMany(r => r)
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
                i % 3 == 0 ? s_q1 : s_q2,
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
        Assert.Equal(200_000, sorted.Count);
        Assert.Equal(200_000L * 48, sorted.FileLength);
        var expected = quarters.SelectMany(q => q)
            .Where(o => o.Indicator == "I7")
            .OrderBy(o => o.Period)
            .ThenBy(o => o.Agency, StringComparer.Ordinal)
            .ThenBy(o => o.Locality, StringComparer.Ordinal);
        Assert.Equal(expected, sorted.Of("I7"));
    }

    [Fact]
    public void Dispose_DeletesTheRows_SoNoneCanBeReadAfter()
    {
        var sorted = SortedObservations.Of(Read(packedQuarters: true));
        Assert.Equal(6, sorted.ToList().Count);

        sorted.Dispose();

        Assert.Throws<ObjectDisposedException>(() => sorted.ToList());
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
        IReadOnlyList<Observation>[] lists = [[], s_read[0], [], [], s_read[1], []];

        using var fromPacked = SortedObservations.Of(lists.Select(l => PackedObservations.Pack(l)));

        using var fromLists = SortedObservations.Of(lists);
        Assert.Equal(fromLists, fromPacked);
        Assert.Equal(fromLists.Select(o => o.Source), fromPacked.Select(o => o.Source));
    }

    [Fact]
    public void Indexer_RefusesAnIndexOutsideTheRows()
    {
        using var sorted = SortedObservations.Of(s_read);

        Assert.Throws<ArgumentOutOfRangeException>(() => sorted[sorted.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => sorted[-1]);
    }

    private static IEnumerable<IReadOnlyList<Observation>> Read(bool packedQuarters) =>
        packedQuarters ? s_read.Select(r => PackedObservations.Pack(r)) : s_read;

    private static ConsolidatedReturn Report(IReadOnlyList<Observation> observations) => new(
        "Partnership",
        s_q2,
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
