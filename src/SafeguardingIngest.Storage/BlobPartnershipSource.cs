using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Storage;

/// <summary>
/// The reference data in config/partnership.json, cached and checked for a new version (by ETag)
/// at most every <see cref="StorageOptions.ReferenceRefreshSeconds"/>. A broken new version is not
/// used: the last good one stays in force and the log says why.
/// </summary>
public sealed partial class BlobPartnershipSource(
    BlobServiceClient service,
    StorageNames names,
    StorageOptions options,
    TimeProvider time,
    ILogger<BlobPartnershipSource> logger) : IPartnershipSource, IDisposable
{
    /// <summary>The blob name of the reference data in the config container.</summary>
    public const string BlobName = "partnership.json";

    private readonly BlobClient _blob = service.GetBlobContainerClient(names.Config).GetBlobClient(BlobName);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Partnership? _current;
    private ETag _currentVersion;
    private ETag _lastSeenVersion;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <inheritdoc />
    public async Task<Partnership> GetAsync(CancellationToken cancellationToken) =>
        (await GetVersionedAsync(cancellationToken)).Partnership;

    /// <inheritdoc />
    public async Task<(Partnership Partnership, string Version)> GetVersionedAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var refreshEvery = TimeSpan.FromSeconds(options.ReferenceRefreshSeconds);
            if (_current is null || time.GetUtcNow() - _checkedAt >= refreshEvery)
            {
                await RefreshAsync(cancellationToken);
            }

            // Read together under the gate, so the version is the one the partnership came from.
            var partnership = _current ?? throw new InvalidOperationException(
                $"No usable reference data in {names.Config}/{BlobName}; "
                + "publish it with 'sgi ... --reference FILE' or upload a valid partnership.json.");
            return (partnership, _currentVersion.ToString());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    /// <inheritdoc />
    public async Task PublishAsync(Stream json, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await json.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;

        // Refused here, with every problem, rather than discovered by the next ingest.
        var partnership = PartnershipReader.Read(buffer);
        buffer.Position = 0;
        var uploaded = await _blob.UploadAsync(
            buffer,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            (_current, _currentVersion, _lastSeenVersion, _checkedAt) = (
                partnership,
                uploaded.Value.ETag,
                uploaded.Value.ETag,
                time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var conditions = _lastSeenVersion == default ? null : new BlobRequestConditions
            {
                IfNoneMatch = _lastSeenVersion
            };
            var download = await _blob.DownloadContentAsync(
                new BlobDownloadOptions { Conditions = conditions },
                cancellationToken);
            if (download.GetRawResponse().Status == 304)
            {
                // Unchanged since the last check.
                _checkedAt = time.GetUtcNow();
                return;
            }

            _lastSeenVersion = download.Value.Details.ETag;
            try
            {
                using var content = download.Value.Content.ToStream();
                _current = PartnershipReader.Read(content);
                _currentVersion = _lastSeenVersion;
                var version = _currentVersion.ToString();
                Loaded(logger, _current.Name, version);
            }
            catch (ReferenceDataException e)
            {
                if (_current is null)
                {
                    throw new InvalidOperationException(
                        $"The reference data in {names.Config}/{BlobName} cannot be used: {e.Message}",
                        e);
                }

                var broken = _lastSeenVersion.ToString();
                KeptLastGood(logger, broken, _currentVersion.ToString(), e.Message);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            if (_current is null)
            {
                throw new InvalidOperationException(
                    $"No reference data has been published to {names.Config}/{BlobName}; publish it with 'sgi ingest " +
                    "... --reference FILE' or upload a valid partnership.json.",
                    e);
            }

            var version = _currentVersion.ToString();
            Missing(logger, version);
        }

        _checkedAt = time.GetUtcNow();
    }

    [LoggerMessage(
        EventId = 2000,
        Level = LogLevel.Information,
        Message = "Reference data for {Partnership} loaded, version {Version}")]
    private static partial void Loaded(ILogger logger, string partnership, string version);

    [LoggerMessage(
        EventId = 2001,
        Level = LogLevel.Error,
        Message = "Reference data version {BrokenVersion} is broken and was not loaded; version {Version} stays in " +
            "use. {Problems}")]
    private static partial void KeptLastGood(ILogger logger, string brokenVersion, string version, string problems);

    [LoggerMessage(
        EventId = 2002,
        Level = LogLevel.Warning,
        Message = "Reference data blob is missing; version {Version} stays in use")]
    private static partial void Missing(ILogger logger, string version);
}
