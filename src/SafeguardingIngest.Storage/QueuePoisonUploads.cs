using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Storage;

/// <summary>
/// The blob trigger's poison queue in Azure Queue Storage. The Functions host writes one message per
/// upload it gave up on, JSON naming the container and blob (base64-encoded, as the host's queue
/// client sends it); a message taken here is hidden for a few minutes and comes back unless removed.
/// </summary>
public sealed class QueuePoisonUploads(QueueServiceClient service, StorageNames names) : IPoisonUploads
{
    private static readonly TimeSpan s_hiddenFor = TimeSpan.FromMinutes(5);
    private readonly QueueClient _queue = service.GetQueueClient(names.PoisonQueue);

    /// <inheritdoc />
    public async Task<IReadOnlyList<PoisonedUpload>> TakeAsync(int max, CancellationToken cancellationToken)
    {
        var taken = new List<PoisonedUpload>();
        try
        {
            var messages = await _queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), s_hiddenFor, cancellationToken);
            foreach (var message in messages.Value)
            {
                if (BlobNameIn(message.Body.ToString()) is { } name)
                {
                    taken.Add(new PoisonedUpload(name, message.MessageId, message.PopReceipt));
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No queue: the host has never given up on an upload.
        }

        return taken;
    }

    /// <inheritdoc />
    public async Task RemoveAsync(PoisonedUpload upload, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.DeleteMessageAsync(upload.MessageId, upload.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already removed.
        }
    }

    /// <summary>The blob of the returns container a message names, or null for any other message.</summary>
    internal string? BlobNameIn(string body)
    {
        var text = body.TrimStart().StartsWith('{') ? body : Decode(body);
        if (text is null)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("ContainerName", out var container) && container.GetString() == names.Returns
                && root.TryGetProperty("BlobName", out var blob) && blob.GetString() is { Length: > 0 } name
                ? name
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Decode(string body)
    {
        var bytes = new byte[body.Length];
        return Convert.TryFromBase64String(body.Trim(), bytes, out var written)
            ? Encoding.UTF8.GetString(bytes, 0, written)
            : null;
    }
}
