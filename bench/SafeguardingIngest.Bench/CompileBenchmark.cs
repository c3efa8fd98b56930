using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
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
/// Compile benchmark: a large partnership (by default 150 agencies × 60 indicators × 10 localities ×
/// 8 quarters, 720,000 observations) seeded into an Azurite this process starts; then, in a fresh
/// process, CompileQuarterlyReturn reads the eight quarters (the floor) and compiles and writes all
/// four reports, and that process's peak memory is taken.
/// </summary>
internal static class CompileBenchmark
{
    internal static ReportingPeriod Period { get; } = ReportingPeriod.Parse("2025-26 Q2");

    public static async Task RunAsync(int agencies, int indicators, int localities)
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var json = PartnershipJson(agencies, indicators, localities);
        await using (var services = Services(azurite.ConnectionString))
        {
            var clock = Stopwatch.StartNew();
            await services.GetRequiredService<StorageLayout>().EnsureCreatedAsync(CancellationToken.None);
            using (var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)))
            {
                await services.GetRequiredService<IPartnershipSource>().PublishAsync(stream, CancellationToken.None);
            }

            var rows = await SeedAsync(services, PartnershipReader.Parse(json));
            Console.WriteLine($"Compile benchmark: {agencies} agencies × {indicators} indicators × {localities} localities × {Compiler.SeriesLength} quarters = {rows:N0} observations seeded into Azurite in {clock.Elapsed.TotalSeconds:N0} s");
        }

        // A fresh process, so its peak memory is the compile's alone.
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CompileBenchmark).Assembly.Location);
        }

        foreach (var argument in new[] { "compile-child", azurite.ConnectionString })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        Console.Write(await child.StandardOutput.ReadToEndAsync());
        await child.WaitForExitAsync();
    }

    public static async Task ChildAsync(string connection)
    {
        await using var services = Services(connection);
        var compile = services.GetRequiredService<CompileQuarterlyReturn>();
        var outcome = await compile.CompileAsync(Period, CancellationToken.None);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var ratio = outcome.CompileAndWriteTime.TotalSeconds / outcome.ReadTime.TotalSeconds;
        Console.WriteLine($"read the 8 quarters from Azurite (the floor) : {outcome.ReadTime.TotalSeconds,8:N2} s ({outcome.Report.Observations.Count:N0} observations)");
        Console.WriteLine($"compile and write the four reports           : {outcome.CompileAndWriteTime.TotalSeconds,8:N2} s");
        Console.WriteLine($"ratio compile+write / read                   : {ratio,8:0.00}   (target <= 0.50)");
        Console.WriteLine($"peak working set of the compiling process    : {process.PeakWorkingSet64 / 1e6,8:N0} MB");
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
            await Parallel.ForEachAsync(partnership.Agencies, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (agency, token) =>
            {
                var id = $"s{period.Key}{agency.Code}".Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
                List<Observation> observations;
                lock (random)
                {
                    observations = Observations(partnership, agency, period, random, 60);
                }

                var received = new DateTimeOffset(period.DueDate(30).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero).AddDays(-3);
                var load = await records.StartLoadAsync(period, agency.Code, id, received, token);
                await writer.WriteRowsAsync(load, observations, [], [], token);
                await records.TrySaveAsync(new Submission
                {
                    Id = id, Agency = agency.Code, Period = period, BlobName = $"{agency.Code}/{period.Key}/return.xlsx", Sha256 = id, Size = 1,
                    ReceivedAt = received, ProcessedAt = received, Status = ReturnStatus.Accepted, Rows = observations.Count,
                    FeedbackPath = id, StoredAt = id, DueDate = period.DueDate(30), LoadId = load.Id,
                }, token);
                await records.TrySwitchAsync(load, null, received, Arrival.Of(received, id, id), received, token);
                Interlocked.Add(ref total, observations.Count);
            });
        }

        return total;
    }

    /// <summary>One agency's figures for a quarter: every indicator in every locality, numerators from 0 to <paramref name="below"/> − 1.</summary>
    internal static List<Observation> Observations(Partnership partnership, Agency agency, ReportingPeriod period, Random random, int below)
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
                observations.Add(new Observation(period, agency.Code, indicator.Code, locality.Code, numerator, denominator, value, indicator.Unit, null, "Indicators!G2"));
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
            localities = Enumerable.Range(0, localities).Select(i => new { code = $"L{i:00}", name = $"Locality {i.ToString(CultureInfo.InvariantCulture)}" }),
            populations = Enumerable.Range(2023, 4).SelectMany(year => Enumerable.Range(0, localities).Select(i => new { locality = $"L{i:00}", year = new FinancialYear(year).ToString(), under18 = 15_000 })),
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
