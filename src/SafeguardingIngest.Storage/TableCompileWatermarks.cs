using Azure.Data.Tables;
using Azure;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Compile watermarks in the Compilations table: one row per period (PartitionKey "periods",
/// RowKey the period key) with when its submissions last changed and which change the last
/// compile included. A period is pending while Changed is later than CompiledChange. Both marks only
/// move forward, each by a conditional (ETag) update: a compiled mark is skipped where the stored one
/// is as late, and a change mark then lands one tick past it, so a slow run or a clock behind can
/// never hide a change from the next compile.
/// </summary>
public sealed class TableCompileWatermarks(TableServiceClient service, StorageNames names) : ICompileWatermarks
{
    private const string Partition = "periods";
    private const int MaxAttempts = 20;
    private readonly TableClient _table = service.GetTableClient(names.Compilations);

    /// <inheritdoc />
    public Task MarkChangedAsync(ReportingPeriod period, DateTimeOffset at, CancellationToken cancellationToken) =>
        MoveForwardAsync(period, "Changed", at, null, cancellationToken, pastStored: true);

    /// <inheritdoc />
    public async Task<IReadOnlyList<(ReportingPeriod Period, DateTimeOffset Changed)>> PendingAsync(
        CancellationToken cancellationToken)
    {
        var pending = new List<(ReportingPeriod, DateTimeOffset)>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(
            e => e.PartitionKey == Partition,
            cancellationToken: cancellationToken))
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
    public async Task MarkCompiledAsync(
        ReportingPeriod period,
        DateTimeOffset? changedAsOf,
        DateTimeOffset compiledAt,
        CancellationToken cancellationToken)
    {
        if (changedAsOf is { } changed)
        {
            await MoveForwardAsync(period, "CompiledChange", changed, compiledAt, cancellationToken);
        }
        else
        {
            await _table.UpsertEntityAsync(
                new TableEntity(Partition, period.Key) { ["Compiled"] = compiledAt },
                TableUpdateMode.Merge,
                cancellationToken);
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/> where the stored mark is earlier. Where it is not, a compiled mark is
    /// left alone, and a change mark (<paramref name="pastStored"/>) moves one tick past the stored one:
    /// a compile may have read the stored mark before this change, and must not count it as included.
    /// </summary>
    private async Task MoveForwardAsync(
        ReportingPeriod period,
        string property,
        DateTimeOffset value,
        DateTimeOffset? compiledAt,
        CancellationToken cancellationToken,
        bool pastStored = false)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await _table.GetEntityIfExistsAsync<TableEntity>(
                Partition,
                period.Key,
                cancellationToken: cancellationToken);
            var mark = value;
            if (stored.HasValue && stored.Value!.GetDateTimeOffset(property) is { } storedMark && storedMark >= value)
            {
                if (!pastStored)
                {
                    return;
                }

                mark = storedMark.AddTicks(1);
            }

            var entity = new TableEntity(Partition, period.Key) { [property] = mark };
            if (compiledAt is { } compiled)
            {
                entity["Compiled"] = compiled;
            }

            try
            {
                if (stored.HasValue)
                {
                    await _table.UpdateEntityAsync(
                        entity,
                        stored.Value!.ETag,
                        TableUpdateMode.Merge,
                        cancellationToken);
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

        throw new InvalidOperationException(
            $"The {property} mark of {period} kept changing during {MaxAttempts} attempts; the run will be retried.");
    }
}
