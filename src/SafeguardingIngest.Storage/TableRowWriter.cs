using Azure.Data.Tables;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Writes a return's rows under its load in the Observations table, in transactions sized by their payload.
/// </summary>
public sealed class TableRowWriter(TableServiceClient service, StorageNames names, StorageOptions options) : IRowWriter
{
    private readonly TableClient _rows = service.GetTableClient(names.Observations);

    /// <inheritdoc />
    public async Task WriteRowsAsync(
        Load load,
        IReadOnlyList<Observation> observations,
        IReadOnlyList<ActionItem> actions,
        IReadOnlyList<RiskItem> risks,
        CancellationToken cancellationToken)
    {
        var partition = load.Period.Key;
        var entities = new List<TableEntity>(observations.Count + actions.Count + risks.Count);
        entities.AddRange(observations.Select(o => RowEntities.Observation(partition, load.Id, load.SubmissionId, o)));
        entities.AddRange(actions.Select((a, i) => RowEntities.Action(
            partition,
            load.Agency,
            load.Id,
            load.SubmissionId,
            a,
            i)));
        entities.AddRange(risks.Select((r, i) => RowEntities.Risk(
            partition,
            load.Agency,
            load.Id,
            load.SubmissionId,
            r,
            i)));
        await WriteAsync(entities, cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteValuesAsync(
        Load load, IReadOnlyList<LoadValue> values, CancellationToken cancellationToken) =>
        await WriteAsync(
            PackedValues.Pack(values).Select((chunk, i) =>
                RowEntities.Values(load.Period.Key, load.Agency, load.Id, load.SubmissionId, chunk, i)),
            cancellationToken);

    /// <inheritdoc />
    public async Task WriteQueriesAsync(
        Load load,
        IReadOnlyList<Finding> queries,
        CancellationToken cancellationToken) =>
        await WriteAsync(
            queries.Select((q, i) => RowEntities.Query(load.Period.Key, load.Agency, load.Id, load.SubmissionId, q, i)),
            cancellationToken);

    private Task WriteAsync(IEnumerable<TableEntity> entities, CancellationToken cancellationToken) =>
        TableBatches.SubmitAsync(
            _rows,
            TableBatches.Split(entities, e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)),
            options.ParallelBatches,
            cancellationToken);
}
