using System.Text.Json;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Storage.Tests.Ingest;

[Collection(AzuriteCollection.Name)]
public sealed class IngestReturnTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task Run_GoodReturn_StoresRowsSubmissionFeedbackAndArchive()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var blob = await pipeline.UploadAsync(TestWorkbook.Good("CSC"), "CSC", Samples.Q2);

        var outcome = await pipeline.Ingest.RunAsync(blob, s_none);

        Assert.Equal(IngestResult.Accepted, outcome.Result);
        var submission = outcome.Submission!;
        Assert.Equal(65, submission.Rows);
        var current = await pipeline.Records.GetCurrentAsync(Samples.Q2, "CSC", s_none);
        Assert.Equal(submission.Id, current!.SubmissionId);
        Assert.Equal(65, (await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, null, s_none)).Count);
        Assert.Equal(
            [
                $"CSC/2025-26-Q2/{submission.Id}.html",
                $"CSC/2025-26-Q2/{submission.Id}.json",
                "CSC/2025-26-Q2/uploads/return.xlsx.html",
                "CSC/2025-26-Q2/uploads/return.xlsx.json"],
            (await pipeline.ListAsync(pipeline.Names.Feedback)).Order(StringComparer.Ordinal));
        Assert.Equal([$"CSC/2025-26-Q2/{submission.Id}/return.xlsx"], await pipeline.ListAsync(pipeline.Names.Archive));
        Assert.Empty(await pipeline.ListAsync(pipeline.Names.Returns));
        Assert.Empty(await pipeline.ListAsync(pipeline.Names.Quarantine));

        var recorded = await pipeline.Records.FindAsync(Samples.Q2, "CSC", submission.Id, s_none);
        Assert.Equal(ReturnStatus.Accepted, recorded!.Status);
        Assert.Equal(64, recorded.Sha256.Length);
        Assert.Equal(new DateOnly(2025, 10, 30), recorded.DueDate);
    }

    [Fact]
    public async Task Run_BadReturn_QuarantinesWritesFeedbackAndStoresNoRows()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var blob = await pipeline.UploadAsync(
            TestWorkbook.Good("POL").Set("Indicators", "G4", "n/a"),
            "POL",
            Samples.Q2);

        var outcome = await pipeline.Ingest.RunAsync(blob, s_none);

        Assert.Equal(IngestResult.Rejected, outcome.Result);
        Assert.Null(await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", s_none));
        Assert.Equal(0, await pipeline.CountRowsAsync(Samples.Q2));
        Assert.Equal(
            [$"POL/2025-26-Q2/{outcome.Submission!.Id}/return.xlsx"],
            await pipeline.ListAsync(pipeline.Names.Quarantine));
        Assert.Empty(await pipeline.ListAsync(pipeline.Names.Archive));

        var feedback = await ReadJsonAsync(pipeline, outcome.Submission.FeedbackPath + ".json");
        Assert.Equal("Rejected", feedback.GetProperty("status").GetString());
        Assert.Equal("G4", feedback.GetProperty("findings")[0].GetProperty("cell").GetString());
        Assert.Equal("value-not-number", feedback.GetProperty("findings")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Run_Resubmission_SupersedesAndOldRowsDisappear()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var first = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2),
            s_none);
        pipeline.Clock.Advance(TimeSpan.FromHours(1));
        await PipelineHarness.NextSecondAsync();

        // The corrected return: DA02 changes from its first figure to 77.
        var second = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(
                TestWorkbook.Good("POL").Set("Indicators", "G4", 77),
                "POL",
                Samples.Q2,
                "corrected.xlsx"),
            s_none);

        Assert.Equal(IngestResult.Accepted, second.Result);
        Assert.NotEqual(first.Submission!.Id, second.Submission!.Id);
        Assert.Equal(first.Submission.Id, second.Submission.Supersedes);
        Assert.Equal(
            second.Submission.Id,
            (await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", s_none))!.SubmissionId);
        var rows = await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "POL", s_none);
        Assert.Equal(77, rows.Single(o => o.Indicator == "DA02").Value);
        Assert.Equal(PipelineHarness.RowsOfOneReturn(4), await pipeline.CountRowsAsync(Samples.Q2));
        Assert.Equal(2, (await pipeline.ListAsync(pipeline.Names.Archive)).Count);
    }

    [Fact]
    public async Task Run_FigureFourTimesLastQuarters_QueriesTheChangeAgainstTheStoredReturn()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var q1 = Samples.Q2.Previous();
        var lastQuarters = TestWorkbook.Good("POL", q1).Set("Indicators", "G4", 100);
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(lastQuarters, "POL", q1), s_none);

        var fourTimes = TestWorkbook.Good("POL").Set("Indicators", "G4", 400);
        var outcome = await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(fourTimes, "POL", Samples.Q2), s_none);

        Assert.Equal(IngestResult.AcceptedWithWarnings, outcome.Result);
        var query = Assert.Single(outcome.Report!.Findings, f => f.Code == Rules.ValueLargeChange.Code);
        Assert.Equal("G4", query.Cell);
        Assert.Contains("from 100 to 400", query.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ReadOfLastQuarterFails_ClearsTheRunsRowsAtOnceAndTheRetryCompletes()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var q1 = Samples.Q2.Previous();
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("POL", q1), "POL", q1), s_none);
        var blob = await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2);

        // Last quarter's packed figures cannot be read, while this return's rows are being written.
        pipeline.Faults.Applies = m =>
            Uri.UnescapeDataString(m.Request.Uri.Query).Contains("$select=Values", StringComparison.Ordinal);
        pipeline.Faults.Arm(pass: 0, fail: 1);
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => pipeline.Ingest.RunAsync(blob, s_none));

        // Its load is given up and cleared by the run itself, not left Writing for the sweep.
        Assert.Equal(1, pipeline.Faults.Injected);
        Assert.Empty(await pipeline.Records.ListOpenLoadsAsync(Samples.Q2, "POL", s_none));
        Assert.Equal(0, await pipeline.CountRowsAsync(Samples.Q2));
        Assert.Null(await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", s_none));

        var retried = await pipeline.Ingest.RunAsync(blob, s_none);

        Assert.Equal(IngestResult.Accepted, retried.Result);
        Assert.Equal(PipelineHarness.RowsOfOneReturn(4), await pipeline.CountRowsAsync(Samples.Q2));
    }

    [Fact]
    public async Task ReadCurrentValues_AgencyWithActionsAndRisks_HoldsEachFigureOfItsCurrentReturnAlone()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("CSC"), "CSC", Samples.Q2), s_none);
        var observations = await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "CSC", s_none);

        var values = await pipeline.Reader.ReadCurrentValuesAsync(Samples.Q2, "CSC", s_none);

        Assert.Equal(observations.Count, values.Count);
        Assert.All(observations, o => Assert.Equal(o.Value, values.Find("CSC", o.Indicator, o.Locality, Samples.Q2)));
        Assert.Equal(0, (await pipeline.Reader.ReadCurrentValuesAsync(Samples.Q2, "POL", s_none)).Count);
    }

    [Fact]
    public async Task Run_SameBlobTwiceInTurn_LeavesOneSubmission()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var bytes = TestWorkbook.Good("POL").ToStream().ToArray();
        var blob = await pipeline.UploadAsync(new MemoryStream(bytes), "POL/2025-26-Q2/return.xlsx");
        var first = await pipeline.Ingest.RunAsync(blob, s_none);

        // Delivered again after it was processed: the upload is gone.
        var again = await pipeline.Ingest.RunAsync(blob, s_none);

        // The agency sends the identical file again, under another name.
        var resent = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(new MemoryStream(bytes), "POL/2025-26-Q2/return-again.xlsx"),
            s_none);

        Assert.Equal(IngestResult.Accepted, first.Result);
        Assert.Equal(IngestResult.NotFound, again.Result);
        Assert.Equal(IngestResult.AlreadyProcessed, resent.Result);
        Assert.Single(await pipeline.Records.ListAsync(Samples.Q2, s_none));
        Assert.Equal(PipelineHarness.RowsOfOneReturn(4), await pipeline.CountRowsAsync(Samples.Q2));
        Assert.Empty(await pipeline.ListAsync(pipeline.Names.Returns));
    }

    [Fact]
    public async Task Run_SameBlobConcurrently_LeavesOneSubmission()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var blob = await pipeline.UploadAsync(TestWorkbook.Good("CSC"), "CSC", Samples.Q2);

        var outcomes = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => Task.Run(() => pipeline.Ingest.RunAsync(blob, s_none))));

        Assert.Contains(outcomes, o => o.Result == IngestResult.Accepted);
        Assert.All(
            outcomes,
            o => Assert.Contains(
                o.Result,
                new[] { IngestResult.Accepted, IngestResult.AlreadyProcessed, IngestResult.NotFound }));
        var submission = Assert.Single(await pipeline.Records.ListAsync(Samples.Q2, s_none));
        Assert.Equal(submission.Id, (await pipeline.Records.GetCurrentAsync(Samples.Q2, "CSC", s_none))!.SubmissionId);
        Assert.Equal(65, (await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "CSC", s_none)).Count);
        Assert.Equal(PipelineHarness.RowsOfOneReturn(65), await pipeline.CountRowsAsync(Samples.Q2));
        Assert.Single(await pipeline.ListAsync(pipeline.Names.Archive));
    }

    [Fact]
    public async Task Run_PathAgencyDisagreesWithCover_IsRefused()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var blob = await pipeline.UploadAsync(TestWorkbook.Good("POL"), "CSC", Samples.Q2);

        var outcome = await pipeline.Ingest.RunAsync(blob, s_none);

        Assert.Equal(IngestResult.Rejected, outcome.Result);
        Assert.Contains(outcome.Report!.Findings, f => f.Code == "agency-mismatch");
        Assert.Null(await pipeline.Records.GetCurrentAsync(Samples.Q2, "CSC", s_none));
        Assert.All(
            await pipeline.ListAsync(pipeline.Names.Feedback),
            name => Assert.StartsWith("CSC/", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_StorageFaultWhileWritingRows_KeepsPreviousCurrentAndRetryCompletes()
    {
        await using var pipeline = await PipelineHarness.StartAsync(
            azurite,
            new Dictionary<string,
            string?> { ["Storage:ParallelBatches"] = "1" });
        var first = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("CSC", seed: 1), "CSC", Samples.Q2),
            s_none);
        var before = await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "CSC", s_none);
        pipeline.Clock.Advance(TimeSpan.FromHours(2));
        await PipelineHarness.NextSecondAsync();
        var blob = await pipeline.UploadAsync(TestWorkbook.Good("CSC", seed: 2), "CSC", Samples.Q2, "second.xlsx");

        // The new return's rows need one transaction; it fails as if storage went away mid-write.
        pipeline.Faults.Arm(pass: 0, fail: 1);
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => pipeline.Ingest.RunAsync(blob, s_none));

        Assert.Equal(1, pipeline.Faults.Injected);
        Assert.Equal(
            first.Submission!.Id,
            (await pipeline.Records.GetCurrentAsync(Samples.Q2, "CSC", s_none))!.SubmissionId);
        var during = await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "CSC", s_none);
        Assert.Equal(
            before.OrderBy(o => o.Source).Select(o => o.Value),
            during.OrderBy(o => o.Source).Select(o => o.Value));
        Assert.Equal([blob], await pipeline.ListAsync(pipeline.Names.Returns));

        // The host retries the same blob: the job completes, the old rows go.
        var retried = await pipeline.Ingest.RunAsync(blob, s_none);

        Assert.Equal(IngestResult.Accepted, retried.Result);
        Assert.Equal(first.Submission.Id, retried.Submission!.Supersedes);
        var after = await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "CSC", s_none);
        Assert.Equal(65, after.Count);
        Assert.NotEqual(
            before.OrderBy(o => o.Source).Select(o => o.Value),
            after.OrderBy(o => o.Source).Select(o => o.Value));
        Assert.Equal(PipelineHarness.RowsOfOneReturn(65), await pipeline.CountRowsAsync(Samples.Q2));
    }

    [Fact]
    public async Task Run_StorageFaultWhileSwitching_RetryCompletesWithOneSubmission()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var blob = await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2);

        // Rows are written; the pointer's write to the Submissions table then fails.
        pipeline.Faults.Applies = m => m.Request.Method == Azure.Core.RequestMethod.Post && m.Request.Uri.Path.Contains(
            "Submissions",
            StringComparison.Ordinal);
        pipeline.Faults.Arm(pass: 0, fail: 1);
        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => pipeline.Ingest.RunAsync(blob, s_none));
        Assert.Null(await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", s_none));
        Assert.Empty(await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "POL", s_none));

        var retried = await pipeline.Ingest.RunAsync(blob, s_none);

        Assert.Equal(IngestResult.Accepted, retried.Result);
        Assert.Single(await pipeline.Records.ListAsync(Samples.Q2, s_none));
        Assert.Equal(4, (await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "POL", s_none)).Count);
    }

    [Fact]
    public async Task Run_FeedbackOfEveryAgency_LandsUnderItsOwnPrefixOnly()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("POL"), "POL", Samples.Q2), s_none);
        await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("EDU").Set("Indicators", "G2", -1), "EDU", Samples.Q2),
            s_none);
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("CHS"), "chs", Samples.Q2), s_none);

        var feedback = await pipeline.ListAsync(pipeline.Names.Feedback);

        // Each submission's report, and the same under the upload's own name.
        Assert.Equal(12, feedback.Count);
        Assert.Equal(4, feedback.Count(n => n.StartsWith("POL/2025-26-Q2/", StringComparison.Ordinal)));
        Assert.Equal(4, feedback.Count(n => n.StartsWith("EDU/2025-26-Q2/", StringComparison.Ordinal)));
        Assert.Equal(4, feedback.Count(n => n.StartsWith("CHS/2025-26-Q2/", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("POL/return.xlsx")] // a folder too shallow: no quarter
    [InlineData("POL/2025-26-Q2/corrected/return.xlsx")] // a folder too deep
    public async Task Run_UploadAFolderTooShallowOrTooDeep_IsQuarantinedWithFeedbackTheAgencyCanRead(string name)
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var blob = await pipeline.UploadAsync(TestWorkbook.Good("POL").ToStream(), name);

        var outcome = await pipeline.Ingest.RunAsync(blob, s_none);

        Assert.Equal(IngestResult.Rejected, outcome.Result);
        var id = outcome.Submission!.Id;
        Assert.Equal([$"_unattributed/unknown/{id}/return.xlsx"], await pipeline.ListAsync(pipeline.Names.Quarantine));

        // Police's role reads feedback/POL/… only: the feedback is there, and says where to upload.
        Assert.Equal(
            [$"POL/unknown/{id}.html", $"POL/unknown/{id}.json"],
            (await pipeline.ListAsync(pipeline.Names.Feedback)).Order(StringComparer.Ordinal));
        var finding = Assert.Single(outcome.Report!.Findings);
        Assert.Equal("upload-path-invalid", finding.Code);
        Assert.Contains("returns/POL/2025-26-Q2/return.xlsx", finding.Advice, StringComparison.Ordinal);
        Assert.Empty(await pipeline.ListAsync(pipeline.Names.Returns));
    }

    [Fact]
    public async Task Run_UploadOutsideAnAgencyFolder_IsRefusedAndQuarantined()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        using var content = TestWorkbook.Good("POL").ToStream();
        var blob = await pipeline.UploadAsync(content, "loose-return.xlsx");

        var outcome = await pipeline.Ingest.RunAsync(blob, s_none);

        Assert.Equal(IngestResult.Rejected, outcome.Result);
        Assert.Equal("upload-path-invalid", Assert.Single(outcome.Report!.Findings).Code);
        Assert.All(
            await pipeline.ListAsync(pipeline.Names.Quarantine),
            n => Assert.StartsWith("_unattributed/", n, StringComparison.Ordinal));
        Assert.Empty(await pipeline.ListAsync(pipeline.Names.Returns));
    }

    [Fact]
    public async Task Run_UploadOverSizeLimit_IsRefusedUnreadAndKeptInQuarantine()
    {
        await using var pipeline = await PipelineHarness.StartAsync(
            azurite,
            new Dictionary<string,
            string?> { ["Limits:MaxFileBytes"] = "4096" });
        var blob = await pipeline.UploadAsync(TestWorkbook.Good("CSC"), "CSC", Samples.Q2);

        var outcome = await pipeline.Ingest.RunAsync(blob, s_none);

        Assert.Equal(IngestResult.Rejected, outcome.Result);
        Assert.Equal("file-too-large", Assert.Single(outcome.Report!.Findings).Code);
        var kept = Assert.Single(await pipeline.ListAsync(pipeline.Names.Quarantine));
        var copy = await pipeline.Blobs
            .GetBlobContainerClient(pipeline.Names.Quarantine)
            .GetBlobClient(kept)
            .GetPropertiesAsync();
        Assert.Equal(outcome.Submission!.Size, copy.Value.ContentLength);
    }

    [Fact]
    public async Task Run_LaterUploadAlreadyCurrent_EarlierOneDoesNotTakeOver()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var early = await pipeline.UploadAsync(TestWorkbook.Good("POL", seed: 3), "POL", Samples.Q2, "early.xlsx");
        await PipelineHarness.NextSecondAsync();
        var late = await pipeline.UploadAsync(TestWorkbook.Good("POL", seed: 4), "POL", Samples.Q2, "late.xlsx");

        // The later upload happens to be processed first.
        var lateOutcome = await pipeline.Ingest.RunAsync(late, s_none);
        var earlyOutcome = await pipeline.Ingest.RunAsync(early, s_none);

        Assert.Equal(IngestResult.Accepted, lateOutcome.Result);
        Assert.Equal(IngestResult.AcceptedButSuperseded, earlyOutcome.Result);
        Assert.Equal(
            lateOutcome.Submission!.Id,
            (await pipeline.Records.GetCurrentAsync(Samples.Q2, "POL", s_none))!.SubmissionId);
        Assert.Equal(PipelineHarness.RowsOfOneReturn(4), await pipeline.CountRowsAsync(Samples.Q2));
    }

    [Fact]
    public async Task Run_FeedbackPage_EncodesWhatTheAgencyWrote()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var workbook = TestWorkbook.Good("POL").Set("Indicators", "G4", "<script>alert(1)</script>");

        var outcome = await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(workbook, "POL", Samples.Q2), s_none);

        var html = (
            await pipeline.Blobs.GetBlobContainerClient(pipeline.Names.Feedback).GetBlobClient(
                outcome.Submission!.FeedbackPath + ".html").DownloadContentAsync()).Value.Content.ToString();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Not accepted", html, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ReadJsonAsync(PipelineHarness pipeline, string name)
    {
        var content = await pipeline.Blobs
            .GetBlobContainerClient(pipeline.Names.Feedback)
            .GetBlobClient(name)
            .DownloadContentAsync();
        using var document = JsonDocument.Parse(content.Value.Content.ToMemory());
        return document.RootElement.Clone();
    }
}
