using Microsoft.Extensions.DependencyInjection;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Storage.Tests.Ingest;

/// <summary>
/// Two hosts ingesting one agency's uploads at once, as a scaled-out Functions app does: a double
/// upload, a corrected file a minute later, a redelivered event.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OverlappingUploadTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Run_TwoCorrectionsOverlap_LastUploadStandsWholeAndNothingElseRemains(bool earlierFinishesFirst)
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var x = await pipeline.Ingest.RunAsync(
            await pipeline.UploadAsync(TestWorkbook.Good("CSC", seed: 1), "CSC", Samples.Q2, "x.xlsx"),
            s_none);
        await PipelineHarness.NextSecondAsync();
        var a = await pipeline.UploadAsync(TestWorkbook.Good("CSC", seed: 2), "CSC", Samples.Q2, "a.xlsx");
        await PipelineHarness.NextSecondAsync();
        var bWorkbook = TestWorkbook.Good("CSC", seed: 3);
        var b = await pipeline.UploadAsync(bWorkbook, "CSC", Samples.Q2, "b.xlsx");

        // The run that finishes last has written all its rows and waits at its switch while the other
        // run goes through from start to end (switch, record, clean-up) on a second host.
        var reached = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var held = await HeldAtSwitchAsync(pipeline, reached, release);
        await using var other = await pipeline.AnotherInstanceAsync();
        var (heldBlob, otherBlob) = earlierFinishesFirst ? (b, a) : (a, b);
        var heldRun = Task.Run(() => held.Ingest.RunAsync(heldBlob, s_none));
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var otherOutcome = await other.Ingest.RunAsync(otherBlob, s_none);
        release.SetResult();
        var heldOutcome = await heldRun;

        var bOutcome = earlierFinishesFirst ? heldOutcome : otherOutcome;
        var aOutcome = earlierFinishesFirst ? otherOutcome : heldOutcome;
        Assert.Equal(IngestResult.Accepted, bOutcome.Result);
        Assert.Equal(
            earlierFinishesFirst ? IngestResult.Accepted : IngestResult.AcceptedButSuperseded,
            aOutcome.Result);
        var current = await pipeline.Records.GetCurrentAsync(Samples.Q2, "CSC", s_none);
        Assert.Equal(bOutcome.Submission!.Id, current!.SubmissionId);
        Assert.NotEqual(x.Submission!.Id, current.SubmissionId);

        // B's 65 figures, exactly as its file has them, and no row of A or X left in the table.
        var expected = Expected(bWorkbook, "b.xlsx");
        var stored = await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "CSC", s_none);
        Assert.Equal(expected, Figures(stored));
        Assert.Equal(PipelineHarness.RowsOfOneReturn(65), await pipeline.CountRowsAsync(Samples.Q2));
        var compiled = await pipeline.Compile.CompileAsync(Samples.Q2, s_none);
        Assert.Equal(
            expected,
            Figures(compiled.Report.Observations.Where(o => o.Period == Samples.Q2 && o.Agency == "CSC")));
    }

    [Fact]
    public async Task Run_UploadsInTheSameSecond_EveryProcessingOrderKeepsTheSameWinner()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        foreach (var (agency, reverse) in new[] { ("POL", false), ("EDU", true) })
        {
            var (first, second, arrivals) = await UploadInOneSecondAsync(pipeline, agency);
            var outcomes = new Dictionary<string, IngestOutcome>();
            foreach (var blob in reverse ? new[] { second, first } : [first, second])
            {
                outcomes[blob] = await pipeline.Ingest.RunAsync(blob, s_none);
            }

            // Both in one second: the documented order (second, then ETag, then name) decides.
            var last = arrivals.MaxBy(p => p.Value).Key;
            var current = await pipeline.Records.GetCurrentAsync(Samples.Q2, agency, s_none);
            Assert.Equal(outcomes[last].Submission!.Id, current!.SubmissionId);
            Assert.Equal(arrivals[last], current.Arrival);
        }
    }

    private static async Task<(string First, string Second, Dictionary<string, Arrival> Arrivals)>
        UploadInOneSecondAsync(PipelineHarness pipeline, string agency)
    {
        var one = TestWorkbook.Good(agency, seed: 5).ToStream().ToArray();
        var two = TestWorkbook.Good(agency, seed: 6).ToStream().ToArray();
        for (var attempt = 0; ; attempt++)
        {
            await PipelineHarness.NextSecondAsync();
            var first = await pipeline.UploadAsync(
                new MemoryStream(one),
                UploadPath.For(agency, Samples.Q2, $"one-{attempt}.xlsx"));
            var second = await pipeline.UploadAsync(
                new MemoryStream(two),
                UploadPath.For(agency, Samples.Q2, $"two-{attempt}.xlsx"));
            var arrivals = new Dictionary<string, Arrival>();
            foreach (var blob in new[] { first, second })
            {
                var properties = (
                    await pipeline.Blobs
                        .GetBlobContainerClient(pipeline.Names.Returns)
                        .GetBlobClient(blob)
                        .GetPropertiesAsync()).Value;
                arrivals[blob] = Arrival.Of(properties.LastModified, properties.ETag.ToString(), blob);
            }

            if (SecondOf(arrivals[first]) == SecondOf(arrivals[second]) || attempt == 4)
            {
                Assert.Equal(SecondOf(arrivals[first]), SecondOf(arrivals[second]));
                return (first, second, arrivals);
            }

            // A slow machine let the second upload slip into the next second: try again.
            foreach (var blob in new[] { first, second })
            {
                await pipeline.Blobs.GetBlobContainerClient(pipeline.Names.Returns).GetBlobClient(blob).DeleteAsync();
            }
        }

        static string SecondOf(Arrival arrival) => arrival.Key[..15];
    }

    [Fact]
    public async Task Run_SweepGivesUpALoadStillBeforeItsSwitch_RunFailsAndItsRetryStandsWhole()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var blob = await pipeline.UploadAsync(TestWorkbook.Good("CSC"), "CSC", Samples.Q2);
        var reached = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var held = await HeldAtSwitchAsync(pipeline, reached, release);
        var run = Task.Run(() => held.Ingest.RunAsync(blob, s_none));
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // The run has outlived the sweep's bound (a host that hung): the sweep gives its load up.
        pipeline.Clock.Advance(TimeSpan.FromMinutes(61));
        var swept = await pipeline.Cleanup.SweepAsync(s_none);
        release.SetResult();

        Assert.Equal(new SweepResult(1, PipelineHarness.RowsOfOneReturn(65), 1), swept);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Contains("given up by the sweep", error.Message, StringComparison.Ordinal);
        Assert.Null(await pipeline.Records.GetCurrentAsync(Samples.Q2, "CSC", s_none));
        Assert.Equal([blob], await pipeline.ListAsync(pipeline.Names.Returns));

        var retried = await held.Ingest.RunAsync(blob, s_none);

        Assert.Equal(IngestResult.Accepted, retried.Result);
        Assert.Equal(65, (await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "CSC", s_none)).Count);
        Assert.Equal(PipelineHarness.RowsOfOneReturn(65), await pipeline.CountRowsAsync(Samples.Q2));
    }

    /// <summary>A second host whose runs signal <paramref name="reached"/> at their switch and wait there for <paramref
    /// name="release"/>.</summary>
    private static Task<PipelineHarness> HeldAtSwitchAsync(
        PipelineHarness pipeline,
        TaskCompletionSource reached,
        TaskCompletionSource release) =>
        pipeline.AnotherInstanceAsync(s => s.AddSingleton<ISubmissionRecords>(sp =>
            new GatedRecords(ActivatorUtilities.CreateInstance<TableSubmissionRecords>(sp), _ =>
            {
                reached.TrySetResult();
                return release.Task;
            })));

    private static List<string> Expected(TestWorkbook workbook, string fileName)
    {
        var buffer = new ObservationBuffer();
        var validator = new ReturnValidator(Samples.Partnership);
        var result = validator.Validate(workbook.ToStream(), new ReturnContext("CSC", Samples.Q2, fileName), buffer);
        Assert.True(result.Report.IsAccepted);
        return Figures(buffer.Items);
    }

    private static List<string> Figures(IEnumerable<Observation> observations) =>
        observations
            .Select(o => $"{o.Indicator}|{o.Locality}|{o.Numerator}|{o.Denominator}|{o.Value}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
