using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace SafeguardingIngest.Storage;

/// <summary>Creates the containers and tables of docs/storage.md where they are missing; safe to run at every start.</summary>
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
    }
}
