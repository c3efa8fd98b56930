using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Storage;
using SafeguardingIngest.Testing;

namespace SafeguardingIngest.Soak;

/// <summary>What one soak round did and found wrong (nothing, when it passes).</summary>
public sealed record SoakReport(
    int Seed,
    int Uploads,
    int Runs,
    int FailedRuns,
    int Faults,
    int Reads,
    IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;

    /// <summary>Requests that could fail while faults were armed, by step.</summary>
    public IReadOnlyDictionary<string, int> Requests { get; init; } = new Dictionary<string, int>();

    /// <summary>Faults injected, by step and "before" or "after".</summary>
    public IReadOnlyDictionary<string, int> Faulted { get; init; } = new Dictionary<string, int>();

    /// <summary>Uploads whose runs failed poisonBlobThreshold times, then found and run by the reconciler.</summary>
    public int Poisoned { get; init; }

    /// <summary>Uploads of each kind sent: overwrites, same content again, same content under its own name.</summary>
    public IReadOnlyDictionary<UploadKind, int> Kinds { get; init; } = new Dictionary<UploadKind, int>();

    /// <summary>Uploads sent in the same second as the one before (only where storage keeps blob versions).</summary>
    public int SameSecond { get; init; }

    /// <summary>Whether the storage kept blob versions, so same-second pairs could be sent.</summary>
    public bool Versions { get; init; }

    /// <summary>Agency quarters whose winner depended on whether an overwritten upload was read before it was
    /// replaced.</summary>
    public int Ambiguous { get; init; }

    /// <summary>In --crash rounds: children killed with SIGKILL, by the request each had begun.</summary>
    public IReadOnlyDictionary<string, int> Kills { get; init; } = new Dictionary<string, int>();

    /// <summary>In --crash rounds: child ingests started.</summary>
    public int Children { get; init; }

    /// <summary>In --crash rounds: of each child that ran to its end, its start-up and its whole time.</summary>
    public IReadOnlyList<(TimeSpan StartUp, TimeSpan Lasted)> ChildTimes { get; init; } = [];

    /// <summary>Times the clock jumped past the sweep's bound while uploads were still coming in.</summary>
    public int Jumps { get; init; }

    /// <summary>Runs stopped at their function timeout as the clock jumped past it (cancelled in process, killed as
    /// children).</summary>
    public int TimedOut { get; init; }

    public override string ToString()
    {
        var mix = $"{Kinds.GetValueOrDefault(UploadKind.Overwrite)} overwrites, " +
            $"{Kinds.GetValueOrDefault(UploadKind.SameContent)} same content again, " +
                  $"{Kinds.GetValueOrDefault(UploadKind.SameContentSameName)} same content under its own name, " +
                  (Versions ? $"{SameSecond} same-second pairs" : "no same-second pairs (no blob versions)");
        var runs = Children > 0
            ? $"{Children} child ingests ({Kills.Values.Sum()} killed with SIGKILL at a random request and " +
                $"{TimedOut} at their timeout, " +
              $"{FailedRuns - Kills.Values.Sum() - TimedOut} failed otherwise, "
            : $"{Runs} runs ({FailedRuns} failed and retried, {TimedOut} of them stopped at their timeout, {Faults} " +
                "injected faults, ";
        return $"seed {Seed}: {Uploads} uploads ({mix}), {runs}{Poisoned} poisoned and reconciled), {Jumps} clock " +
            "jumps past the sweep's bound, " +
               $"{Ambiguous} quarters with an overwritten candidate, {Reads} checked reads: " +
               (Passed ? "passed" : $"{Problems.Count} problems\n  " + string.Join("\n  ", Problems));
    }
}

/// <summary>
/// In --crash rounds: how often a child ingest is killed at a random request, how many run at once, and
/// the chance of a clock jump at each sweep (rarer than in process: a child takes a second or more to
/// start, and a jump stops every child of the moment at its timeout).
/// </summary>
public sealed record CrashOptions(double KillRate = 0.6, int Parallel = 3, double JumpChance = 0.005);

