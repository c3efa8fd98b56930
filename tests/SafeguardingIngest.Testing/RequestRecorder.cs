using Azure.Core;
using Azure.Core.Pipeline;

namespace SafeguardingIngest.Testing;

/// <summary>Keeps the method, address and body of every storage request while <see cref="Enabled"/>, as the service
/// receives them.</summary>
public sealed class RequestRecorder : HttpPipelinePolicy
{
    /// <summary>Whether requests are kept; off by default.</summary>
    public bool Enabled { get; set; }

    private readonly Lock _gate = new();
    private readonly List<(string Method, Uri Uri, byte[] Body)> _requests = [];

    /// <summary>The requests so far.</summary>
    public IReadOnlyList<(string Method, Uri Uri, byte[] Body)> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        if (!Enabled)
        {
            return;
        }

        using var body = new MemoryStream();
        message.Request.Content?.WriteTo(body, message.CancellationToken);
        lock (_gate)
        {
            _requests.Add((message.Request.Method.ToString(), message.Request.Uri.ToUri(), body.ToArray()));
        }
    }
}
