using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SafeguardingIngest.Storage.Tests;

/// <summary>
/// Fails storage requests on demand, before they leave the client, as a lost connection or a
/// storage outage would: armed with a count of requests to let through and a count to fail.
/// </summary>
public sealed class FaultInjection : HttpPipelinePolicy
{
    private readonly Lock _gate = new();
    private int _passBeforeFailing;
    private int _failures;

    /// <summary>Requests failed so far.</summary>
    public int Injected { get; private set; }

    /// <summary>Which requests may fail; default table transactions ($batch).</summary>
    public Func<HttpMessage, bool> Applies { get; set; } = m => m.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal);

    /// <summary>Lets <paramref name="pass"/> matching requests through, then fails the next <paramref name="fail"/>.</summary>
    public void Arm(int pass, int fail)
    {
        _passBeforeFailing = pass;
        _failures = fail;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Check(HttpMessage message)
    {
        if (!Applies(message) || _failures == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_passBeforeFailing > 0)
            {
                _passBeforeFailing--;
                return;
            }

            if (_failures > 0)
            {
                _failures--;
                Injected++;
                throw new RequestFailedException(503, "Injected fault: the storage service is unavailable.");
            }
        }
    }
}
