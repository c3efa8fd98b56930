using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SafeguardingIngest.Testing;

/// <summary>
/// Fails storage requests on demand, as a lost connection or a storage outage would: armed with a
/// count of requests to let through and a count to fail (before they leave the client), or at
/// random with a seed, some before the request is sent and some after the service has done it (the
/// answer lost on the way back, so the caller cannot tell whether it happened). At random, a step
/// may be given a higher rate until it has been faulted each way (<see cref="ArmRandom"/>), so steps
/// that few requests take (a delete of one row, a record saved over an earlier one) are faulted too.
/// </summary>
public sealed class FaultInjection : HttpPipelinePolicy
{
    private readonly Lock _gate = new();
    private int _passBeforeFailing;
    private int _failures;
    private Random? _random;
    private double _beforeRate;
    private double _afterRate;
    private double _firstRate;
    private bool _armedAfter;

    /// <summary>Requests failed so far.</summary>
    public int Injected { get; private set; }

    /// <summary>
    /// While random faults are armed: the requests that may fail, by step (see <see cref="StepOf"/>).
    /// </summary>
    public ConcurrentDictionary<string, int> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>Faults injected at random, by step and "before" (refused) or "after" (done, its answer lost).</summary>
    public ConcurrentDictionary<string, int> Faulted { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The step a request is: its service (table or blob), its method and what it reaches, such as
    /// "table POST $batch", "table GET entity", "blob PUT blob", "blob GET list".
    /// </summary>
    public static string StepOf(HttpMessage message)
    {
        var path = message.Request.Uri.Path;
        var query = message.Request.Uri.Query;
        var method = message.Request.Method.ToString();
        if (path.EndsWith("$batch", StringComparison.Ordinal))
        {
            return $"table {method} $batch";
        }

        if (path.Contains('(', StringComparison.Ordinal) || path.EndsWith("/Tables", StringComparison.Ordinal))
        {
            return $"table {method} {(path.Contains("()", StringComparison.Ordinal) ? "query" : "entity")}";
        }

        if (message.Request.Headers.TryGetValue("DataServiceVersion", out _))
        {
            return $"table {method} entity";
        }

        var what = query.Contains("comp=list", StringComparison.Ordinal) ? "list"
            : message.Request.Headers.TryGetValue("x-ms-copy-source", out _) ? "copy"
            : "blob";
        return $"blob {method} {what}";
    }

    /// <summary>Which requests may fail; default table transactions ($batch).</summary>
    public Func<HttpMessage, bool> Applies { get; set; } = m =>
        m.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal);

    /// <summary>
    /// Lets <paramref name="pass"/> matching requests through, then fails the next <paramref name="fail"/>:
    /// before they leave the client, or (<paramref name="afterDone"/>) after the service did them, the answer lost.
    /// </summary>
    public void Arm(int pass, int fail, bool afterDone = false)
    {
        lock (_gate)
        {
            _passBeforeFailing = pass;
            _failures = fail;
            _armedAfter = afterDone;
        }
    }

    /// <summary>
    /// Fails each matching request with probability <paramref name="before"/> before it is sent, and
    /// <paramref name="after"/> after it was done; a request of a step not yet faulted that way (by this
    /// policy) fails with probability <paramref name="untilFaulted"/> instead, where that is higher.
    /// </summary>
    public void ArmRandom(int seed, double before, double after, double untilFaulted = 0)
    {
        lock (_gate)
        {
            _random = new Random(seed);
            _beforeRate = before;
            _afterRate = after;
            _firstRate = untilFaulted;
        }
    }

    /// <summary>Stops random faults.</summary>
    public void Disarm()
    {
        lock (_gate)
        {
            _random = null;
            _failures = 0;
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
        CheckAfter(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        await ProcessNextAsync(message, pipeline);
        CheckAfter(message);
    }

    private static void Count(ConcurrentDictionary<string, int> counts, string key) =>
        counts.AddOrUpdate(key, 1, (_, n) => n + 1);

    private void CheckAfter(HttpMessage message)
    {
        if (_armedAfter && _random is null && Applies(message))
        {
            lock (_gate)
            {
                if (TakeArmedFailure())
                {
                    throw new RequestFailedException(
                        503,
                        "Injected fault: the answer was lost after the service did the work.");
                }
            }

            return;
        }

        if (_random is null || !Applies(message))
        {
            return;
        }

        lock (_gate)
        {
            var key = StepOf(message) + " after";
            if (_random is not null && _random.NextDouble() < RateOf(key, _afterRate))
            {
                Injected++;
                Count(Faulted, key);
                throw new RequestFailedException(
                    503,
                    "Injected fault: the answer was lost after the service did the work.");
            }
        }
    }

    private void Check(HttpMessage message)
    {
        if (_random is not null && Applies(message))
        {
            lock (_gate)
            {
                var step = StepOf(message);
                Count(Requests, step);
                if (_random is not null && _random.NextDouble() < RateOf(step + " before", _beforeRate))
                {
                    Injected++;
                    Count(Faulted, step + " before");
                    throw new RequestFailedException(503, "Injected fault: the storage service is unavailable.");
                }
            }

            return;
        }

        if (_armedAfter || !Applies(message) || _failures == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (TakeArmedFailure())
            {
                throw new RequestFailedException(503, "Injected fault: the storage service is unavailable.");
            }
        }
    }

    /// <summary>
    /// The chance a request of this step and way fails: the first-fault rate until it has failed once.
    /// </summary>
    private double RateOf(string stepAndWay, double rate) =>
        Faulted.ContainsKey(stepAndWay) ? rate : Math.Max(rate, _firstRate);

    /// <summary>Counts one matching request against the armed pass and fail counts; true when it is to fail.</summary>
    private bool TakeArmedFailure()
    {
        if (_passBeforeFailing > 0)
        {
            _passBeforeFailing--;
            return false;
        }

        if (_failures > 0)
        {
            _failures--;
            Injected++;
            return true;
        }

        return false;
    }
}
