using System.Diagnostics;
using System.Globalization;
using SafeguardingIngest.Soak;
using SafeguardingIngest.Testing;

// dotnet run -c Release --project tests/SafeguardingIngest.Soak -- [--minutes N] [--seed S] [--agencies N] [--uploads N] [--faults PERCENT]
// Runs soak rounds (seed S, S+1, ...) against an Azurite of its own until N minutes have passed;
// the first round that finds a problem prints its seed and every problem, and the exit code is 1.
// At the end it prints every step faulted (before and after reaching storage), and fails where a step
// the hosts took was never faulted both ways.
var minutes = Option("--minutes", 1);
var seed = Option("--seed", Environment.TickCount & 0xFFFF);
var agencies = Option("--agencies", 6);
var uploads = Option("--uploads", 5);
var faults = Option("--faults", 3);

await using var azurite = await AzuriteServer.StartAsync();
var clock = Stopwatch.StartNew();
var rounds = 0;
var requests = new Dictionary<string, int>(StringComparer.Ordinal);
var faulted = new Dictionary<string, int>(StringComparer.Ordinal);
while (rounds == 0 || clock.Elapsed < TimeSpan.FromMinutes(minutes))
{
    var options = new SoakOptions(seed + rounds, Agencies: agencies, Periods: 2, UploadsPerAgency: uploads, MaxIndicators: 20, FaultRate: faults / 100.0);
    var report = await IngestSoak.RunAsync(azurite.ConnectionString, options, CancellationToken.None);
    rounds++;
    requests = IngestSoak.Merge([requests, report.Requests]);
    faulted = IngestSoak.Merge([faulted, report.Faulted]);
    Console.WriteLine($"round {rounds}, {clock.Elapsed:mm\\:ss}: {report}");
    if (!report.Passed)
    {
        Console.WriteLine($"FAILED: replay with --seed {report.Seed} --agencies {agencies} --uploads {uploads} --faults {faults}");
        return 1;
    }
}

// Every step the hosts took under faults, and how often it was failed before and after reaching storage.
Console.WriteLine("step: requests, faulted before, faulted after");
foreach (var (step, count) in requests.OrderBy(r => r.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {step}: {count}, {faulted.GetValueOrDefault(step + " before")}, {faulted.GetValueOrDefault(step + " after")}");
}

var missed = IngestSoak.NeverFaulted(requests, faulted);
if (missed.Count > 0)
{
    Console.WriteLine($"FAILED: never faulted: {string.Join(", ", missed)}; run longer, or with more --faults");
    return 1;
}

Console.WriteLine($"{rounds} rounds passed in {clock.Elapsed:mm\\:ss}, every step faulted both before and after.");
return 0;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
