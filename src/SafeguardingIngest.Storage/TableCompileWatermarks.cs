using Azure;
using Azure.Data.Tables;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Compile watermarks in the Compilations table: one row per period (PartitionKey "periods",
/// RowKey the period key) with when its submissions last changed and which change the last
/// compile included. A period is pending while Changed is later than CompiledChange. Both marks only
/// move forward: each is written by a conditional (ETag) update that is skipped when the stored
/// mark is already as late, so a slow run can never hide a later change from the next compile.
/// </summary>
public sealed class TableCompileWatermarks(TableServiceClient service, StorageNames names) : ICompileWatermarks
{
    private const string Partition = "periods";
    private const int MaxAttempts = 20;
    private readonly TableClient _table = service.GetTableClient(names.Compilations);

    /// <inheritdoc />
    public Task MarkChangedAsync(ReportingPeriod period, DateTimeOffset at, CancellationToken cancellationToken) =>
        MoveForwardAsync(period, "Changed", at, null, cancellationToken);

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
        if (changedAsOf is { } changed)
        {
            await MoveForwardAsync(period, "CompiledChange", changed, compiledAt, cancellationToken);
        }
        else
        {
            await _table.UpsertEntityAsync(new TableEntity(Partition, period.Key) { ["Compiled"] = compiledAt }, TableUpdateMode.Merge, cancellationToken);
        }
    }

    private async Task MoveForwardAsync(ReportingPeriod period, string property, DateTimeOffset value, DateTimeOffset? compiledAt, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, period.Key, cancellationToken: cancellationToken);
            if (stored.HasValue && stored.Value!.GetDateTimeOffset(property) is { } mark && mark >= value)
            {
                return;
            }

            var entity = new TableEntity(Partition, period.Key) { [property] = value };
            if (compiledAt is { } compiled)
            {
                entity["Compiled"] = compiled;
            }

            try
            {
                if (stored.HasValue)
                {
                    await _table.UpdateEntityAsync(entity, stored.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
                }
                else
                {
                    await _table.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another run wrote the mark since it was read: read it again.
            }
        }

        throw new InvalidOperationException($"The {property} mark of {period} kept changing during {MaxAttempts} attempts; the run will be retried.");
    }
}
