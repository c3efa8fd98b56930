using System.Text;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Releases;

public class ReleaseBuilderTests
{
    private static readonly PublicationOptions s_publication = new();
    private static readonly ReportingPeriod s_q3 = Q2.Next();

    // The two-release case: North A = 3 (small), B = 40; South A = 30, B = 50, CAFs in 2011-12 Q2.
    private static Observation[] Q2Cells(double northB = 40) =>
    [
        Observe(Q2, "A", "CAF", "L1", 3), Observe(Q2, "B", "CAF", "L1", northB),
        Observe(Q2, "A", "CAF", "L2", 30), Observe(Q2, "B", "CAF", "L2", 50),
    ];

    private static Observation[] Q3Cells() =>
    [
        Observe(s_q3, "A", "CAF", "L1", 20), Observe(s_q3, "B", "CAF", "L1", 25),
        Observe(s_q3, "A", "CAF", "L2", 3), Observe(s_q3, "B", "CAF", "L2", 60),
    ];

    private static ReleaseDraft Release(ConsolidatedReturn report, int number, params ReleaseDraft[] earlier) =>
        ReleaseBuilder.Build(new ReleaseRequest(
            report,
            Partnership,
            s_publication,
            ReleaseStatus.Published,
            number,
            EarlierDecisions.Of(earlier.Select(e => e.Decisions!)),
            [],
            "digest"));

    private static Dictionary<string, FigureDecision> Figures(ReleaseDraft release) =>
        release.Decisions!.Indicators.Single(i => i.Indicator == "CAF").Figures.ToDictionary(f => f.Key);

    private static string Text(ReleaseDraft release, string name) =>
        Encoding.UTF8.GetString(release.Files.Single(f => f.Name == name).Content);

    [Fact]
    public void Build_NextQuarterAfterARelease_NeverShowsAFigureTheEarlierReleaseHid()
    {
        var q2 = Release(Compile(Q2, Q2Cells()), 1);
        var q3 = Release(Compile(s_q3, [.. Q2Cells(), .. Q3Cells()]), 1, q2);

        var before = Figures(q2);
        var after = Figures(q3);
        var northA = FigureKey.Cell(Q2, "CAF", "A", "L1");
        Assert.True(before[northA].Hidden, "North A's 3 is small");
        var hiddenThen = before.Values.Where(f => f.Hidden).Select(f => f.Key).Where(after.ContainsKey).ToList();
        Assert.Contains(northA, hiddenThen);
        Assert.All(
            hiddenThen,
            key => Assert.True(after[key].Hidden, $"{key} was hidden by the Q2 release and shown by Q3's"));
    }

    [Fact]
    public void Build_NextQuarterAfterARelease_LeavesNoHiddenQ2CellAlonePartneredByAPublishedTotal()
    {
        // Q2's release published North's total where it hid North's cells; whatever Q3's release shows,
        // North's hidden cells must not be left as one unknown beside the known total (43 − 40 = 3).
        var q2 = Release(Compile(Q2, Q2Cells()), 1);
        var q3 = Release(Compile(s_q3, [.. Q2Cells(), .. Q3Cells()]), 1, q2);

        var earlier = Figures(q2);
        var now = Figures(q3);
        var north = FigureKey.Locality(Q2, "CAF", "L1");
        var northCells = now.Values
            .Where(f => f.Key.StartsWith($"cell|{Q2.Key}|CAF|", StringComparison.Ordinal)
                && f.Key.EndsWith("|L1", StringComparison.Ordinal))
            .ToList();
        var totalKnown = earlier.TryGetValue(north, out var total) && !total.Hidden;
        if (totalKnown)
        {
            Assert.True(
                northCells.Count(c => c.Hidden) != 1,
                "one hidden North cell beside a published North total is given back");
        }

        Assert.All(northCells.Where(c => c.Key.Contains("|A|", StringComparison.Ordinal)), c => Assert.True(c.Hidden));
    }