/// <summary>
/// Several agencies, each sending several uploads per quarter (new figures, new versions under an
/// earlier name, the same bytes again under a new name or its own), ingested by two hosts on one
/// storage account whose every request may fail (before it is done, or after, with the answer
/// lost), each run retried as the Functions host retries it up to its poison threshold, some
/// delivered twice; or, in a crash round, ingested by child processes killed with SIGKILL part-way.
/// Meanwhile a sweep runs, the clock sometimes jumped past its bound, and a reader checks that no
/// agency is ever seen with a mix of two returns, with nothing where a return stood, or with an
/// older upload than it showed before. Then one sweep and the reconciler, and the end state is
/// checked against the plan: for every agency and quarter the winner worked out from the order the
/// soak sent (<see cref="ExpectedWinner"/>) is current, whole, alone, and compiled as it was sent.
/// </summary>
public static class IngestSoak
{
    /// <summary>
    /// The host's poisonBlobThreshold (host.json): tries at one blob before it goes to the poison queue.
    /// </summary>
    private const int MaxTries = 5;

    /// <summary>Tries at the closing sweep, which runs under faults until it completes.</summary>
    private const int SweepTries = 60;

    /// <summary>Scheduled reconciler runs allowed before a poison message left over is a problem.</summary>
    private const int ReconcileRuns = 10;

    /// <summary>
    /// The rate a step is faulted at, each way, until it has been faulted that way once on a host: steps
    /// few requests take (a delete of one row after a transaction found one gone, a record saved over an
    /// earlier one) would otherwise often go a whole run unfaulted at the base rate.
    /// </summary>
    public const double FirstFaultRate = 0.25;

    /// <summary>
    /// Every step the hosts take in a round: the soak fails if one was never requested under faults,
    /// so a step cannot drop out of the check by no longer being reached.
    /// </summary>
    public static readonly IReadOnlyList<string> Steps =
    [
        "blob DELETE blob", "blob GET blob", "blob HEAD blob", "blob PUT blob",
        "table DELETE entity",
        "table GET entity",
        "table GET query",
        "table PATCH entity",
        "table POST $batch",
        "table POST entity",
        "table PUT entity",
    ];

    /// <summary>A round with two in-process hosts whose storage requests fail at random.</summary>
    public static Task<SoakReport> RunAsync(
        string connectionString, SoakOptions options, CancellationToken cancellationToken) =>
        RunRoundAsync(connectionString, options, null, cancellationToken);

    /// <summary>A round whose ingests run as child processes, killed with SIGKILL at random requests.</summary>
    public static Task<SoakReport> RunCrashAsync(
        string connectionString, SoakOptions options, CrashOptions crash, CancellationToken cancellationToken) =>
        RunRoundAsync(
            connectionString, options with { FaultRate = 0, JumpChance = crash.JumpChance }, crash, cancellationToken);

