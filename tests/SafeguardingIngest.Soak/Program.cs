using System.Diagnostics;
using System.Globalization;
using SafeguardingIngest.Soak;
using SafeguardingIngest.Testing;

// dotnet run -c Release --project tests/SafeguardingIngest.Soak -- [--minutes N] [--seed S] [--agencies N] [--uploads N] [--faults PERCENT]
// Runs soak rounds (seed S, S+1, ...) against an Azurite of its own until N minutes have passed;
// the first round that finds a problem prints its seed and every problem, and the exit code is 1.
var minutes = Option("--minutes", 1);
var seed = Option("--seed", Environment.TickCount & 0xFFFF);
var agencies = Option("--agencies", 6);
var uploads = Option("--uploads", 5);
var faults = Option("--faults", 3);

await using var azurite = await AzuriteServer.StartAsync();
var clock = Stopwatch.StartNew();
var rounds = 0;
while (rounds == 0 || clock.Elapsed < TimeSpan.FromMinutes(minutes))
{
    var options = new SoakOptions(seed + rounds, Agencies: agencies, Periods: 2, UploadsPerAgency: uploads, MaxIndicators: 20, FaultRate: faults / 100.0);
    var report = await IngestSoak.RunAsync(azurite.ConnectionString, options, CancellationToken.None);
    rounds++;
    Console.WriteLine($"round {rounds}, {clock.Elapsed:mm\\:ss}: {report}");
    if (!report.Passed)
    {
        Console.WriteLine($"FAILED: replay with --seed {report.Seed} --agencies {agencies} --uploads {uploads} --faults {faults}");
        return 1;
    }
}

Console.WriteLine($"{rounds} rounds passed in {clock.Elapsed:mm\\:ss}.");
return 0;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
