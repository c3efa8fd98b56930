using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Uploads, feedback, archive and quarantine in Azure Blob Storage. Every write is conditional
/// where a repeat must not change the outcome: the archive is never overwritten, and an upload is
/// removed only if it is still the version that was read.
/// </summary>
public sealed class BlobReturnFiles(BlobServiceClient service, StorageNames names) : IReturnFiles
{
    private readonly BlobContainerClient _returns = service.GetBlobContainerClient(names.Returns);
    private readonly BlobContainerClient _feedback = service.GetBlobContainerClient(names.Feedback);
    private readonly BlobContainerClient _archive = service.GetBlobContainerClient(names.Archive);
    private readonly BlobContainerClient _quarantine = service.GetBlobContainerClient(names.Quarantine);

    /// <inheritdoc />
    public async Task<UploadedFile?> OpenUploadAsync(string name, long maxBytes, CancellationToken cancellationToken)
    {
        var blob = _returns.GetBlobClient(name);
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        var buffer = new MemoryStream();
        if (properties.ContentLength <= maxBytes)
        {
            try
            {
                await blob.DownloadToAsync(
                    buffer,
                    new BlobDownloadToOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } },
                    cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Replaced or removed between the two calls: the newer version has a run of its own.
                await buffer.DisposeAsync();
                return null;
            }

            buffer.Position = 0;
        }

        var declared = properties.Metadata.TryGetValue(ReceivedAtMetadata, out var text) &&
                       DateTimeOffset.TryParse(
                           text,
                           CultureInfo.InvariantCulture,
                           DateTimeStyles.AssumeUniversal,
                           out var at)
                           ? at
                           : (DateTimeOffset?)null;
        var chosen = properties.Metadata.TryGetValue(ChosenNameMetadata, out var encoded)
            ? Uri.UnescapeDataString(encoded)
            : null;
        var (length, version) = (properties.ContentLength, properties.ETag.ToString());
        return new UploadedFile(name, buffer, length, ReceivedAt(properties), version)
        {
            DeclaredReceivedAt = declared,
            ChosenFileName = chosen,
        };
    }

    /// <summary>
    /// When the upload arrived: its version id where the account keeps blob versions (a timestamp to
    /// 100 ns, so two uploads in one second still order), otherwise its last-modified second.
    /// </summary>
    internal static DateTimeOffset ReceivedAt(BlobProperties properties) =>
        properties.VersionId is { Length: > 0 } version &&
        DateTimeOffset.TryParse(
            version,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var precise) &&
        Math.Abs((precise - properties.LastModified).TotalSeconds) < 1
            ? precise
            : properties.LastModified;

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListUploadsAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in _returns.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            yield return blob.Name;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListUploadsWrittenBeforeAsync(
        DateTimeOffset before,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in _returns.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (blob.Properties.LastModified is { } written && written <= before)
            {
                yield return blob.Name;
            }
        }
    }

    /// <summary>
    /// The metadata key carrying the name of the file the uploader chose, percent-encoded (the upload page sets it).
    /// </summary>
    public const string ChosenNameMetadata = "filename";

    /// <summary>The metadata key carrying a declared receipt time.</summary>
    public const string ReceivedAtMetadata = "receivedat";

    /// <inheritdoc />
    public async Task UploadAsync(
        string name,
        Stream content,
        CancellationToken cancellationToken,
        DateTimeOffset? receivedAt = null) =>
        await _returns.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
        {
            Metadata = receivedAt is { } at
                ? new Dictionary<string, string>
                {
                    [ReceivedAtMetadata] = at.ToString("O", CultureInfo.InvariantCulture)
                }
                : null,
        }, cancellationToken);

    /// <inheritdoc />
    public async Task WriteFeedbackAsync(
        string name,
        string contentType,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken) =>
        await _feedback.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);

    /// <inheritdoc />
    public async Task ArchiveAsync(UploadedFile upload, string archiveName, CancellationToken cancellationToken)
    {
        try
        {
            await CopyAsync(
                upload,
                _archive.GetBlobClient(archiveName),
                new BlobRequestConditions { IfNoneMatch = ETag.All },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Already archived by an earlier or concurrent run: the name holds the content's hash, so it is the same
            // file.
        }
    }

    /// <inheritdoc />
    public Task QuarantineAsync(UploadedFile upload, string quarantineName, CancellationToken cancellationToken) =>
        CopyAsync(upload, _quarantine.GetBlobClient(quarantineName), null, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RestoreFromQuarantineAsync(
        string quarantineName,
        string uploadName,
        CancellationToken cancellationToken)
    {
        var original = await _quarantine.GetBlobClient(quarantineName).DownloadContentAsync(cancellationToken);
        try
        {
            await _returns.GetBlobClient(uploadName).UploadAsync(
                original.Value.Content,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task DeleteUploadAsync(string name, string version, CancellationToken cancellationToken)
    {
        try
        {
            await _returns.GetBlobClient(name).DeleteIfExistsAsync(
                DeleteSnapshotsOption.IncludeSnapshots,
                new BlobRequestConditions { IfMatch = new ETag(version) },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // A newer file was uploaded under the same name; it is left for its own run.
        }
    }

    private async Task CopyAsync(
        UploadedFile upload,
        BlobClient target,
        BlobRequestConditions? conditions,
        CancellationToken cancellationToken)
    {
        if (upload.Content.Length == upload.Length)
        {
            upload.Content.Position = 0;
            await target.UploadAsync(
                upload.Content,
                new BlobUploadOptions { Conditions = conditions },
                cancellationToken);
            upload.Content.Position = 0;
            return;
        }

        // Too large to have been read: copy server-side within the account.
        var copy = await target.StartCopyFromUriAsync(
            _returns.GetBlobClient(upload.Name).Uri,
            new BlobCopyFromUriOptions
            {
                DestinationConditions = conditions,
                SourceConditions = new BlobRequestConditions { IfMatch = new ETag(upload.Version) }
            },
            cancellationToken);
        await copy.WaitForCompletionAsync(cancellationToken);
    }
}
