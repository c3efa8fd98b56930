using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Releases in blob storage, one folder each: the public files in the publications container at
/// {period}/releases/{n}/, the team's files, the decisions and the manifest in the reports container at the
/// same path. A release is claimed first (a create-only marker, so two compiles cannot share a number),
/// written, then its manifest is created, then each container's {period}/latest.json moves to it, forward only.
/// </summary>
public sealed class BlobReleaseStore(BlobServiceClient service, StorageNames names) : IReleaseStore
{
    private const string ClaimFile = "claimed";
    private const string LatestFile = "latest.json";
    private readonly BlobContainerClient _internal = service.GetBlobContainerClient(names.Reports);
    private readonly BlobContainerClient _public = service.GetBlobContainerClient(names.Publications);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReleaseManifest>> ListAsync(
        ReportingPeriod? period,
        CancellationToken cancellationToken)
    {
        var manifests = new List<ReleaseManifest>();
        var prefix = period is { } p ? $"{p.Key}/releases/" : null;
        await foreach (var item in _internal.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            if (item.Name.EndsWith("/" + ReleaseManifest.FileName, StringComparison.Ordinal))
            {
                manifests.Add(await ReadManifestAsync(item.Name, cancellationToken));
            }
        }

        return [.. manifests.OrderBy(m => m.Period, StringComparer.Ordinal).ThenBy(m => m.Number)];
    }

