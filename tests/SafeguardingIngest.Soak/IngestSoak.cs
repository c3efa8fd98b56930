using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Storage;
using SafeguardingIngest.Testing;

namespace SafeguardingIngest.Soak;

/// <summary>What one soak round did and found wrong (nothing, when it passes).</summary>
public sealed record SoakReport(int Seed, int Uploads, int Runs, int FailedRuns, int Faults, int Reads, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;

    /// <summary>Requests that could fail while faults were armed, by step.</summary>
    public IReadOnlyDictionary<string, int> Requests { get; init; } = new Dictionary<string, int>();

    /// <summary>Faults injected, by step and "before" or "after".</summary>
    public IReadOnlyDictionary<string, int> Faulted { get; init; } = new Dictionary<string, int>();

    /// <summary>Uploads whose runs failed poisonBlobThreshold times, then found and run by the reconciler.</summary>
    public int Poisoned { get; init; }

    public override string ToString() =>
        $"seed {Seed}: {Uploads} uploads, {Runs} runs ({FailedRuns} failed and retried, {Faults} injected faults, " +
        $"{Poisoned} poisoned and reconciled), {Reads} checked reads: " +
        (Passed ? "passed" : $"{Problems.Count} problems\n  " + string.Join("\n  ", Problems));
}

/// <summary>
/// Several agencies, each sending several overlapping uploads per quarter, ingested by two hosts on
/// one storage account whose every request may fail (before it is done, or after, with the answer
/// lost), each run retried as the Functions host retries it, some delivered twice; a sweep running
/// meanwhile with the clock sometimes jumped past its bound; a reader checking that no agency is
/// ever seen with a mix of two returns, or with nothing. Then one sweep, and the end state is
/// checked against the plan: for every agency and quarter the last-arriving accepted upload is
/// current, whole, alone, and compiled as it was sent.
/// </summary>
public static class IngestSoak
{
    /// <summary>
    /// The host's poisonBlobThreshold (host.json): tries at one blob before it goes to the poison queue.
    /// </summary>
    private const int MaxTries = 5;

    /// <summary>Tries at the closing sweep, which runs under faults until it completes.</summary>
    private const int SweepTries = 60;

    public static async Task<SoakReport> RunAsync(string connectionString, SoakOptions options, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed);
        var plan = SoakPlan.Create(options, random);
        var settings = new Dictionary<string, string?> { ["Ingest:CompareWithPreviousQuarter"] = "false" };
        await using var first = await PipelineHarness.StartAsync(connectionString, settings, null, plan.PartnershipJson);
        await using var second = await first.AnotherInstanceAsync();
        PipelineHarness[] hosts = [first, second];
        var problems = new ConcurrentQueue<string>();
        var arrivals = new ConcurrentDictionary<PlannedUpload, Arrival>();
        int runs = 0, failedRuns = 0, reads = 0;

        // The agencies upload with a client of their own, which never fails.
        var agencyClient = new BlobServiceClient(connectionString).GetBlobContainerClient(first.Names.Returns);
        // Every storage request of the hosts may fail: tables and blobs, reads and writes, before or after.
        foreach (var host in hosts)
        {
            host.Faults.Applies = _ => true;
            host.Faults.ArmRandom(random.Next(), options.FaultRate, options.FaultRate / 2);
        }

        var poison = new QueueServiceClient(connectionString).GetQueueClient(first.Names.PoisonQueue);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var poisoned = new ConcurrentBag<string>();

        using var stop = new CancellationTokenSource();
        var sweeper = Task.Run(() => SweepMeanwhileAsync(hosts, new Random(random.Next()), stop.Token), CancellationToken.None);
        var reader = Task.Run(() => ReadMeanwhileAsync(first, plan, problems, () => Interlocked.Increment(ref reads), stop.Token), CancellationToken.None);