    private static async Task<SoakReport> RunRoundAsync(
        string connectionString, SoakOptions options, CrashOptions? crash, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        var plan = SoakPlan.Create(options, random);
        await using var first = await PipelineHarness.StartAsync(connectionString, null, null, plan.PartnershipJson);
        await using var second = await first.AnotherInstanceAsync();
        PipelineHarness[] hosts = crash is null ? [first, second] : [first];
        var problems = new ConcurrentQueue<string>();
        int runs = 0, failedRuns = 0, reads = 0, sameSecond = 0, children = 0;
        var kills = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var childTimes = new ConcurrentBag<(TimeSpan StartUp, TimeSpan Lasted)>();

        // The agencies upload with a client of their own, which never fails.
        var agencyClient = new BlobServiceClient(connectionString).GetBlobContainerClient(first.Names.Returns);
        var versions = await KeepsVersionsAsync(
            new BlobServiceClient(connectionString).GetBlobContainerClient(first.Names.Feedback),
            cancellationToken);

        // Every storage request of the hosts may fail: tables and blobs, reads and writes, before or after.
        foreach (var host in crash is null ? hosts : [])
        {
            host.Faults.Applies = _ => true;
            host.Faults.ArmRandom(random.Next(), options.FaultRate, options.FaultRate / 2, FirstFaultRate);
        }

        var poison = new QueueServiceClient(connectionString).GetQueueClient(first.Names.PoisonQueue);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var poisoned = new ConcurrentBag<string>();

        // The last upload of each agency's quarter whose sending has begun: a reader may see it from then on.
        var begun = new ConcurrentDictionary<(string Agency, ReportingPeriod Period), int>();
        using var stopSweeps = new CancellationTokenSource();
        using var stopReads = new CancellationTokenSource();
        var sweepSeed = random.Next();
        var reader = Task.Run(
            () => ReadMeanwhileAsync(
                first,
                plan,
                begun,
                problems,
                () => Interlocked.Increment(ref reads),
                stopReads.Token),
            CancellationToken.None);

        // Runs start under a gate the clock's jumps take. A jump past the sweep's bound first stops every run
        // started before it, as the Functions host stops a run at its function timeout, well inside that
        // bound (in-process runs have their invocation cancelled; child processes are killed), then waits a
        // moment for their last requests to land, as the bound's margin does. So no run is ever alive past
        // its bound: outside that contract a run could write rows after the sweep cleared its load.
        using var childSlots = new SemaphoreSlim(crash?.Parallel ?? 1);
        using var jumpGate = new SemaphoreSlim(1);
        var epoch = new CancellationTokenSource();
        var live = new ConcurrentDictionary<Task, byte>();
        int timedOut = 0, spanOfRun = 40, jumps = 0;
        async Task JumpAsync(Action jump)
        {
            await jumpGate.WaitAsync(CancellationToken.None);
            try
            {
                await epoch.CancelAsync();
                foreach (var run in live.Keys)
                {
                    await run.ContinueWith(_ => { }, TaskScheduler.Default);
                }

                await Task.Delay(500, CancellationToken.None);
                jump();
                jumps++;
                epoch.Dispose();
                epoch = new CancellationTokenSource();
            }
            finally
            {
                jumpGate.Release();
            }
        }

        async Task<T> UntilTimeoutAsync<T>(Func<CancellationToken, Task<T>> start)
        {
            Task<T> running;
            await jumpGate.WaitAsync(cancellationToken);
            try
            {
                running = start(epoch.Token);
                live[running] = 0;
            }
            finally
            {
                jumpGate.Release();
            }

            try
            {
                return await running;
            }
            finally
            {
                live.TryRemove(running, out _);
            }
        }

        async Task<bool> DeliverAsync(string name, Random own)
        {
            if (crash is null)
            {
                var host = hosts[own.Next(hosts.Length)];
                for (var attempt = 1; attempt <= MaxTries; attempt++)
                {
                    Interlocked.Increment(ref runs);
                    var invocation = CancellationToken.None;
                    try
                    {
                        await UntilTimeoutAsync(async timeout =>
                        {
                            invocation = timeout;
                            return await host.Ingest.RunAsync(name, timeout);
                        });
                        return true;
                    }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        // A run that throws (or was stopped at its timeout) is tried again, as the Functions host does.
                        Interlocked.Increment(ref failedRuns);
                        if (invocation.IsCancellationRequested)
                        {
                            Interlocked.Increment(ref timedOut);
                        }

                        await Task.Delay(20 * attempt, cancellationToken);
                    }
                }

                return false;
            }

            for (var attempt = 1; attempt <= MaxTries; attempt++)
            {
                // A kill as a random request of the run begins: anywhere from its first read to its last delete.
                int? killAt = own.NextDouble() < crash.KillRate ? own.Next(1, Volatile.Read(ref spanOfRun) + 1) : null;
                ChildResult child;
                await childSlots.WaitAsync(cancellationToken);
                try
                {
                    Interlocked.Increment(ref children);
                    child = await UntilTimeoutAsync(timeout =>
                        ChildIngest.RunAsync(
                            connectionString,
                            first.Names.Prefix,
                            first.Clock.GetUtcNow(),
                            name,
                            killAt,
                            timeout,
                            cancellationToken));
                }
                finally
                {
                    childSlots.Release();
                }

                if (child.Completed)
                {
                    childTimes.Add((child.StartUp, child.Lasted));
                    // The span kills are drawn from follows the longest run seen, so kills fall over the whole run.
                    InterlockedMax(ref spanOfRun, child.Requests);
                    return true;
                }

                Interlocked.Increment(ref failedRuns);
                if (child.TimedOut)
                {
                    Interlocked.Increment(ref timedOut);
                }
                else if (child.Killed)
                {
                    kills.AddOrUpdate(child.LastStep, 1, (_, n) => n + 1);
                }
                else if (child.Exit != ChildIngest.FailedExit)
                {
                    problems.Enqueue(
                        $"a child ingest of {name} ended with exit {child.Exit} after {child.LastStep}: {child.Error}");
                }

                await Task.Delay(20 * attempt, cancellationToken);
            }

            return false;
        }

