using System.Text;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Storage.Tests.Ingest;

/// <summary>What reaches Table Storage: transactions within the service's limits, and nothing personal.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RowPayloadTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task Run_LongNonAsciiCommentaryOnEveryRow_EveryTransactionStaysUnderFourMebibytes()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);

        // Commentary near the 32,767-character cell limit, almost all of it characters of three bytes in
        // UTF-8 (’ and –; a JSON writer may even escape them to six): about 84 KB a row once clipped to
        // 30,000 characters, so 100 rows, or a count of two bytes a character, would pass 4 MiB.
        var commentary = string.Concat(Enumerable.Repeat("’–’–’–’–’–’–’–’é ", 1900));
        Assert.InRange(commentary.Length, 31_000, 32_767);
        var workbook = TestWorkbook.Good("CSC");
        for (var row = 2; row <= 66; row++)
        {
            workbook.Set("Indicators", $"H{row}", commentary);
        }

        var blob = await pipeline.UploadAsync(workbook, "CSC", Samples.Q2);
        pipeline.Recorder.Enabled = true;

        var outcome = await pipeline.Ingest.RunAsync(blob, s_none);

        pipeline.Recorder.Enabled = false;
        Assert.Equal(IngestResult.Accepted, outcome.Result);
        var batches = pipeline.Recorder.Requests
            .Where(r => r.Uri.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal) && r.Body.Length > 100_000)
            .ToList();
        Assert.True(batches.Count >= 2, $"{batches.Count} large transactions");
        Assert.All(
            batches,
            b => Assert.True(b.Body.Length <= 4 * 1024 * 1024, $"a transaction of {b.Body.Length:N0} bytes"));
        var stored = await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "CSC", s_none);
        Assert.Equal(65, stored.Count);
        Assert.All(stored, o => Assert.Equal(commentary[..30_000], o.Commentary));
    }

    [Fact]
    public async Task Run_NhsNumberInACommentaryCell_IsRefusedAndTheNumberNeverReachesTableStorage()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);

        // 401 000 0007 has a valid modulus 11 check digit (4×10 + 1×8 = 48; 11 − 48 mod 11 = 7).
        var workbook = TestWorkbook.Good("CSC").Set(
            "Indicators",
            "H3",
            "Child 401 000 0007 moved to a plan this quarter");
        var blob = await pipeline.UploadAsync(workbook, "CSC", Samples.Q2);
        pipeline.Recorder.Enabled = true;

        var outcome = await pipeline.Ingest.RunAsync(blob, s_none);

        pipeline.Recorder.Enabled = false;
        Assert.Equal(IngestResult.Rejected, outcome.Result);
        Assert.Contains(outcome.Report!.Findings, f => f.Code == "personal-data" && f.Cell == "H3");
        // Rows of the other 64 figures went out while the file was read (and were removed); none carried the number.
        var tableRequests = pipeline.Recorder.Requests.Where(r => r.Uri.Port == pipeline.Tables.Uri.Port).ToList();
        Assert.Contains(
            tableRequests,
            r => r.Uri.AbsolutePath.EndsWith("$batch", StringComparison.Ordinal) && r.Body.Length > 0);
        Assert.All(
            tableRequests,
            r => Assert.DoesNotContain("401 000 0007", Encoding.UTF8.GetString(r.Body), StringComparison.Ordinal));
        Assert.Equal(0, await pipeline.CountRowsAsync(Samples.Q2));
    }
}
