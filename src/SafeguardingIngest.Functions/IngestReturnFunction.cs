using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Functions;

/// <summary>Runs IngestReturn for each return uploaded to returns/{agency}/{period}/{name}.</summary>
public sealed class IngestReturnFunction(IngestReturn ingest)
{
    /// <summary>
    /// A bad return is an outcome written to feedback, not a failure; a storage fault is thrown, so
    /// the host retries it. Blob-created events come through Event Grid, which the Flex Consumption
    /// plan requires (infra/app/events.bicep subscribes them).
    /// </summary>
    [Function("IngestReturn")]
    public Task RunAsync(
        [BlobTrigger("returns/{agency}/{period}/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        string agency,
        string period,
        string name,
        CancellationToken cancellationToken) =>
        ingest.RunAsync($"{agency}/{period}/{name}", cancellationToken);
}
