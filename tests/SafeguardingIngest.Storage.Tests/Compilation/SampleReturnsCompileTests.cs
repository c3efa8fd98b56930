using SafeguardingIngest.Ingest;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Storage.Tests.Compilation;

/// <summary>
/// The sample returns README's tour points a newcomer to, uploaded and ingested as agencies would send them,
/// then their quarter compiled: what the validator accepts, the compile must be able to publish.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SampleReturnsCompileTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task CompileAsync_AfterEverySampleReturn_WritesTheReleaseWithTheCommentaryAsSent()
    {
        await using var pipeline = await PipelineHarness.StartAsync(azurite);
        var folder = Path.Combine(AppContext.BaseDirectory, "samples", "returns");
        var results = new Dictionary<string, IngestResult>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            await using var content = File.OpenRead(path);
            var blob = await pipeline.UploadAsync(content, UploadPath.For(name[..3], Samples.Q2, name));
            results[name] = (await pipeline.Ingest.RunAsync(blob, s_none)).Result;
        }

        var outcome = await pipeline.Compile.CompileAsync(Samples.Q2, s_none, notify: false);

        // The police's messy workbook and the health csv (its commentary carries a control character pasted
        // from another system) are accepted; the education return with formula errors is not.
        Assert.Equal(4, results.Count);
        Assert.Equal(IngestResult.Rejected, results["EDU-2025-26-Q2-formula-errors.xls"]);
        Assert.Equal(3, results.Values.Count(r => r != IngestResult.Rejected));
        Assert.False(outcome.Unchanged);
        var workbook = outcome.Files.Single(f => f.Name == XlsxReport.FileName);
        Assert.Contains("R\u00e9f\u00e9rence \u0013 missed appointments audit", Texts(workbook.Content));
    }

    private static List<string> Texts(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var spreadsheet = SpreadsheetOpener.Open(stream, ReaderLimits.Default).Spreadsheet!;
        var texts = new List<string>();
        for (var sheet = 0; sheet < spreadsheet.SheetNames.Count; sheet++)
        {
            using var cursor = spreadsheet.OpenSheet(sheet);
            while (cursor.Read())
            {
                for (var column = 0; column < cursor.FieldCount; column++)
                {
                    if (cursor[column].Text is { } text)
                    {
                        texts.Add(text);
                    }
                }
            }
        }

        return texts;
    }
}
