using System.Diagnostics;
using System.Globalization;
using SafeguardingIngest.Soak;
using SafeguardingIngest.Testing;

// dotnet run -c Release --project tests/SafeguardingIngest.Soak --
//   [--minutes N] [--seed S] [--agencies N] [--uploads N] [--faults PERCENT] [--crash [--kills PERCENT]]
// Runs soak rounds (seed S, S+1, ...) against an Azurite of its own until N minutes have passed;
// the first round that finds a problem prints its seed and every problem, and the exit code is 1.
// At the end it prints every step faulted (before and after reaching storage), and fails where a step
// the hosts take was never faulted both ways. With --crash the ingests run as child processes killed
// with SIGKILL at random requests instead (no injected faults), and it prints where the kills fell.
if (args.Length > 0 && args[0] == ChildIngest.Flag)
{
    return await ChildIngest.MainAsync(args);
}

var minutes = Option("--minutes", 1);
var seed = Option("--seed", Environment.TickCount & 0xFFFF);
var agencies = Option("--agencies", 6);
var uploads = Option("--uploads", 5);
var faults = Option("--faults", 3);
var crash = args.Contains("--crash");
var killRate = Option("--kills", 60);

await using var azurite = await AzuriteServer.StartAsync();
var clock = Stopwatch.StartNew();
var rounds = 0;
var requests = new Dictionary<string, int>(StringComparer.Ordinal);
var faulted = new Dictionary<string, int>(StringComparer.Ordinal);
var kills = new Dictionary<string, int>(StringComparer.Ordinal);
int sent = 0, overwrites = 0, sameContent = 0, sameName = 0, sameSecond = 0;
int ambiguous = 0, reads = 0, poisoned = 0, children = 0, runs = 0;
var versions = false;
var childTimes = new List<(TimeSpan StartUp, TimeSpan Lasted)>();
while (rounds == 0 || clock.Elapsed < TimeSpan.FromMinutes(minutes))
{
    var options = new SoakOptions(
        seed + rounds,
        Agencies: agencies,
        Periods: 2,
        UploadsPerAgency: uploads,
        MaxIndicators: crash ? 40 : 20,
        FaultRate: faults / 100.0);
    var report = crash
        ? await IngestSoak.RunCrashAsync(
            azurite.ConnectionString, options, new CrashOptions(KillRate: killRate / 100.0), CancellationToken.None)
        : await IngestSoak.RunAsync(azurite.ConnectionString, options, CancellationToken.None);
    rounds++;
    requests = IngestSoak.Merge([requests, report.Requests]);
    faulted = IngestSoak.Merge([faulted, report.Faulted]);
    kills = IngestSoak.Merge([kills, report.Kills]);
    sent += report.Uploads;
    overwrites += report.Kinds.GetValueOrDefault(UploadKind.Overwrite);
    sameContent += report.Kinds.GetValueOrDefault(UploadKind.SameContent);
    sameName += report.Kinds.GetValueOrDefault(UploadKind.SameContentSameName);
    (sameSecond, ambiguous, reads) = (
        sameSecond + report.SameSecond,
        ambiguous + report.Ambiguous,
        reads + report.Reads);
    (poisoned, children, runs) = (
        poisoned + report.Poisoned, children + report.Children, runs + report.Runs);
    versions = report.Versions;
    childTimes.AddRange(report.ChildTimes);
    Console.WriteLine($"round {rounds}, {clock.Elapsed:mm\\:ss}: {report}");
    if (!report.Passed)
    {
        var mode = crash ? " --crash" : string.Empty;
        Console.WriteLine(
            $"FAILED: replay with --seed {report.Seed} --agencies {agencies} --uploads {uploads} --faults " +
            $"{faults}{mode}");
        return 1;
    }
}

Console.WriteLine(
    $"in all: {sent} uploads ({overwrites} overwrites under an earlier name, {sameContent} same content under a new " +
    "name, " +
    $"{sameName} same content under its own name, " +
    (versions ? $"{sameSecond} same-second pairs" : "no same-second pairs: the storage keeps no blob versions") +
    $"), {ambiguous} agency quarters with an overwritten candidate, {poisoned} uploads poisoned and reconciled, " +
    $"{reads} reads checked never to go back");
if (crash)
{
    // Where the kills fell: the request each killed child had begun (its table or container named).
    var startUps = childTimes.Select(t => t.StartUp.TotalSeconds).Order().ToList();
    var lasted = childTimes.Select(t => t.Lasted.TotalSeconds).Order().ToList();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{children} child ingests; those that ran to their end took {Median(lasted):0.0} s (median), " +
        $"{Median(startUps):0.0} s of it starting up"));
    Console.WriteLine($"{kills.Values.Sum()} killed with SIGKILL at a random request; kills by the request begun:");
    foreach (var (step, count) in kills.OrderBy(k => k.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"  {step}: {count}");
    }

    Console.WriteLine(
        $"{rounds} crash rounds passed in {clock.Elapsed:mm\\:ss}: after every kill, the next ingest and a sweep " +
        "left each agency's winner whole and alone.");
    return 0;
}

// Every step the hosts took under faults, and how often it was failed before and after reaching storage.
Console.WriteLine("step: requests, faulted before, faulted after");
foreach (var step in requests.Keys.Union(IngestSoak.Steps).Order(StringComparer.Ordinal))
{
    var (before, after) = (faulted.GetValueOrDefault(step + " before"), faulted.GetValueOrDefault(step + " after"));
    Console.WriteLine($"  {step}: {requests.GetValueOrDefault(step)}, {before}, {after}");
}

var missed = IngestSoak.NeverFaulted(requests, faulted);
if (missed.Count > 0)
{
    Console.WriteLine($"FAILED: never faulted: {string.Join(", ", missed)}; run longer, or with more --faults");
    return 1;
}

Console.WriteLine(
    $"{rounds} rounds passed in {clock.Elapsed:mm\\:ss}, {runs} runs, every step faulted both before and after.");
return 0;

static double Median(List<double> sorted) => sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
