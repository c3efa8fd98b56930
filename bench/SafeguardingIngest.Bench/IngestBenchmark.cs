using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Storage;
using SafeguardingIngest.Templates;
using SafeguardingIngest.Testing;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Bench;

/// <summary>
/// Ingest benchmark: IngestReturn on a generated return into an Azurite this process starts,
/// alternating in one run with a bare batched upsert of the same entities through
/// Azure.Data.Tables (100-entity transactions, the same number in flight): the floor of what
/// storage allows on this machine.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task RunAsync(int rows, int rounds)
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:NamePrefix"] = "bench",
            ["Limits:MaxRows"] = (rows + 10).ToString(CultureInfo.InvariantCulture),
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSafeguardingIngest(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<StorageLayout>().EnsureCreatedAsync(CancellationToken.None);
        using (var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(BenchPartnership.Json(rows))))
        {
            await services.GetRequiredService<IPartnershipSource>().PublishAsync(json, CancellationToken.None);
        }

        var partnership = await services.GetRequiredService<IPartnershipSource>().GetAsync(CancellationToken.None);
        var files = services.GetRequiredService<IReturnFiles>();
        var ingest = services.GetRequiredService<IngestReturn>();
        var options = services.GetRequiredService<StorageOptions>();
        var bareTable = services.GetRequiredService<TableServiceClient>().GetTableClient("benchBareUpsert");
        await bareTable.CreateIfNotExistsAsync();

        Console.WriteLine(
            $"Ingest benchmark: {rows:N0}-row return into Azurite, {options.ParallelBatches} transactions of 100 in " +
            $"flight; {rounds} alternating rounds after one warm-up, medians shown");
        var ingestRates = new List<double>();
        var bareRates = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            // Each round reports on a quarter of its own, so neither side pays for another round's rows.
            var period = new ReportingPeriod(2025 + (round / 4), (round % 4) + 1);
            var blank = ReturnTemplate.For(partnership, partnership.FindAgency(BenchPartnership.Agency)!, period);
            var document = SampleFigures.Fill(
                blank with { Rows = blank.Rows.Take(rows).ToList() },
                partnership,
                seed: round);
            using var content = new MemoryStream();
            ReturnWorkbookWriter.Write(content, document, partnership);
            content.Position = 0;
            var blob = UploadPath.For(BenchPartnership.Agency, period, "bench.xlsx");
            await files.UploadAsync(blob, content, CancellationToken.None);

            var observations = new ObservationBuffer();
            content.Position = 0;
            new ReturnValidator(partnership, Reading.ReaderLimits.Default with { MaxRows = rows + 10 })
                .Validate(content, new ReturnContext(BenchPartnership.Agency, period), observations);

            var runIngestFirst = round % 2 == 0;
            for (var side = 0; side < 2; side++)
            {
                var clock = Stopwatch.StartNew();
                if ((side == 0) == runIngestFirst)
                {
                    var outcome = await ingest.RunAsync(blob, CancellationToken.None);
                    clock.Stop();
                    if (outcome.Result is not (IngestResult.Accepted or IngestResult.AcceptedWithWarnings) ||
                        outcome.Submission!.Rows != rows)
                    {
                        throw new InvalidOperationException(
                            $"The benchmark return was not accepted whole: {outcome.Message}");
                    }

                    if (round > 0)
                    {
                        ingestRates.Add(rows / clock.Elapsed.TotalSeconds);
                    }
                }
                else
                {
                    // The same rows IngestReturn writes, built from the same observations, as any writer must.
                    var entities = observations.Items
                        .Select(o => RowEntities.Observation(period.Key, $"bare{round}", $"bare{round}", o))
                        .ToList();
                    await BareUpsertAsync(bareTable, entities, options.ParallelBatches);
                    clock.Stop();
                    if (round > 0)
                    {
                        bareRates.Add(entities.Count / clock.Elapsed.TotalSeconds);
                    }
                }
            }
        }

        // Each round runs both sides back to back, so its ratio is the fairest pairing on a noisy machine.
        var ratios = ingestRates.Zip(bareRates, (i, b) => i / b).ToList();
        Console.WriteLine($"bare batched upsert (Azure.Data.Tables)   : {Measure.Median(bareRates),9:N0} rows/s");
        Console.WriteLine(
            $"IngestReturn (read, validate, write, switch, feedback, archive): {Measure.Median(ingestRates),9:N0} " +
            "rows/s");
        Console.WriteLine(
            "ratio per round                           : " +
            $"{string.Join(" ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}");
        Console.WriteLine(
            $"ratio IngestReturn / bare upsert (median) : {Measure.Median(ratios),9:0.00}   (target >= 0.80)");
    }

    private static async Task BareUpsertAsync(TableClient table, List<TableEntity> entities, int parallel)
    {
        var batches = entities
            .Chunk(100)
            .Select(
                chunk =>
                    chunk
                        .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
                        .ToList());
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (batch, token) => await table.SubmitTransactionAsync(batch, token));
    }
}
