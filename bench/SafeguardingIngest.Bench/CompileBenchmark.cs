using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Storage;
using SafeguardingIngest.Testing;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Bench;

/// <summary>
/// Compile benchmark, at two sizes of one shape so the growth shows: 45 and then 180 agencies × 50 indicators ×
/// 10 localities × 8 quarters (180,000 and 720,000 observations), each seeded into an Azurite this process starts.
/// For each, a fresh process runs CompileQuarterlyReturn (read the eight quarters, compile, write the release) and
/// its peak working set is taken; then, in the same process, rounds that alternate the compile's read of the eight
/// quarters (TablePeriodReader) with the floor: a bare parallel query, with the Azure SDK, of the same key ranges
/// and properties, as many in flight. The ratio of the two is taken round by round.
/// </summary>
internal static class CompileBenchmark
{
    private const string PeakLine = "peak-working-set ";

    internal static ReportingPeriod Period { get; } = ReportingPeriod.Parse("2025-26 Q2");

    public static async Task RunAsync(int indicators, int localities, int rounds)
    {
        var peaks = new List<(int Observations, long Peak)>();
        foreach (var agencies in new[] { 45, 180 })
        {
            peaks.Add(await RunSizeAsync(agencies, indicators, localities, rounds));
        }

        var (small, large) = (peaks[0], peaks[1]);
        Console.WriteLine(
            $"peak working set at {small.Observations:N0} / {large.Observations:N0} observations: "
            + $"{small.Peak / 1e6:N0} / {large.Peak / 1e6:N0} MB, ratio {(double)large.Peak / small.Peak:0.00}"
            + "   (target <= 1.25, and under 512 MB)");
    }

