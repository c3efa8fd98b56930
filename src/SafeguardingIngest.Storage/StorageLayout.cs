using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Creates the containers and tables of docs/storage.md where they are missing; safe to run at every start.
/// </summary>
public sealed class StorageLayout(BlobServiceClient blobs, TableServiceClient tables, StorageNames names)
{
    /// <summary>The names in use.</summary>
    public StorageNames Names => names;

    /// <summary>Creates what is missing (no public access on any container).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var container in names.Containers)
        {
            await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in names.Tables)
        {
            await tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }

        if (blobs.AccountName == EmulatorAccount)
        {
            await AllowUploadPageAsync(cancellationToken);
        }
    }

    /// <summary>The storage emulator's fixed account name.</summary>
    public const string EmulatorAccount = "devstoreaccount1";

    /// <summary>
    /// On the emulator, lets the upload page (opened from a file or any local origin) send a return
    /// and read its feedback straight from the browser. In Azure the same rule is set by infra/,
    /// for the page's own origin only.
    /// </summary>
    private async Task AllowUploadPageAsync(CancellationToken cancellationToken)
    {
        var properties = (await blobs.GetPropertiesAsync(cancellationToken)).Value;
        if (properties.Cors.Any(c => c.AllowedMethods.Contains("PUT", StringComparison.Ordinal)))
        {
            return;
        }

        properties.Cors.Add(new Azure.Storage.Blobs.Models.BlobCorsRule
        {
            AllowedOrigins = "*",
            AllowedMethods = "GET,HEAD,PUT,OPTIONS",
            AllowedHeaders = "*",
            ExposedHeaders = "ETag,x-ms-request-id",
            MaxAgeInSeconds = 600,
        });
        await blobs.SetPropertiesAsync(properties, cancellationToken);
    }
}
