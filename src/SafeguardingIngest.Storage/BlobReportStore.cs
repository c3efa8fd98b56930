using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Storage;

/// <summary>Compiled reports in the reports container, at {period}/{file}; a new compile replaces them.</summary>
public sealed class BlobReportStore(BlobServiceClient service, StorageNames names) : IReportStore
{
    private readonly BlobContainerClient _reports = service.GetBlobContainerClient(names.Reports);

    /// <inheritdoc />
    public async Task<string> WriteAsync(ReportingPeriod period, ReportFile file, CancellationToken cancellationToken)
    {
        var name = $"{period.Key}/{file.Name}";
        await _reports.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(file.Content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType } },
            cancellationToken);
        return $"{names.Reports}/{name}";
    }
}
