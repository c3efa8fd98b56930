namespace SafeguardingIngest.Ingest;

/// <summary>An upload the host gave up on after its last retry, as its poison queue message names it.</summary>
public sealed record PoisonedUpload(string BlobName, string MessageId, string PopReceipt);

/// <summary>The blob trigger's poison queue: uploads whose runs kept failing until the host stopped retrying.</summary>
public interface IPoisonUploads
{
    /// <summary>
    /// Takes up to <paramref name="max"/> messages off the queue for a while (they come back if not
    /// removed), each with the upload it names; messages naming no upload of the returns container are skipped.
    /// </summary>
    Task<IReadOnlyList<PoisonedUpload>> TakeAsync(int max, CancellationToken cancellationToken);

    /// <summary>Removes a message whose upload was dealt with.</summary>
    Task RemoveAsync(PoisonedUpload upload, CancellationToken cancellationToken);
}
