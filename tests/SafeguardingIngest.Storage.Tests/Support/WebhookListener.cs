using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;

namespace SafeguardingIngest.Storage.Tests;

/// <summary>An incoming webhook on this machine's loopback, keeping every JSON body it is sent.</summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly Task _loop;

    public WebhookListener()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hook/";
        }

        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>The next message, waiting up to 10 seconds.</summary>
    public async Task<JsonElement> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>True when a message is waiting now.</summary>
    public bool HasMore => _received.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (InvalidOperationException)
        {
            // Stopped before the loop asked for its next request.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            using var document = await JsonDocument.ParseAsync(context.Request.InputStream);
            await _received.Writer.WriteAsync(document.RootElement.Clone());
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }
}