        var deliveries = new ConcurrentBag<Task>();
        var senders = plan.Uploads.GroupBy(u => (u.Agency, u.Period)).Select(group =>
        {
            var seed = random.Next();
            return Task.Run(async () =>
            {
                var own = new Random(seed);
                foreach (var upload in group)
                {
                    // Each upload a second or more after the one before, so the order sent is the order of arrival
                    // (Azurite keeps no blob versions: a second is the finest it orders by).
                    await Task.Delay(own.Next(options.MaxDelayMs), cancellationToken);
                    await PipelineHarness.NextSecondAsync();
                    var name = UploadPath.For(upload.Agency, upload.Period, upload.FileName);
                    var info = (await agencyClient.GetBlobClient(name).UploadAsync(new BinaryData(upload.Content), cancellationToken)).Value;
                    arrivals[upload] = Arrival.Of(info.LastModified, info.ETag.ToString(), name);

                    // The event reaches one host after a while; now and then it is delivered twice.
                    var copies = own.NextDouble() < 0.25 ? 2 : 1;
                    for (var copy = 0; copy < copies; copy++)
                    {
                        var host = hosts[own.Next(hosts.Length)];
                        var delay = own.Next(options.MaxDelayMs);
                        deliveries.Add(Task.Run(async () =>
                        {
                            await Task.Delay(delay, cancellationToken);
                            if (!await DeliverAsync(host, name, () => Interlocked.Increment(ref runs), () => Interlocked.Increment(ref failedRuns), cancellationToken))
                            {
                                // The host's last try failed: it names the blob on the poison queue, as the Functions host does.
                                poisoned.Add(name);
                                await poison.SendMessageAsync(PoisonMessage(first.Names.Returns, name), cancellationToken);
                            }
                        }, cancellationToken));
                    }
                }
            }, cancellationToken);
        }).ToList();
        await Task.WhenAll(senders);
        await Task.WhenAll(deliveries);
        await stop.CancelAsync();
        await Task.WhenAll(sweeper, reader);

        // One sweep, past the bound, still under faults and retried until it completes.
        first.Clock.Advance(TimeSpan.FromHours(2));
        await RetryAsync(() => first.Cleanup.SweepAsync(cancellationToken), cancellationToken);
        var faults = first.Faults.Injected + second.Faults.Injected;
        first.Faults.Disarm();
        second.Faults.Disarm();

        // The reconciler finds every upload the host gave up on and runs it; nothing is left on the queue.
        await first.Get<ReconcileUploads>().RunAsync(cancellationToken);
        if ((await poison.PeekMessageAsync(cancellationToken)).Value is { } left)
        {
            problems.Enqueue($"a poison message was left after the reconciler ran: {left.Body}");
        }