    /// <inheritdoc />
    public async Task<ReleaseManifest?> LatestAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var pointer = await ReadPointerAsync(_internal, period, cancellationToken);
        return pointer.Number is { } number
            ? await ReadManifestAsync(Path(period.Key, number, ReleaseManifest.FileName), cancellationToken)
            : null;
    }

    /// <inheritdoc />
    public async Task<ReleaseDecisions> ReadDecisionsAsync(
        ReleaseManifest release,
        CancellationToken cancellationToken)
    {
        return ReleaseJson.ReadDecisions(await DownloadAsync(_internal, DecisionsPath(release), cancellationToken));
    }

    /// <inheritdoc />
    public async Task<Stream> OpenDecisionsAsync(ReleaseManifest release, CancellationToken cancellationToken)
    {
        var blob = _internal.GetBlobClient(DecisionsPath(release));
        return (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
    }

    private static string DecisionsPath(ReleaseManifest release) =>
        Path(release.Period, release.Number, ReleaseManifest.DecisionsFile);

    /// <inheritdoc />
    public async Task<byte[]> ReadFileAsync(ReleaseManifest release, string name, CancellationToken cancellationToken)
    {
        var file = release.Files.SingleOrDefault(f => f.Name == name)
            ?? throw new FileNotFoundException($"{release.Name} has no file {name}.");
        var container = file.Public ? _public : _internal;
        return await DownloadAsync(container, Path(release.Period, release.Number, name), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<int> NextNumberAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var highest = 0;
        var prefix = $"{period.Key}/releases/";
        await foreach (var item in _internal.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            var folder = item.Name[prefix.Length..].Split('/')[0];
            if (int.TryParse(folder, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                highest = Math.Max(highest, number);
            }
        }

        return highest + 1;
    }

    /// <inheritdoc />
    public async Task<WrittenRelease> WriteAsync(ReleaseDraft draft, CancellationToken cancellationToken)
    {
        var manifest = draft.Manifest;
        var period = manifest.Period;
        var number = manifest.Number;
        var claim = Path(period, number, ClaimFile);
        if (!await CreateAsync(_internal, claim, BinaryData.Empty, "text/plain", cancellationToken))
        {
            throw new ReleaseConflictException(
                $"{manifest.Name} was begun by another compile; the next run compiles again.");
        }

        var written = new List<string>();
        var files = new List<ReleaseFile>();
        foreach (var file in draft.ToWrite)
        {
            var container = file.Public ? _public : _internal;
            var name = Path(period, number, file.Name);
            var (sha256, bytes) = await WriteStreamedAsync(
                container, name, file.ContentType, file.WriteAsync, cancellationToken);
            files.Add(new ReleaseFile(file.Name, file.Public, sha256, bytes));
            written.Add($"{container.Name}/{name}");
        }

        var decisions = Path(period, number, ReleaseManifest.DecisionsFile);
        await WriteStreamedAsync(
            _internal,
            decisions,
            "application/json",
            draft.WriteDecisionsAsync,
            cancellationToken);
        manifest = manifest with { Files = files };
        var manifestName = Path(period, number, ReleaseManifest.FileName);
        var manifestJson = BinaryData.FromBytes(ReleaseJson.Write(manifest));
        if (!await CreateAsync(_internal, manifestName, manifestJson, "application/json", cancellationToken))
        {
            throw new ReleaseConflictException($"{manifest.Name} already has a manifest.");
        }

        written.Add($"{_internal.Name}/{manifestName}");
        await MovePointerAsync(_public, period, number, cancellationToken);
        await MovePointerAsync(_internal, period, number, cancellationToken);
        return new WrittenRelease(manifest, written);
    }

    /// <summary>
    /// Writes a blob as <paramref name="write"/> produces it, staged in blocks and committed only once the whole is
    /// written (<see cref="StagedBlobStream"/>): a write that fails part way leaves no file of that name. Returns its
    /// SHA-256 and length.
    /// </summary>
    private static async Task<(string Sha256, long Bytes)> WriteStreamedAsync(
        BlobContainerClient container,
        string name,
        string contentType,
        Func<Stream, CancellationToken, Task> write,
        CancellationToken cancellationToken)
    {
        await using var staged = new StagedBlobStream(container.GetBlockBlobClient(name), contentType);
        await using var measured = new MeasuredStream(staged);
        await write(measured, cancellationToken);
        await staged.CommitAsync(cancellationToken);
        return (measured.Sha256(), measured.Written);
    }

    private static string Path(string period, int number, string file) =>
        string.Create(CultureInfo.InvariantCulture, $"{period}/releases/{number}/{file}");

    private async Task<ReleaseManifest> ReadManifestAsync(string name, CancellationToken cancellationToken) =>
        ReleaseJson.ReadManifest(await DownloadAsync(_internal, name, cancellationToken));

    private static async Task<byte[]> DownloadAsync(
        BlobContainerClient container,
        string name,
        CancellationToken cancellationToken) =>
        (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();

    /// <summary>Creates a blob that must not exist yet; false where it does.</summary>
    private static async Task<bool> CreateAsync(
        BlobContainerClient container,
        string name,
        BinaryData content,
        string contentType,
        CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(name).UploadAsync(
                content,
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    private static async Task<(int? Number, ETag? ETag)> ReadPointerAsync(
        BlobContainerClient container, ReportingPeriod period, CancellationToken cancellationToken)
    {
        try
        {
            var download = await container
                .GetBlobClient($"{period.Key}/{LatestFile}")
                .DownloadContentAsync(cancellationToken);
            using var json = JsonDocument.Parse(download.Value.Content.ToMemory());
            return (json.RootElement.GetProperty("release").GetInt32(), download.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// Points the quarter's latest.json at <paramref name="number"/> unless it already names a later release.
    /// </summary>
    private static async Task MovePointerAsync(
        BlobContainerClient container,
        string period,
        int number,
        CancellationToken cancellationToken)
    {
        var blob = container.GetBlobClient($"{period}/{LatestFile}");
        var content = BinaryData.FromString(string.Create(
            CultureInfo.InvariantCulture,
            $$"""{ "release": {{number}}, "folder": "{{period}}/releases/{{number}}/" }"""));
        while (true)
        {
            var (current, etag) = await ReadPointerAsync(container, ReportingPeriod.Parse(period), cancellationToken);
            if (current >= number)
            {
                return;
            }

            try
            {
                await blob.UploadAsync(
                    content,
                    new BlobUploadOptions
                    {
                        Conditions = etag is { } tag
                            ? new BlobRequestConditions { IfMatch = tag }
                            : new BlobRequestConditions { IfNoneMatch = ETag.All },
                        HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
                    },
                    cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another compile moved it meanwhile: read it again and move it only if it is still behind.
            }
        }
    }
}
