using Azure;
using Azure.Data.Tables;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Storage;

/// <summary>Deletes one load's rows from the Observations table: one key range, never a neighbour's.</summary>
public sealed class TableRowCleanup(
    TableServiceClient service,
    StorageNames names,
    StorageOptions options) : IRowCleanup
{
    private readonly TableClient _rows = service.GetTableClient(names.Observations);

    /// <inheritdoc />
    public async Task<int> DeleteRowsAsync(Load load, CancellationToken cancellationToken)
    {
        var prefix = RowEntities.Prefix(load.Agency, load.Id);
        var doomed = new List<TableEntity>();
        await foreach (var entity in _rows.QueryStartingWith(
            load.Period.Key, prefix, ["PartitionKey", "RowKey"], cancellationToken))
        {
            doomed.Add(entity);
        }

        await TableBatches.SubmitAsync(
            _rows,
            TableBatches.Split(doomed, e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)),
            options.ParallelBatches,
            cancellationToken,
            ignoreMissing: true);
        return doomed.Count;
    }
}
