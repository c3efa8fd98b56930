using Azure.Data.Tables;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Compile watermarks in the Compilations table: one row per period (PartitionKey "periods",
/// RowKey the period key) with when its submissions last changed and which change the last
/// compile included. A period is pending while Changed is later than CompiledChange.
/// </summary>
public sealed class TableCompileWatermarks(TableServiceClient service, StorageNames names) : ICompileWatermarks
{
    private const string Partition = "periods";
    private readonly TableClient _table = service.GetTableClient(names.Compilations);

    /// <inheritdoc />
    public async Task MarkChangedAsync(ReportingPeriod period, DateTimeOffset at, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(new TableEntity(Partition, period.Key) { ["Changed"] = at }, TableUpdateMode.Merge, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<(ReportingPeriod Period, DateTimeOffset Changed)>> PendingAsync(CancellationToken cancellationToken)
    {
        var pending = new List<(ReportingPeriod, DateTimeOffset)>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            if (entity.GetDateTimeOffset("Changed") is { } changed &&
                (entity.GetDateTimeOffset("CompiledChange") is not { } compiled || changed > compiled) &&
                ReportingPeriod.TryParse(entity.RowKey, out var period))
            {
                pending.Add((period, changed));
            }
        }

        return pending;
    }

    /// <inheritdoc />
    public async Task MarkCompiledAsync(ReportingPeriod period, DateTimeOffset? changedAsOf, DateTimeOffset compiledAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, period.Key) { ["Compiled"] = compiledAt };
        if (changedAsOf is { } changed)
        {
            entity["CompiledChange"] = changed;
        }

        await _table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }
}