        var sweeper = Task.Run(
            () => SweepMeanwhileAsync(hosts, new Random(sweepSeed), options.JumpChance, JumpAsync, stopSweeps.Token),
            CancellationToken.None);
        var deliveries = new ConcurrentBag<Task>();
        var senders = plan.Uploads.GroupBy(u => (u.Agency, u.Period)).Select(group =>
        {
            var seed = random.Next();
            return Task.Run(async () =>
            {
                var own = new Random(seed);
                foreach (var upload in group)
                {
                    // Each upload a second or more after the one before, so the order sent is the order of
                    // arrival on storage that orders by the second (Azurite keeps no blob versions); where
                    // versions are kept, some follow the one before within the second.
                    if (upload.SameSecond && versions)
                    {
                        Interlocked.Increment(ref sameSecond);
                    }
                    else
                    {
                        await Task.Delay(own.Next(options.MaxDelayMs), cancellationToken);
                        await PipelineHarness.NextSecondAsync();
                    }

                    begun[(upload.Agency, upload.Period)] = upload.Position;
                    var name = UploadPath.For(upload.Agency, upload.Period, upload.FileName);
                    await agencyClient.GetBlobClient(name).UploadAsync(
                        new BinaryData(upload.Content),
                        overwrite: true,
                        cancellationToken);

                    // The event reaches a host after a while; now and then it is delivered twice.
                    var copies = own.NextDouble() < 0.25 ? 2 : 1;
                    for (var copy = 0; copy < copies; copy++)
                    {
                        var delay = own.Next(options.MaxDelayMs);
                        var deliverySeed = own.Next();
                        deliveries.Add(Task.Run(async () =>
                        {
                            await Task.Delay(delay, cancellationToken);
                            if (!await DeliverAsync(name, new Random(deliverySeed)))
                            {
                                // The host's last try failed: it names the blob on the poison queue, as the Functions
                                // host does.
                                poisoned.Add(name);
                                await poison.SendMessageAsync(
                                    PoisonMessage(first.Names.Returns, name),
                                    cancellationToken);
                            }
                        }, cancellationToken));
                    }
                }
            }, cancellationToken);
        }).ToList();
        await Task.WhenAll(senders);
        await Task.WhenAll(deliveries);
        await stopSweeps.CancelAsync();
        await sweeper;
        epoch.Dispose();

        // One sweep, past the bound, still under faults and retried until it completes.
        first.Clock.Advance(TimeSpan.FromHours(2));
        await RetryAsync(() => first.Cleanup.SweepAsync(cancellationToken), cancellationToken);
        var faults = first.Faults.Injected + second.Faults.Injected;
        first.Faults.Disarm();
        second.Faults.Disarm();

        // The reconciler, run on its schedule, finds every upload the host gave up on and runs it; nothing
        // is left on the queue. One run takes at most 32 messages, so it runs until the queue is empty.
        for (var run = 0;
            run < ReconcileRuns && (await poison.PeekMessageAsync(cancellationToken)).Value is not null;
            run++)
        {
            await first.Get<ReconcileUploads>().RunAsync(cancellationToken);
        }

        if ((await poison.PeekMessageAsync(cancellationToken)).Value is { } left)
        {
            problems.Enqueue($"a poison message was left after {ReconcileRuns} reconciler runs: {left.Body}");
        }

