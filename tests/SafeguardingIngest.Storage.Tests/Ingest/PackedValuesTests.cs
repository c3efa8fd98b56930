using Azure.Data.Tables;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Storage.Tests.Ingest;

/// <summary>
/// An accepted return's figures are written once more, packed into a few rows, so that the next quarter's
/// check on change reads them in one request instead of a page for every thousand rows.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PackedValuesTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public void Pack_ManyFiguresWithLongCodes_SplitsIntoWholeFiguresThatUnpackAsGiven()
    {
        var values = Enumerable.Range(0, 20_000)
            .Select(i => new LoadValue($"Code ’{i % 300}’ {new string('x', 20)}", $"Locality {i}", (i * 0.37) - 5))
            .ToList();

        var chunks = PackedValues.Pack(values);

        Assert.True(chunks.Count > 10, $"{chunks.Count} chunks");
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, PackedValues.MaxChunkBytes));
        Assert.Equal(values, chunks.SelectMany(PackedValues.Unpack));
    }

    [Fact]
    public void Pack_NoFigures_GivesOneEmptyChunk()
    {
        var chunks = PackedValues.Pack([]);

        Assert.Empty(Assert.Single(chunks));
    }

    [Fact]
    public async Task ReadCurrentValues_AfterAnIngest_ReadsOnlyThePackedRows()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("CSC"), "CSC", Samples.Q2), s_none);
        var observations = await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "CSC", s_none);
        pipeline.Recorder.Enabled = true;

        var values = await pipeline.Reader.ReadCurrentValuesAsync(Samples.Q2, "CSC", s_none);

        pipeline.Recorder.Enabled = false;
        Assert.Equal(observations.Count, values.Count);
        Assert.All(observations, o => Assert.Equal(o.Value, values.Find("CSC", o.Indicator, o.Locality, Samples.Q2)));
        var rowReads = pipeline.Recorder.Requests
            .Where(r => r.Uri.AbsolutePath.Contains(pipeline.Names.Observations, StringComparison.Ordinal))
            .ToList();
        var read = Assert.Single(rowReads);
        Assert.Contains("$select=Values", Uri.UnescapeDataString(read.Uri.Query), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadCurrentValues_LoadWithoutPackedRows_ReadsItsObservationRows()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        await pipeline.Ingest.RunAsync(await pipeline.UploadAsync(TestWorkbook.Good("CSC"), "CSC", Samples.Q2), s_none);
        var observations = await pipeline.Reader.ReadCurrentObservationsAsync(Samples.Q2, "CSC", s_none);

        // A load written before figures were packed has none of these rows.
        var rows = pipeline.Tables.GetTableClient(pipeline.Names.Observations);
        var packed = await rows.QueryAsync<TableEntity>(e => e.PartitionKey == Samples.Q2.Key)
            .Where(e => e.GetString("Kind") == "values")
            .ToListAsync();
        Assert.NotEmpty(packed);
        foreach (var entity in packed)
        {
            await rows.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
        }

        var values = await pipeline.Reader.ReadCurrentValuesAsync(Samples.Q2, "CSC", s_none);

        Assert.Equal(observations.Count, values.Count);
        Assert.All(observations, o => Assert.Equal(o.Value, values.Find("CSC", o.Indicator, o.Locality, Samples.Q2)));
    }
}
