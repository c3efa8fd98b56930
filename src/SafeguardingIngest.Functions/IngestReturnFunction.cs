using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Functions;

/// <summary>Runs IngestReturn for every blob uploaded anywhere in the returns container.</summary>
public sealed class IngestReturnFunction(IngestReturn ingest)
{
    /// <summary>
    /// The path takes any blob under returns/, so a file a folder too shallow (returns/POL/return.xlsx) or
    /// too deep is still seen, and quarantined under _unattributed/ with feedback, by the same service.
    /// A bad return is an outcome written to feedback, not a failure; a storage fault is thrown, so
    /// the host retries it. Blob-created events come through Event Grid, which the Flex Consumption
    /// plan requires (infra/app/events.bicep subscribes them).
    /// </summary>
    [Function("IngestReturn")]
    public Task RunAsync(
        [BlobTrigger("returns/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")]
        BlobClient blob,
        CancellationToken cancellationToken) =>
        ingest.RunAsync(blob.Name, cancellationToken);
}