        await poison.DeleteIfExistsAsync(cancellationToken);
        await CheckEndStateAsync(first, plan, arrivals, problems, cancellationToken);
        return new SoakReport(options.Seed, plan.Uploads.Count, runs, failedRuns, faults, reads, [.. problems])
        {
            Requests = Merge(hosts.Select(h => h.Faults.Requests)),
            Faulted = Merge(hosts.Select(h => h.Faults.Faulted)),
            Poisoned = poisoned.Count,
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

    /// <summary>The steps requested but never faulted, both before a request and after it: each must be.</summary>
    public static IReadOnlyList<string> NeverFaulted(IReadOnlyDictionary<string, int> requests, IReadOnlyDictionary<string, int> faulted) =>
        [.. requests.Keys.SelectMany(step => new[] { step + " before", step + " after" }).Where(k => !faulted.ContainsKey(k)).Order(StringComparer.Ordinal)];

    private static string PoisonMessage(string container, string blob) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
        System.Text.Json.JsonSerializer.Serialize(new { Type = "BlobTrigger", BlobType = "BlockBlob", ContainerName = container, BlobName = blob })));

    /// <summary>Runs IngestReturn on one blob as the Functions host does: a run that throws is tried again.</summary>
    private static async Task<bool> DeliverAsync(PipelineHarness host, string blob, Action ran, Action failed, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxTries; attempt++)
        {
            ran();
            try
            {
                await host.Ingest.RunAsync(blob, cancellationToken);
                return true;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                failed();
                await Task.Delay(20 * Math.Min(attempt, 10), cancellationToken);
            }
        }

        return false;
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

    private static async Task SweepMeanwhileAsync(PipelineHarness[] hosts, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(random.Next(100, 600), stop);

                // Now and then the clock jumps past the bound, as if a run had hung: its load is given
                // up, its switch then refused, and its retry must still end well.
                if (random.NextDouble() < 0.2)
                {
                    hosts[0].Clock.Advance(TimeSpan.FromMinutes(61));
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

    /// <summary>Reads every quarter over and over: each agency shows one whole upload's figures, and one whose return stood before the read is never missing.</summary>
    private static async Task ReadMeanwhileAsync(PipelineHarness host, SoakPlan plan, ConcurrentQueue<string> problems, Action counted, CancellationToken stop)
    {
        var accepted = plan.Uploads.Where(u => !u.Refused).GroupBy(u => (u.Agency, u.Period)).ToDictionary(g => g.Key, g => g.Select(u => u.Signature).ToHashSet());
        var periods = plan.Uploads.Select(u => u.Period).Distinct().ToList();
        while (!stop.IsCancellationRequested)
        {
            foreach (var period in periods)
            {
                try
                {
                    var before = await host.Records.ListCurrentAsync(period, CancellationToken.None);
                    var data = await host.Reader.ReadPeriodAsync(period, CancellationToken.None);
                    counted();
                    var seen = data.Observations.GroupBy(o => o.Agency).ToDictionary(g => g.Key, g => SoakPlan.Signature(g.Select(o => (o.Indicator, o.Locality, o.Value))));
                    foreach (var (agency, signature) in seen)
                    {
                        if (!accepted.TryGetValue((agency, period), out var whole) || !whole.Contains(signature))
                        {
                            problems.Enqueue($"a read of {period} showed {agency} with figures of no single accepted upload (a mix): {signature}");
                        }
                    }

                    foreach (var pointer in before.Where(p => !seen.ContainsKey(p.Agency)))
                    {
                        problems.Enqueue($"a read of {period} showed nothing for {pointer.Agency}, whose submission {pointer.SubmissionId} was current before it");
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

    private static async Task CheckEndStateAsync(PipelineHarness host, SoakPlan plan, ConcurrentDictionary<PlannedUpload, Arrival> arrivals, ConcurrentQueue<string> problems, CancellationToken cancellationToken)
    {
        var left = await host.ListAsync(host.Names.Returns);
        if (left.Count > 0)
        {
            problems.Enqueue($"uploads never processed: {string.Join(", ", left)}");
        }

        var open = await host.Records.ListOpenLoadsAsync(null, null, cancellationToken);
        foreach (var load in open)
        {
            problems.Enqueue($"load {load.Id} of {load.Agency} for {load.Period} is still {load.State} after the sweep (started {load.StartedAt:O}, ended {load.EndedAt:O}, clock {host.Clock.GetUtcNow():O})");
        }

        var rows = host.Tables.GetTableClient(host.Names.Observations);
        foreach (var periodUploads in plan.Uploads.GroupBy(u => u.Period))
        {
            var period = periodUploads.Key;
            var keys = new List<string>();
            await foreach (var entity in rows.QueryAsync<TableEntity>(e => e.PartitionKey == period.Key, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                keys.Add(entity.RowKey);
            }

            var expected = new List<string>();
            foreach (var agencyUploads in periodUploads.GroupBy(u => u.Agency))
            {
                var agency = agencyUploads.Key;
                // The order the soak sent them in, a second or more apart: never the code's own arrival key.
                var winner = agencyUploads.Where(u => !u.Refused).LastOrDefault();
                var current = await host.Records.GetCurrentAsync(period, agency, cancellationToken);
                var own = keys.Where(k => k.StartsWith(TableKey.Escape(agency) + TableKey.Separator, StringComparison.Ordinal)).ToList();
                if (winner is null)
                {
                    if (current is not null || own.Count > 0)
                    {
                        problems.Enqueue($"{agency} {period}: every upload was refused, yet {current?.SubmissionId ?? "no submission"} is current with {own.Count} rows stored");
                    }

                    continue;
                }

                expected.Add(winner.Signature);
                if (current?.SubmissionId != winner.SubmissionId)
                {
                    problems.Enqueue($"{agency} {period}: {current?.SubmissionId ?? "nothing"} is current, but the last accepted upload to arrive was {winner.FileName} ({winner.SubmissionId}, {arrivals[winner]})");
                    continue;
                }

                var prefix = TableKey.Join(agency, current.LoadId) + TableKey.Separator;
                var figures = own.Count(k => k.StartsWith(prefix + "O" + TableKey.Separator, StringComparison.Ordinal));
                var record = await host.Records.FindAsync(period, agency, current.SubmissionId, cancellationToken);
                if (figures != winner.Figures.Count || record?.Rows != winner.Figures.Count)
                {
                    problems.Enqueue($"{agency} {period}: {figures} figures stored and {record?.Rows} recorded for {winner.FileName}, which has {winner.Figures.Count}");
                }

                var strays = own.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
                if (strays.Count > 0)
                {
                    problems.Enqueue($"{agency} {period}: {strays.Count} rows of other loads remain, such as {strays[0]}");
                }
            }

            var compiled = await host.Compile.CompileAsync(period, cancellationToken);
            var got = compiled.Report.Observations.Where(o => o.Period == period).GroupBy(o => o.Agency)
                .Select(g => SoakPlan.Signature(g.Select(o => (o.Indicator, o.Locality, o.Value)))).Order(StringComparer.Ordinal);
            if (!got.SequenceEqual(expected.Order(StringComparer.Ordinal)))
            {
                problems.Enqueue($"the compiled return for {period} does not hold exactly the winning uploads' figures");
            }
        }
    }
}
