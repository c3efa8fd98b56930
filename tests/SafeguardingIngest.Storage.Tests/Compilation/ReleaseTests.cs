using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Storage.Tests.Compilation;

[Collection(AzuriteCollection.Name)]
public sealed class ReleaseTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task CompileAsync_NothingChangedSinceTheLatestRelease_WritesNoNewRelease()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2), s_none);

        var first = await pipeline.Compile.CompileAsync(Samples.Q2, s_none);
        pipeline.Clock.Advance(TimeSpan.FromDays(1));
        var second = await pipeline.Compile.CompileAsync(Samples.Q2, s_none);

        Assert.False(first.Unchanged);
        Assert.True(second.Unchanged);
        Assert.Equal(1, second.Release.Number);
        Assert.Empty(second.Written);
        Assert.Single(await pipeline.Get<IReleaseStore>().ListAsync(Samples.Q2, s_none));
    }

    [Fact]
    public async Task CompileAsync_AfterAResubmission_WritesTheNextReleaseMarkingRevisionsAndLeavesTheFirstAsItWas()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("POL").Set("Indicators", "G4", 40), "POL", Samples.Q2),
            s_none);
        var first = await pipeline.Compile.CompileAsync(Samples.Q2, s_none);
        pipeline.Clock.Advance(TimeSpan.FromHours(2));
        await PipelineHarness.NextSecondAsync();
        await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(
                TestWorkbook.Good("POL").Set("Indicators", "G4", 77),
                "POL",
                Samples.Q2,
                "corrected.xlsx"),
            s_none);

        var second = await pipeline.Compile.CompileAsync(Samples.Q2, s_none);

        Assert.Equal((1, 2), (first.Release.Number, second.Release.Number));
        Assert.True(second.Release.Revisions > 0);
        var store = pipeline.Get<IReleaseStore>();
        Assert.Equal([1, 2], (await store.ListAsync(Samples.Q2, s_none)).Select(r => r.Number));
        Assert.Equal(2, (await store.LatestAsync(Samples.Q2, s_none))!.Number);
        foreach (var container in new[] { pipeline.Names.Reports, pipeline.Names.Publications })
        {
            var pointer = await pipeline.Blobs
                .GetBlobContainerClient(container)
                .GetBlobClient("2025-26-Q2/latest.json")
                .DownloadContentAsync();
            Assert.Equal(
                2,
                JsonDocument.Parse(pointer.Value.Content.ToString()).RootElement.GetProperty("release").GetInt32());
        }

        // Release 1 is still exactly what its manifest says it published.
        foreach (var file in first.Release.Files)
        {
            Assert.Equal(
                file.Sha256,
                Convert.ToHexStringLower(SHA256.HashData(await store.ReadFileAsync(first.Release, file.Name, s_none))));
        }

        // DA02 was Police's 40 and is now 77: its cell is marked revised in release 2's csv, and listed on its page.
        var csv = Encoding.UTF8
            .GetString(await store.ReadFileAsync(second.Release, CsvReport.FileName, s_none)).TrimStart('\uFEFF')
            .Split("\r\n");
        var header = csv[0].Split(',');
        var da02 = csv.Single(l => l.Contains(",2025-26 Q2,2025-07-01,2025-09-30,DA02,", StringComparison.Ordinal))
            .Split(',');
        Assert.Equal("true", da02[Array.IndexOf(header, "revised")]);
        Assert.Equal("2", da02[Array.IndexOf(header, "release")]);
        var page = Encoding.UTF8.GetString(await store.ReadFileAsync(second.Release, HtmlReport.FileName, s_none));
        Assert.Contains("sent its 2025-26 Q2 return again", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompileAsync_QuarterNotYetEnded_WritesAProvisionalRelease()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var q3 = Samples.Q2.Next();

        // The harness clock stands at 20 October 2025, inside 2025-26 Q3.
        var outcome = await pipeline.Compile.CompileAsync(q3, s_none);

        Assert.Equal(ReleaseStatus.Provisional, outcome.Release.Status);
        var page = Encoding.UTF8.GetString(outcome.Files.Single(f => f.Name == HtmlReport.FileName).Content);
        Assert.Contains("Provisional: compiled before 2025-26 Q3 ended", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ANumberAnotherCompileClaimed_IsRefusedAndTheFirstStandsUnchanged()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var first = await pipeline.Compile.CompileAsync(Samples.Q2, s_none);
        var store = pipeline.Get<IReleaseStore>();
        var rival = new ReleaseDraft(
            first.Release with { InputsDigest = "rival" },
            [new ReportFile(HtmlReport.FileName, "text/html", Encoding.UTF8.GetBytes("<p>rival</p>"), Public: true)],
            new ReleaseDecisions(Samples.Q2.Key, 1, []));

        await Assert.ThrowsAsync<ReleaseConflictException>(() => store.WriteAsync(rival, s_none));

        var standing = (await store.ListAsync(Samples.Q2, s_none)).Single();
        Assert.Equal(first.Release.InputsDigest, standing.InputsDigest);
        var html = first.Release.Files.Single(f => f.Name == HtmlReport.FileName);
        Assert.Equal(
            html.Sha256,
            Convert.ToHexStringLower(
                SHA256.HashData(await store.ReadFileAsync(standing, HtmlReport.FileName, s_none))));
        Assert.Equal(2, await store.NextNumberAsync(Samples.Q2, s_none));
    }

    [Fact]
    public async Task CompileAsync_StreamsTheCsv_StoredFilesAreTheBytesTheManifestListsAndTheBuilderRenders()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2), s_none);

        var outcome = await pipeline.Compile.CompileAsync(Samples.Q2, s_none);

        // The files held whole are rendered again the same way; the csv and its metadata, streamed, are compared
        // with what the manifest says was written and with a release built whole from the same report.
        var store = pipeline.Get<IReleaseStore>();
        var standing = (await store.ListAsync(Samples.Q2, s_none)).Single();
        Assert.Equal(
            [HtmlReport.FileName, CsvReport.FileName, CsvMetadata.FileName, XlsxReport.FileName, JsonReport.FileName],
            standing.Files.Select(f => f.Name));
        var whole = ReleaseBuilder.Build(new ReleaseRequest(
            outcome.Report,
            await pipeline.Reference.GetAsync(s_none),
            new Disclosure.PublicationOptions(),
            standing.Status,
            standing.Number,
            EarlierDecisions.None,
            standing.Submissions,
            standing.InputsDigest));
        foreach (var file in standing.Files)
        {
            var stored = await store.ReadFileAsync(standing, file.Name, s_none);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(stored)));
            Assert.Equal(file.Bytes, stored.LongLength);
            Assert.Equal(whole.Files.Single(f => f.Name == file.Name).Content, stored);
        }
    }

    [Fact]
    public async Task WriteAsync_AFileFailsPartWay_LeavesNoManifestNoPointerMoveAndNoFileOfThatName()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var store = pipeline.Get<IReleaseStore>();
        var manifest = new ReleaseManifest(
            "P", Samples.Q2.Key, 1, DateTimeOffset.UnixEpoch, ReleaseStatus.Published, "d", "c", [], [], 0, 0, 0);
        var failing = new ReleaseDraft(manifest, [], new ReleaseDecisions(Samples.Q2.Key, 1, []))
        {
            Streamed =
            [
                StreamedFile.Of(new ReportFile(
                    HtmlReport.FileName, "text/html", Encoding.UTF8.GetBytes("<p>page</p>"), Public: true)),
                new StreamedFile(CsvReport.FileName, "text/csv", async (stream, token) =>
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes("period,indicator\r\n"), token);
                    throw new IOException("the csv could not be finished");
                }, Public: true),
            ],
        };

        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync(failing, s_none));

        Assert.Empty(await store.ListAsync(Samples.Q2, s_none));
        Assert.Null(await store.LatestAsync(Samples.Q2, s_none));
        var csv = pipeline.Blobs.GetBlobContainerClient(pipeline.Names.Publications)
            .GetBlobClient($"{Samples.Q2.Key}/releases/1/{CsvReport.FileName}");
        Assert.False(await csv.ExistsAsync(s_none));
    }

    [Fact]
    public async Task CompileAsync_NextQuarter_CarriesTheEarlierReleasesDecisions()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        pipeline.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 20, 6, 0, 0, TimeSpan.Zero));
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2), s_none);
        var q2 = await pipeline.Compile.CompileAsync(Samples.Q2, s_none);
        var q3 = await pipeline.Compile.CompileAsync(Samples.Q2.Next(), s_none);

        var store = pipeline.Get<IReleaseStore>();
        var then = (await store.ReadDecisionsAsync(q2.Release, s_none)).ByKey();
        var now = (await store.ReadDecisionsAsync(q3.Release, s_none)).ByKey();
        var hiddenThen = then.Values.Where(f => f.Hidden && now.ContainsKey(f.Key)).ToList();
        Assert.All(
            hiddenThen,
            f => Assert.True(now[f.Key].Hidden, $"{f.Key} was hidden by the Q2 release and shown by Q3's"));
        Assert.Contains(now.Keys, k => k.StartsWith($"cell|{Samples.Q2.Key}|", StringComparison.Ordinal));
        Assert.Equal(ReportingPeriod.Parse("2025-26 Q3").Key, q3.Release.Period);
    }
}