    [Fact]
    public void Build_ResubmittedCell_IsRevisedMarkedOnPageAndCsvAndListed()
    {
        // B resubmits Q2 with North 44 in place of 40: the cell, North's total and the area's move.
        var first = Release(Compile(Q2, Q2Cells()), 1);
        var second = Release(Compile(Q2, Q2Cells(northB: 44)), 2, first);

        var key = FigureKey.Cell(Q2, "CAF", "B", "L1");
        var revisions = Revisions.Find(second.Decisions!.Indicators, [first.Decisions!], (_, _) => "resubmitted");
        var cell = Assert.Single(revisions, r => r.Key.StartsWith("cell", StringComparison.Ordinal));
        Assert.Equal((key, 40d, 44d), (cell.Key, cell.Earlier.Quantity, cell.Now.Quantity));
        Assert.Equal(revisions.Count, second.Manifest.Revisions);

        var csv = Text(second, CsvReport.FileName).Split("\r\n");
        var header = csv[0].Split(',');
        var revisedColumn = Array.IndexOf(header, "revised");
        var row = csv.Single(l =>
                l.Contains(",2011-12 Q2,", StringComparison.Ordinal)
                && l.Contains(",B,Agency B,L1,", StringComparison.Ordinal))
            .Split(',');
        Assert.Equal("true", row[revisedColumn]);
        Assert.All(
            csv.Skip(1).Where(l => l.Length > 0 && !l.Contains(",B,Agency B,L1,", StringComparison.Ordinal)),
            l => Assert.Equal("false", l.Split(',')[revisedColumn]));

        var page = HtmlReport.Page(
            Compile(Q2, Q2Cells(northB: 44)),
            DisclosurePlan.For(Compile(Q2, Q2Cells(northB: 44)), s_publication, [first.Decisions!]),
            new ReleaseContext(2, ReleaseStatus.Published, revisions));
        var line = Assert.Single(page.Revisions);
        // B's North cell is the partner that hides A's 3 beside it, in both releases: the page says it changed, not
        // what it is.
        Assert.Equal(
            ("2011-12 Q2", "CAF", "Agency B", "North", "c", "c", "resubmitted"),
            (line.Quarter, line.Indicator, line.Agency, line.Locality, line.Was, line.Now, line.Why));
        var card = page.Indicators.Single(c => c.Code == "CAF");
        Assert.True(card.Figures[0].Cell.Revised, "the area's Q2 figure moved from 123 to 127");
        Assert.Contains("href=\"#revisions\"", Text(second, HtmlReport.FileName), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameInputsAgain_RevisesNothing()
    {
        var first = Release(Compile(Q2, Q2Cells()), 1);
        var second = Release(Compile(Q2, Q2Cells()), 2, first);

        Assert.Equal(0, second.Manifest.Revisions);
        Assert.Contains(
            "None since the earlier releases.",
            Text(second, HtmlReport.FileName),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProvisionalRelease_SaysSoInEveryOutput()
    {
        var report = Compile(Q2, Q2Cells());
        var release = ReleaseBuilder.Build(new ReleaseRequest(
            report,
            Partnership,
            s_publication,
            ReleaseStatus.Provisional,
            1,
            EarlierDecisions.None,
            [],
            "digest"));

        Assert.Contains("id=\"provisional\"", Text(release, HtmlReport.FileName), StringComparison.Ordinal);
        var csv = Text(release, CsvReport.FileName).Split("\r\n");
        var status = Array.IndexOf(csv[0].Split(','), "status");
        Assert.All(csv.Skip(1).Where(l => l.Length > 0), l => Assert.Equal("provisional", l.Split(',')[status]));
        Assert.Contains("\"status\": \"provisional\"", Text(release, JsonReport.FileName), StringComparison.Ordinal);
        using var workbook = new System.IO.Compression.ZipArchive(
            new MemoryStream(release.Files.Single(f => f.Name == XlsxReport.FileName).Content));
        var sheets = string.Concat(workbook.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains("1 (provisional)", sheets, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "id=\"provisional\"",
            Text(Release(report, 1), HtmlReport.FileName),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Files_KeepThePublicOnesApartFromTheTeams()
    {
        var release = Release(Compile(Q2, Q2Cells()), 1);

        Assert.Equal(
            [HtmlReport.FileName, CsvReport.FileName, CsvMetadata.FileName],
            release.Files.Where(f => f.Public).Select(f => f.Name));
        Assert.Equal(
            [XlsxReport.FileName, JsonReport.FileName],
            release.Files.Where(f => !f.Public).Select(f => f.Name));
        Assert.Equal(release.Files.Select(f => f.Name), release.Manifest.Files.Select(f => f.Name));
    }

    [Fact]
    public void InputsDigest_ChangesWithASubmissionOrAStateOnly()
    {
        ReleaseInput[] inputs = [
            new("A", "2011-12-Q2", "sub1", DateTimeOffset.UnixEpoch),
            new("B", "2011-12-Q2", "sub2", DateTimeOffset.UnixEpoch)];
        var digest = ReleaseBuilder.InputsDigest("cat", s_publication, ReleaseStatus.Published, inputs, ["A OnTime"]);

        Assert.Equal(
            digest,
            ReleaseBuilder.InputsDigest("cat", s_publication, ReleaseStatus.Published, inputs.Reverse(), ["A OnTime"]));
        Assert.NotEqual(
            digest,
            ReleaseBuilder.InputsDigest(
                "cat",
                s_publication,
                ReleaseStatus.Published,
                [inputs[0], inputs[1] with { Submission = "sub3" }],
                ["A OnTime"]));
        Assert.NotEqual(
            digest,
            ReleaseBuilder.InputsDigest("cat", s_publication, ReleaseStatus.Published, inputs, ["A Late"]));
        Assert.NotEqual(
            digest,
            ReleaseBuilder.InputsDigest("cat", s_publication, ReleaseStatus.Provisional, inputs, ["A OnTime"]));
        Assert.NotEqual(
            digest,
            ReleaseBuilder.InputsDigest("cat2", s_publication, ReleaseStatus.Published, inputs, ["A OnTime"]));
    }

    [Fact]
    public void CsvMetadata_DescribesTheCsvsIndicatorsAndFiltersOfMoreThanOneValueInOrder()
    {
        var release = Release(Compile(Q2, Q2Cells()), 1);
        var columns = Text(release, CsvReport.FileName).TrimStart('\uFEFF').Split("\r\n")[0].Split(',');
        var described = Text(release, CsvMetadata.FileName).TrimStart('\uFEFF').Split("\r\n").Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(',')[0]);

        // The ten time and geography columns that open the csv (time_period to la_name) are not described, nor
        // is a filter of one value in this file: it holds one quarter (Q2, both agencies' returns in, so complete
        // with none missing) of one indicator (CAF), release 1, published, none revised, comparable with last
        // year. Agencies and localities are two each, A's 3 in North is suppressed beside shown figures, and every
        // indicator is listed whatever it holds.
        Assert.Equal(("time_period", "la_name"), (columns[0], columns[9]));
        Assert.Equal(
            [
                "agency", "agency_name", "locality", "locality_name", "numerator", "denominator", "value",
                "suppressed", "comparator_england", "comparator_region", "comparator_statistical_neighbours",
            ],
            described);
    }

    [Fact]
    public void CsvMetadata_ResubmittedCell_ListsRevisedWhichTheFirstReleaseLeavesOut()
    {
        // B resubmits Q2 with North 44 in place of 40: release 2's csv says true for that cell, false elsewhere.
        var first = Release(Compile(Q2, Q2Cells()), 1);
        var second = Release(Compile(Q2, Q2Cells(northB: 44)), 2, first);

        string[] Described(ReleaseDraft release) =>
        [
            .. Text(release, CsvMetadata.FileName).TrimStart('\uFEFF').Split("\r\n").Skip(1)
                .Where(l => l.Length > 0)
                .Select(l => l.Split(',')[0]),
        ];
        Assert.DoesNotContain("revised", Described(first));
        Assert.Contains("revised", Described(second));
    }

    [Fact]
    public void ReleaseJson_RoundTripsTheManifestAndTheDecisions()
    {
        var release = Release(Compile(Q2, Q2Cells()), 1);

        var manifest = ReleaseJson.ReadManifest(ReleaseJson.Write(release.Manifest));
        var decisions = ReleaseJson.ReadDecisions(ReleaseJson.Write(release.Decisions!));

        Assert.Equal(
            release.Manifest with { Files = [], Submissions = [], Fallbacks = [] },
            manifest with { Files = [], Submissions = [], Fallbacks = [] });
        Assert.Equal(release.Manifest.Files, manifest.Files);
        Assert.Equal(Figures(release).Values, decisions.Indicators.Single(i => i.Indicator == "CAF").Figures);
    }

    [Fact]
    public void ReleaseDiff_NamesTheRevisedCellAndTheNewSubmission()
    {
        var first = Release(Compile(Q2, Q2Cells()), 1) is var f ? f with
        {
            Manifest = f.Manifest with { Submissions = [new("B", Q2.Key, "old", DateTimeOffset.UnixEpoch)] }
        } : null!;
        var second = Release(Compile(Q2, Q2Cells(northB: 44)), 2, first) is var s ? s with
        {
            Manifest = s.Manifest with { Submissions = [new("B", Q2.Key, "new", DateTimeOffset.UnixEpoch)] }
        } : null!;

        var diff = ReleaseDiff.Between(first.Manifest, first.Decisions!, second.Manifest, second.Decisions!);

        Assert.Contains(
            diff.Changed,
            c => c.Now.Key == FigureKey.Cell(Q2, "CAF", "B", "L1") && c.Was.Quantity == 40 && c.Now.Quantity == 44);
        Assert.Contains(
            diff.Inputs,
            line => line.StartsWith("B 2011-12-Q2: return old → new", StringComparison.Ordinal));
        Assert.Contains(CsvReport.FileName, diff.Files);
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public async Task BuildStreamed_ResubmittedCell_WritesTheDecisionsRevisionsAndFilesOfTheWholeBuild()
    {
        // The second release revises B's North cell: its decisions are spooled family by family, not held.
        var first = Release(Compile(Q2, Q2Cells()), 1);
        var report = Compile(Q2, Q2Cells(northB: 44));
        var whole = Release(report, 2, first);

        using var streamed = ReleaseBuilder.BuildStreamed(new ReleaseRequest(
            report,
            Partnership,
            s_publication,
            ReleaseStatus.Published,
            2,
            EarlierDecisions.Of([first.Decisions!]),
            [],
            "digest"));

        Assert.Null(streamed.Decisions);
        Assert.Equal(whole.Decisions!.Indicators.Count, streamed.Spool!.Families);
        using var decisions = new MemoryStream();
        await streamed.WriteDecisionsAsync(decisions, CancellationToken.None);
        Assert.Equal(ReleaseJson.Write(whole.Decisions!), decisions.ToArray());
        Assert.Equal(
            whole.Manifest with { Files = [], Submissions = [], Fallbacks = [] },
            streamed.Manifest with { Submissions = [], Fallbacks = [] });
        Assert.Equal(whole.Manifest.Fallbacks, streamed.Manifest.Fallbacks);
        Assert.True(streamed.Manifest.Revisions > 0);
        foreach (var (file, stream) in whole.Files.Zip(streamed.ToWrite))
        {
            using var written = new MemoryStream();
            await stream.WriteAsync(written, CancellationToken.None);
            Assert.Equal(Text(whole, file.Name), Encoding.UTF8.GetString(written.ToArray()));
        }
    }

    [Fact]
    public async Task DecisionSpool_CopiedOutTwiceThenDisposed_GivesTheSameDocumentAndRemovesItsFile()
    {
        var spool = new DecisionSpool(Q2.Key, 1);
        IndicatorDecisions family = new("CAF", [new("area|2011-12-Q2|CAF", 3, 3, true, true)], []);
        spool.Add(family);
        var file = spool.FileName!;
        Assert.True(File.Exists(file));

        using var first = new MemoryStream();
        using var second = new MemoryStream();
        await spool.CopyToAsync(first, CancellationToken.None);
        await spool.CopyToAsync(second, CancellationToken.None);
        spool.Dispose();

        Assert.Equal(ReleaseJson.Write(new ReleaseDecisions(Q2.Key, 1, [family])), first.ToArray());
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.False(File.Exists(file));
        Assert.Throws<ObjectDisposedException>(() => spool.Add(family));
    }
}
