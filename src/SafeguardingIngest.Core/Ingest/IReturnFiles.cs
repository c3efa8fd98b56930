namespace SafeguardingIngest.Ingest;

/// <summary>An upload read into a seekable buffer, with what storage knows of it.</summary>
public sealed record UploadedFile(
    string Name,
    Stream Content,
    long Length,
    DateTimeOffset ReceivedAt,
    string Version) : IDisposable
{
    /// <summary>
    /// The receipt time the uploader declared (metadata "receivedat"), honoured only where backdating is allowed.
    /// </summary>
    public DateTimeOffset? DeclaredReceivedAt { get; init; }

    /// <summary>
    /// The name of the file the uploader chose (metadata "filename", set by the upload page), where given.
    /// </summary>
    public string? ChosenFileName { get; init; }

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();
}

/// <summary>The files of the pipeline: uploads, feedback, and where originals are kept.</summary>
public interface IReturnFiles
{
    /// <summary>
    /// Reads an upload into a seekable buffer. Null when it is gone (already processed). When it is
    /// larger than <paramref name="maxBytes"/> the content is left unread and empty, with its true length.
    /// </summary>
    Task<UploadedFile?> OpenUploadAsync(string name, long maxBytes, CancellationToken cancellationToken);

    /// <summary>The uploads waiting in the returns container, by name.</summary>
    IAsyncEnumerable<string> ListUploadsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The uploads waiting in the returns container that were last written at or before <paramref name="before"/>.
    /// </summary>
    IAsyncEnumerable<string> ListUploadsWrittenBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>
    /// Uploads a return, as an agency would; <paramref name="receivedAt"/> declares an earlier receipt (loading
    /// historic returns).
    /// </summary>
    Task UploadAsync(
        string name,
        Stream content,
        CancellationToken cancellationToken,
        DateTimeOffset? receivedAt = null);

    /// <summary>Writes (or replaces) a feedback document.</summary>
    Task WriteFeedbackAsync(
        string name,
        string contentType,
        ReadOnlyMemory<byte> content,
        CancellationToken cancellationToken);

    /// <summary>
    /// Copies an accepted original to the archive under <paramref name="archiveName"/> unless it is there already
    /// (never overwritten).
    /// </summary>
    Task ArchiveAsync(UploadedFile upload, string archiveName, CancellationToken cancellationToken);

    /// <summary>Copies a refused original to quarantine.</summary>
    Task QuarantineAsync(UploadedFile upload, string quarantineName, CancellationToken cancellationToken);

    /// <summary>
    /// Puts a quarantined original back in the returns container under <paramref name="uploadName"/>, only
    /// if nothing is there (create-only); false when something is (a restore already waiting, or running).
    /// </summary>
    Task<bool> RestoreFromQuarantineAsync(
        string quarantineName,
        string uploadName,
        CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the upload if it is still the version read; a newer upload under the same name is left for its own run.
    /// </summary>
    Task DeleteUploadAsync(string name, string version, CancellationToken cancellationToken);
}