    private static async Task<(int Observations, long Peak)> RunSizeAsync(
        int agencies, int indicators, int localities, int rounds)
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var json = PartnershipJson(agencies, indicators, localities);
        int rows;
        await using (var services = Services(azurite.ConnectionString))
        {
            var clock = Stopwatch.StartNew();
            await services.GetRequiredService<StorageLayout>().EnsureCreatedAsync(CancellationToken.None);
            using (var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
            {
                await services.GetRequiredService<IPartnershipSource>().PublishAsync(stream, CancellationToken.None);
            }

            rows = await SeedAsync(services, PartnershipReader.Parse(json));
            Console.WriteLine(
                $"{agencies} agencies × {indicators} indicators × {localities} localities × {Compiler.SeriesLength} "
                + $"quarters = {rows:N0} observations seeded into Azurite in {clock.Elapsed.TotalSeconds:N0} s");
        }

        // A fresh process, so its peak memory is the compile's alone.
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CompileBenchmark).Assembly.Location);
        }

        var rounded = rounds.ToString(CultureInfo.InvariantCulture);
        foreach (var argument in new[] { "compile-child", azurite.ConnectionString, rounded })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines.Where(l => !l.StartsWith(PeakLine, StringComparison.Ordinal)))
        {
            Console.WriteLine(line);
        }

        var peak = lines.Single(l => l.StartsWith(PeakLine, StringComparison.Ordinal))[PeakLine.Length..];
        return (rows, long.Parse(peak, CultureInfo.InvariantCulture));
    }

    public static async Task ChildAsync(string connection, int rounds)
    {
        await using var services = Services(connection);
        var compile = services.GetRequiredService<CompileQuarterlyReturn>();
        CompileOutcome outcome;
        (long Reading, long Compiling) stages;
        using (var sampler = new WorkingSetSampler(TimeSpan.FromMilliseconds(20)))
        {
            outcome = await compile.CompileAsync(Period, CancellationToken.None);
            stages = sampler.PeaksAround(outcome.ReadTime);
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        var ratio = outcome.CompileAndWriteTime.TotalSeconds / outcome.ReadTime.TotalSeconds;
        Console.WriteLine($"  compile: read the 8 quarters {outcome.ReadTime.TotalSeconds:N2} s "
            + $"({outcome.Report.Observations.Count:N0} observations), compile and write the release "
            + $"{outcome.CompileAndWriteTime.TotalSeconds:N2} s (ratio {ratio:0.00}); "
            + $"peak working set {peak / 1e6:N0} MB");
        Console.WriteLine($"  working set sampled every 20 ms, highest while reading {stages.Reading / 1e6:N0} MB, "
            + $"while compiling and writing {stages.Compiling / 1e6:N0} MB");

        // The read against its floor, alternating which goes first; the ratio per round is floor time / read time.
        var reader = services.GetRequiredService<IPeriodReader>();
        var floor = new Floor(services);
        var (reads, floors, ratios) = (new List<double>(), new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            var (first, second) = round % 2 == 0 ? (true, false) : (false, true);
            var times = new Dictionary<bool, double>();
            foreach (var isFloor in new[] { first, second })
            {
                var clock = Stopwatch.StartNew();
                var count = isFloor ? await floor.QueryAsync() : await ReadAsync(reader);
                times[isFloor] = clock.Elapsed.TotalSeconds;
                if (count != outcome.Report.Observations.Count && !isFloor)
                {
                    throw new InvalidOperationException($"The reader read {count} observations.");
                }
            }

            reads.Add(times[false]);
            floors.Add(times[true]);
            ratios.Add(times[true] / times[false]);
        }

        Console.WriteLine($"  {rounds} rounds, each the median (lowest to highest):");
        Console.WriteLine($"  floor: bare parallel key-range queries, Azure SDK : {Measure.Spread(floors, "N2")} s");
        Console.WriteLine($"  TablePeriodReader, the 8 quarters              : {Measure.Spread(reads, "N2")} s");
        Console.WriteLine($"  read at the floor (floor time / read time)     : {Measure.Spread(ratios, "0.00")}"
            + "   (target >= 0.90)");
        Console.WriteLine(PeakLine + peak.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<int> ReadAsync(IPeriodReader reader)
    {
        var read = await Task.WhenAll(
            Compiler.PeriodsNeeded(Period).Select(p => reader.ReadPeriodAsync(p, CancellationToken.None)));
        return read.Sum(d => d.Observations.Count);
    }

    /// <summary>
    /// The same key ranges (each agency's current load in each quarter) and properties the reader queries, with
    /// the SDK alone: no pointers read, nothing kept, as many in flight as the reader allows.
    /// </summary>
    private sealed class Floor(ServiceProvider services)
    {
        public async Task<int> QueryAsync()
        {
            var records = services.GetRequiredService<ISubmissionRecords>();
            var table = services.GetRequiredService<TableServiceClient>()
                .GetTableClient(services.GetRequiredService<StorageNames>().Observations);
            var ranges = new List<(string Partition, string Prefix)>();
            foreach (var period in Compiler.PeriodsNeeded(Period))
            {
                foreach (var pointer in await records.ListCurrentAsync(period, CancellationToken.None))
                {
                    ranges.Add((period.Key, TableKey.Join(pointer.Agency, pointer.LoadId) + TableKey.Separator));
                }
            }

            var rows = 0;
            var inFlight = services.GetRequiredService<StorageOptions>().ParallelQueries;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = inFlight };
            await Parallel.ForEachAsync(ranges, parallel, async (range, token) =>
            {
                var end = TableKey.After(range.Prefix);
                var filter = TableClient.CreateQueryFilter(
                    $"PartitionKey eq {range.Partition} and RowKey ge {range.Prefix} and RowKey lt {end}");
                var query = table.QueryAsync<TableEntity>(
                    filter, select: TablePeriodReader.RowProperties, cancellationToken: token);
                await foreach (var entity in query)
                {
                    Interlocked.Increment(ref rows);
                }
            });
            return rows;
        }
    }

    private static ServiceProvider Services(string connection) =>
        new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2025, 11, 15, 6, 0, 0, TimeSpan.Zero)))
            .AddSafeguardingIngest(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = connection,
                ["Storage:NamePrefix"] = "big",
                ["Storage:ParallelBatches"] = "8",
            }).Build())
            .BuildServiceProvider();

    private static async Task<int> SeedAsync(ServiceProvider services, Partnership partnership)
    {
        var records = services.GetRequiredService<ISubmissionRecords>();
        var writer = services.GetRequiredService<IRowWriter>();
        var random = new Random(11);
        var total = 0;
        foreach (var period in Compiler.PeriodsNeeded(Period))
        {
            await Parallel.ForEachAsync(
                partnership.Agencies,
                new ParallelOptions { MaxDegreeOfParallelism = 2 },
                async (agency, token) =>
            {
                var id = $"s{period.Key}{agency.Code}"
                    .Replace("-", string.Empty, StringComparison.Ordinal)
                    .ToLowerInvariant();
                List<Observation> observations;
                lock (random)
                {
                    observations = Observations(partnership, agency, period, random, 60);
                }

                var received = new DateTimeOffset(
                    period.DueDate(30).ToDateTime(new TimeOnly(9, 0)),
                    TimeSpan.Zero).AddDays(-3);
                var load = await records.StartLoadAsync(period, agency.Code, id, received, token);
                await writer.WriteRowsAsync(load, observations, [], [], token);
                await records.TrySaveAsync(new Submission
                {
                    Id = id, Agency = agency.Code, Period = period,
                    BlobName = $"{agency.Code}/{period.Key}/return.xlsx", Sha256 = id, Size = 1,
                    ReceivedAt = received, ProcessedAt = received, Status = ReturnStatus.Accepted,
                    Rows = observations.Count,
                    FeedbackPath = id, StoredAt = id, DueDate = period.DueDate(30), LoadId = load.Id,
                }, token);
                await records.TrySwitchAsync(load, null, received, Arrival.Of(received, id, id), received, token);
                Interlocked.Add(ref total, observations.Count);
            });
        }

        return total;
    }

    /// <summary>
    /// One agency's figures for a quarter: every indicator in every locality, numerators from 0 to
    /// <paramref name="below"/> − 1.
    /// </summary>
    internal static List<Observation> Observations(
        Partnership partnership,
        Agency agency,
        ReportingPeriod period,
        Random random,
        int below)
    {
        var observations = new List<Observation>();
        foreach (var indicator in partnership.Indicators)
        {
            foreach (var locality in partnership.Localities)
            {
                var numerator = (double)random.Next(0, below);
                var denominator = indicator.Unit switch
                {
                    IndicatorUnit.Count => (double?)null,
                    IndicatorUnit.RatePer10000 => 15_000,
                    _ => numerator + random.Next(1, 200),
                };
                var value = new Ratio(numerator, denominator ?? 0, 1).ValueFor(indicator.Unit) ?? 0;
                observations.Add(new Observation(
                    period,
                    agency.Code,
                    indicator.Code,
                    locality.Code,
                    numerator,
                    denominator,
                    value,
                    indicator.Unit,
                    null,
                    "Indicators!G2"));
            }
        }

        return observations;
    }

    internal static string PartnershipJson(int agencies, int indicators, int localities)
    {
        string[] units = ["count", "percentage", "ratePer10000", "average"];
        var agencyCodes = Enumerable.Range(0, agencies).Select(i => $"A{i:000}").ToArray();
        return JsonSerializer.Serialize(new
        {
            partnership = "Large benchmark partnership",
            returnsDueDays = 30,
            agencies = agencyCodes.Select(code => new { code, name = $"Agency {code}" }),
            localities = Enumerable.Range(0, localities)
                .Select(i => new { code = $"L{i:00}", name = $"Locality {i.ToString(CultureInfo.InvariantCulture)}" }),
            populations = Enumerable.Range(2023, 4)
                .SelectMany(
                    year =>
                        Enumerable.Range(0, localities)
                            .Select(
                                i =>
                                    new { locality = $"L{i:00}", year = new FinancialYear(
                                        year).ToString(), under18 = 15_000 })),
            indicators = Enumerable.Range(0, indicators).Select(i => new
            {
                code = $"K{i:00}",
                title = $"Benchmark indicator {i.ToString(CultureInfo.InvariantCulture)}",
                unit = units[i % units.Length],
                polarity = i % 3 == 0 ? "higherIsBetter" : "lowerIsBetter",
                agencies = agencyCodes,
                byLocality = true,
                cumulative = units[i % units.Length] == "count" && i % 2 == 0,
                targets = new Dictionary<string, double> { ["2025-26"] = 30 },
                tolerance = 10,
            }),
        });
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