        await stopReads.CancelAsync();
        await reader;
        await poison.DeleteIfExistsAsync(cancellationToken);
        var ambiguous = await CheckEndStateAsync(first, plan, problems, cancellationToken);
        return new SoakReport(
            options.Seed,
            plan.Uploads.Count,
            crash is null ? runs : children,
            failedRuns,
            faults,
            reads,
            [.. problems])
        {
            Requests = Merge(hosts.Select(h => h.Faults.Requests)),
            Faulted = Merge(hosts.Select(h => h.Faults.Faulted)),
            Poisoned = poisoned.Count,
            Kinds = plan.Uploads.GroupBy(u => u.Kind).ToDictionary(g => g.Key, g => g.Count()),
            SameSecond = sameSecond,
            Versions = versions,
            Ambiguous = ambiguous,
            Kills = new Dictionary<string, int>(kills, StringComparer.Ordinal),
            Children = children,
            ChildTimes = [.. childTimes],
            TimedOut = timedOut,
            Jumps = jumps,
        };
    }

    /// <summary>Adds up counters by key.</summary>
    public static Dictionary<string, int> Merge(IEnumerable<IReadOnlyDictionary<string, int>> counters)
    {
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, count) in counters.SelectMany(c => c))
        {
            total[key] = total.GetValueOrDefault(key) + count;
        }

        return total;
    }

    /// <summary>
    /// The steps never faulted, before a request and after it: each of <see cref="Steps"/> and each step
    /// requested must be, and a step of <see cref="Steps"/> never requested counts as never faulted.
    /// </summary>
    public static IReadOnlyList<string> NeverFaulted(
        IReadOnlyDictionary<string, int> requests, IReadOnlyDictionary<string, int> faulted) =>
        [
            .. requests.Keys.Union(Steps)
                .SelectMany(step => new[] { step + " before", step + " after" })
                .Where(k => !faulted.ContainsKey(k))
                .Order(StringComparer.Ordinal),
        ];

    private static string PoisonMessage(string container, string blob) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
        System.Text.Json.JsonSerializer.Serialize(
            new { Type = "BlobTrigger", BlobType = "BlockBlob", ContainerName = container, BlobName = blob })));

    /// <summary>Whether the account keeps blob versions: a probe write answers with a version id only then.</summary>
    private static async Task<bool> KeepsVersionsAsync(
        BlobContainerClient container,
        CancellationToken cancellationToken)
    {
        var probe = container.GetBlobClient("soak-version-probe");
        var info = (await probe.UploadAsync(BinaryData.FromString("probe"), overwrite: true, cancellationToken)).Value;
        await probe.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return !string.IsNullOrEmpty(info.VersionId);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    private static async Task RetryAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (RequestFailedException) when (attempt < SweepTries)
            {
                await Task.Delay(20, cancellationToken);
            }
        }
    }

    private static async Task SweepMeanwhileAsync(
        PipelineHarness[] hosts, Random random, double jumpChance, Func<Action, Task> jumpAsync, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(random.Next(100, 600), stop);

                // Now and then the clock jumps past the bound, as if the runs of the moment had hung: they
                // are stopped at their timeout, the sweep gives up their loads, and their retries must still
                // end well.
                if (random.NextDouble() < jumpChance)
                {
                    await jumpAsync(() => hosts[0].Clock.Advance(TimeSpan.FromMinutes(61)));
                }

                await hosts[random.Next(hosts.Length)].Cleanup.SweepAsync(CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (RequestFailedException)
            {
                // An injected fault: the next sweep goes on.
            }
        }
    }

    /// <summary>
    /// Reads every quarter over and over, as the compile reads it (<see
    /// cref="Compilation.IPeriodReader.ReadPeriodAsync"/>): each agency shows one whole accepted upload's figures; one
    /// whose return stood before the read is never missing; and an agency never shows an older upload than it showed in
    /// an earlier read, by the order the soak sent them. Figures sent more than once may stand for any of their
    /// sendings begun by the end of the read: the earliest of those not before the upload shown last is taken.
    /// </summary>
    private static async Task ReadMeanwhileAsync(
        PipelineHarness host,
        SoakPlan plan,
        ConcurrentDictionary<(string Agency, ReportingPeriod Period), int> begun,
        ConcurrentQueue<string> problems,
        Action counted,
        CancellationToken stop)
    {
        var accepted = plan.Uploads
            .Where(u => !u.Refused)
            .GroupBy(u => (u.Agency, u.Period))
            .ToDictionary(g => g.Key, g => g.ToList());
        var periods = plan.Uploads.Select(u => u.Period).Distinct().ToList();
        var shown = new Dictionary<(string Agency, ReportingPeriod Period), PlannedUpload>();
        while (!stop.IsCancellationRequested)
        {
            foreach (var period in periods)
            {
                try
                {
                    var before = await host.Records.ListCurrentAsync(period, CancellationToken.None);
                    var data = await host.Reader.ReadPeriodAsync(period, CancellationToken.None);
                    counted();
                    var seen = data.Observations
                        .GroupBy(o => o.Agency)
                        .ToDictionary(
                            g => g.Key,
                            g => SoakPlan.Signature(g.Select(o => (o.Indicator, o.Locality, o.Value))));
                    foreach (var (agency, signature) in seen)
                    {
                        // Which uploads it can be: those with these figures whose sending had begun by the end of the
                        // read.
                        var key = (agency, period);
                        var sentSoFar = begun.TryGetValue(key, out var position) ? position : -1;
                        var candidates = accepted.TryGetValue(key, out var whole)
                            ? whole.Where(u => u.Signature == signature && u.Position <= sentSoFar).ToList()
                            : [];
                        if (candidates.Count == 0)
                        {
                            problems.Enqueue(
                                $"a read of {period} showed {agency} with figures of no single accepted upload sent " +
                                $"so far (a mix): {signature}");
                            continue;
                        }

                        // The earliest of them at or after the one shown before: going back is when there is none.
                        var earlier = shown.GetValueOrDefault(key);
                        var upload = candidates.FirstOrDefault(u => earlier is null || u.Position >= earlier.Position);
                        if (upload is null)
                        {
                            problems.Enqueue(
                                $"a read of {period} showed {agency} going back to upload {candidates[^1].Position} " +
                                $"({candidates[^1].FileName}) after an earlier read showed upload " +
                                $"{earlier!.Position} ({earlier.FileName})");
                            continue;
                        }

                        shown[key] = upload;
                    }

                    foreach (var pointer in before.Where(p => !seen.ContainsKey(p.Agency)))
                    {
                        problems.Enqueue(
                            $"a read of {period} showed nothing for {pointer.Agency}, whose submission " +
                            $"{pointer.SubmissionId} was current before it");
                    }
                }
                catch (RequestFailedException)
                {
                    // An injected fault on a read: the reader's own caller would retry.
                }
                catch (InvalidOperationException)
                {
                    // Pointers that kept moving for the whole read: the caller retries.
                }
            }
        }
    }

    /// <summary>Checks the end state against the plan; returns the agency quarters whose winner had an overwritten
    /// candidate.</summary>
    private static async Task<int> CheckEndStateAsync(
        PipelineHarness host, SoakPlan plan, ConcurrentQueue<string> problems, CancellationToken cancellationToken)
    {
        var left = await host.ListAsync(host.Names.Returns);
        if (left.Count > 0)
        {
            problems.Enqueue($"uploads never processed: {string.Join(", ", left)}");
        }

        var open = await host.Records.ListOpenLoadsAsync(null, null, cancellationToken);
        foreach (var load in open)
        {
            problems.Enqueue(
                $"load {load.Id} of {load.Agency} for {load.Period} is still {load.State} after the sweep (started " +
                $"{load.StartedAt:O}, ended {load.EndedAt:O}, clock {host.Clock.GetUtcNow():O})");
        }

        var ambiguous = 0;
        var rows = host.Tables.GetTableClient(host.Names.Observations);
        foreach (var periodUploads in plan.Uploads.GroupBy(u => u.Period))
        {
            var period = periodUploads.Key;
            var keys = new List<string>();
            await foreach (var entity in rows.QueryAsync<TableEntity>(
                e => e.PartitionKey == period.Key,
                select: ["RowKey"],
                cancellationToken: cancellationToken))
            {
                keys.Add(entity.RowKey);
            }

            var expected = new List<string>();
            foreach (var agencyUploads in periodUploads.GroupBy(u => u.Agency))
            {
                var agency = agencyUploads.Key;

                // From the order the soak sent them in, a second or more apart: never the code's own arrival key.
                var sent = agencyUploads.OrderBy(u => u.Position).ToList();
                var winner = ExpectedWinner.Of(sent);
                ambiguous += winner.Ambiguous ? 1 : 0;
                var current = await host.Records.GetCurrentAsync(period, agency, cancellationToken);
                var own = keys
                    .Where(k => k.StartsWith(TableKey.Escape(agency) + TableKey.Separator, StringComparison.Ordinal))
                    .ToList();
                if (current is null)
                {
                    if (!winner.NothingAllowed)
                    {
                        problems.Enqueue(
                            $"{agency} {period}: nothing is current, but {Describe(winner.Definite!)} was sent after " +
                            "every other accepted upload and never replaced");
                    }
                    else if (own.Count > 0)
                    {
                        problems.Enqueue($"{agency} {period}: nothing is current, yet {own.Count} rows are stored");
                    }

                    continue;
                }

                var standing = winner.Match(current.SubmissionId);
                if (standing is null)
                {
                    var allowed = string.Join(
                        " or ",
                        winner.Overwritten.Append(winner.Definite).OfType<PlannedUpload>().Select(Describe));
                    problems.Enqueue(
                        $"{agency} {period}: submission {current.SubmissionId} is current, but by the order sent it " +
                        $"must be {(allowed.Length > 0 ? allowed : "nothing")}; sent: {Sequence(sent)}");
                    continue;
                }

                expected.Add(standing.Signature);
                var prefix = TableKey.Join(agency, current.LoadId) + TableKey.Separator;
                var figures = own.Count(k => k.StartsWith(prefix + "O" + TableKey.Separator, StringComparison.Ordinal));
                var record = await host.Records.FindAsync(period, agency, current.SubmissionId, cancellationToken);
                if (figures != standing.Figures.Count || record?.Rows != standing.Figures.Count)
                {
                    problems.Enqueue(
                        $"{agency} {period}: {figures} figures stored and " +
                        $"{record?.Rows.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no record"} " +
                        $"recorded for {Describe(standing)}, which has {standing.Figures.Count}; " +
                        $"sent: {Sequence(sent)}");
                }

                // What the next quarter's check on change reads: the load's packed figures, equal to its rows.
                var packed = await host.Reader.ReadCurrentValuesAsync(period, agency, cancellationToken);
                var unequal = standing.Figures
                    .Where(f => packed.Find(agency, f.Key.Indicator, f.Key.Locality, period) != f.Value)
                    .Select(f => $"{f.Key.Indicator} {f.Key.Locality}")
                    .ToList();
                if (packed.Count != standing.Figures.Count || unequal.Count > 0)
                {
                    problems.Enqueue(
                        $"{agency} {period}: {packed.Count} figures read for the check on change, where " +
                        $"{Describe(standing)} has {standing.Figures.Count}; " +
                        $"not as sent: {string.Join(", ", unequal)}");
                }

                var strays = own.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                if (strays.Count > 0)
                {
                    problems.Enqueue(
                        $"{agency} {period}: {strays.Count} rows of other loads remain, such as {strays[0]}; " +
                        $"{await LoadRecordAsync(host, period, strays[0])}");
                }
            }

            var compiled = await host.Compile.CompileAsync(period, cancellationToken);
            var got = compiled.Report.Observations.Where(o => o.Period == period).GroupBy(o => o.Agency)
                .Select(g => SoakPlan.Signature(g.Select(o => (o.Indicator, o.Locality, o.Value))))
                .Order(StringComparer.Ordinal);
            if (!got.SequenceEqual(expected.Order(StringComparer.Ordinal)))
            {
                problems.Enqueue(
                    $"the compiled return for {period} does not hold exactly the winning uploads' figures");
            }
        }

        return ambiguous;
    }

    /// <summary>The record of the load a stray row belongs to, as stored: for a report that says how it was
    /// left.</summary>
    private static async Task<string> LoadRecordAsync(PipelineHarness host, ReportingPeriod period, string rowKey)
    {
        var parts = TableKey.Split(rowKey);
        var key = TableKey.Join("load", parts[0], parts[1]);
        var stored = await host.Tables.GetTableClient(host.Names.Submissions).GetEntityIfExistsAsync<TableEntity>(
            period.Key,
            key);
        return stored.HasValue
            ? "its load record: " +
                string.Join(
                    ", ",
                    stored.Value!
                        .Where(p => p.Key is not ("PartitionKey" or "RowKey" or "odata.etag"))
                        .Select(p => $"{p.Key}={p.Value}"))
            : $"no load record {key}";
    }

    private static string Sequence(IEnumerable<PlannedUpload> sent) =>
        string.Join(
            ", ",
            sent.Select(
                u => $"{u.Position} {u.FileName} {u.Kind}{(u.Refused ? " refused" : string.Empty)} " +
                    $"{u.SubmissionId[..6]}"));

    private static string Describe(PlannedUpload upload) =>
        $"upload {upload.Position} ({upload.FileName}, {upload.Kind}, submission {upload.SubmissionId})";
}
