using Azure;
using Azure.Data.Tables;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Submission records, current pointers and load life cycles in the Submissions table. All three
/// of a period share its partition, so the switch (pointer, new load, replaced load) is one
/// entity-group transaction: it happens whole or not at all. Keys are in docs/storage.md.
/// </summary>
public sealed class TableSubmissionRecords(TableServiceClient service, StorageNames names) : ISubmissionRecords
{
    private readonly TableClient _table = service.GetTableClient(names.Submissions);

    /// <inheritdoc />
    public Task<Submission?> FindAsync(
        ReportingPeriod period,
        string agency,
        string submissionId,
        CancellationToken cancellationToken) =>
        ReadAsync(
            period,
            SubmissionEntities.SubmissionKey(agency, submissionId),
            SubmissionEntities.ToSubmission,
            cancellationToken);

    /// <inheritdoc />
    public async Task<bool> TrySaveAsync(Submission submission, CancellationToken cancellationToken)
    {
        var entity = SubmissionEntities.Submission(submission);
        try
        {
            if (submission.Version is { } version)
            {
                await _table.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Submission>> ListAsync(
        ReportingPeriod period,
        CancellationToken cancellationToken) =>
        await ListAsync(
            period.Key,
            SubmissionEntities.SubmissionPrefix + TableKey.Separator,
            SubmissionEntities.ToSubmission,
            cancellationToken);

    /// <inheritdoc />
    public Task<CurrentSubmission?> GetCurrentAsync(
        ReportingPeriod period,
        string agency,
        CancellationToken cancellationToken) =>
        ReadAsync(period, SubmissionEntities.CurrentKey(agency), SubmissionEntities.ToCurrent, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<CurrentSubmission>> ListCurrentAsync(
        ReportingPeriod period,
        CancellationToken cancellationToken) =>
        await ListAsync(
            period.Key,
            SubmissionEntities.CurrentPrefix + TableKey.Separator,
            SubmissionEntities.ToCurrent,
            cancellationToken);

    /// <inheritdoc />
    public async Task<Load> StartLoadAsync(
        ReportingPeriod period,
        string agency,
        string submissionId,
        DateTimeOffset startedAt,
        CancellationToken cancellationToken)
    {
        var id = Load.NewId(submissionId);
        var entity = SubmissionEntities.Load(period, agency, id, submissionId, LoadState.Writing);
        entity["StartedAt"] = startedAt;
        var response = await _table.AddEntityAsync(entity, cancellationToken);
        return new Load
        {
            Period = period, Agency = agency, Id = id, SubmissionId = submissionId, State = LoadState.Writing,
            StartedAt = startedAt,
            Version = response.Headers.ETag?.ToString() ?? throw new InvalidOperationException(
                "Table storage returned no ETag for a new load."),
        };
    }

    /// <inheritdoc />
    public Task<Load?> GetLoadAsync(
        ReportingPeriod period,
        string agency,
        string loadId,
        CancellationToken cancellationToken) =>
        ReadAsync(
            period,
            SubmissionEntities.LoadKey(agency, loadId),
            SubmissionEntities.ToLoad,
            cancellationToken);

    /// <inheritdoc />
    public async Task<SwitchResult> TrySwitchAsync(
        Load load,
        CurrentSubmission? expected,
        DateTimeOffset receivedAt,
        Arrival arrival,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var pointer = SubmissionEntities.Current(
            load.Period,
            load.Agency,
            load.SubmissionId,
            load.Id,
            receivedAt,
            arrival);
        var actions = new List<TableTransactionAction>
        {
            expected is null
                ? new TableTransactionAction(TableTransactionActionType.Add, pointer)
                : new TableTransactionAction(
                    TableTransactionActionType.UpdateReplace,
                    pointer,
                    new ETag(expected.Version)),
            new(
                TableTransactionActionType.UpdateMerge,
                SubmissionEntities.Load(load.Period, load.Agency, load.Id, load.SubmissionId, LoadState.Current),
                new ETag(load.Version)),
        };
        if (expected is not null)
        {
            // Upserted: a pointer written before loads were kept has no load record yet.
            var replaced = SubmissionEntities.Load(
                load.Period,
                load.Agency,
                expected.LoadId,
                expected.SubmissionId,
                LoadState.Superseded);
            replaced["EndedAt"] = at;
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertMerge, replaced));
        }

        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return SwitchResult.Switched;
        }
        catch (RequestFailedException e)
        {
            // The transaction may have committed with its answer lost (then a resend by the client's own
            // retry fails its conditions): a pointer naming this load says it did. Nothing else can have
            // put this load's id there, since every run has a load of its own.
            var standing = await GetCurrentAsync(load.Period, load.Agency, cancellationToken);
            if (standing?.LoadId == load.Id)
            {
                return SwitchResult.Switched;
            }

            if (e.Status is not (404 or 409 or 412))
            {
                throw;
            }

            // Either the pointer moved or the load is no longer Writing; its record says which.
            var now = await GetLoadAsync(load.Period, load.Agency, load.Id, cancellationToken);
            return now is { State: LoadState.Writing } ? SwitchResult.PointerChanged : SwitchResult.LoadNotWriting;
        }
    }

    /// <inheritdoc />
    public async Task<bool> TryMoveArrivalAsync(
        CurrentSubmission current,
        Arrival arrival,
        CancellationToken cancellationToken)
    {
        var entity = new TableEntity(current.Period.Key, SubmissionEntities.CurrentKey(current.Agency))
        {
            ["Arrival"] = arrival.Key
        };
        return await TryUpdateAsync(entity, current.Version, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TryDiscardAsync(Load load, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entity = SubmissionEntities.Load(load.Period, load.Agency, load.Id, load.SubmissionId, LoadState.Discarded);
        entity["EndedAt"] = at;
        return await TryUpdateAsync(entity, load.Version, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> MarkClearedAsync(
        Load load,
        int rows,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var entity = new TableEntity(load.Period.Key, SubmissionEntities.LoadKey(load.Agency, load.Id))
        {
            ["Open"] = false,
            ["ClearedAt"] = at,
            ["ClearedRows"] = rows,
        };
        while (true)
        {
            // Closed only as the dead load it was read as: a record that is Writing or Current stays open.
            var stored = await _table.GetEntityIfExistsAsync<TableEntity>(
                entity.PartitionKey,
                entity.RowKey,
                cancellationToken: cancellationToken);
            if (!stored.HasValue)
            {
                // No record to close: nothing stays open.
                return true;
            }

            if (SubmissionEntities.ToLoad(stored.Value!).State is not (LoadState.Superseded or LoadState.Discarded))
            {
                return false;
            }

            if (await TryUpdateAsync(entity, stored.Value!.ETag.ToString(), cancellationToken))
            {
                return true;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Load>> ListOpenLoadsAsync(
        ReportingPeriod? period,
        string? agency,
        CancellationToken cancellationToken)
    {
        var from = agency is null
            ? SubmissionEntities.LoadPrefix + TableKey.Separator
            : TableKey.Join(SubmissionEntities.LoadPrefix, agency) + TableKey.Separator;
        var filter = period is { } p
            ? TableClient.CreateQueryFilter(
                $"PartitionKey eq {p.Key} and RowKey ge {from} and RowKey lt {TableKey.After(from)} and Open eq true")
            : TableClient.CreateQueryFilter($"RowKey ge {from} and RowKey lt {TableKey.After(from)} and Open eq true");
        var result = new List<Load>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(SubmissionEntities.ToLoad(entity));
        }

        return result;
    }

    private async Task<bool> TryUpdateAsync(TableEntity entity, string version, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(entity, new ETag(version), TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private async Task<List<T>> ListAsync<T>(
        string partition,
        string prefix,
        Func<TableEntity, T> map,
        CancellationToken cancellationToken)
    {
        var result = new List<T>();
        await foreach (var entity in _table.QueryStartingWith(partition, prefix, null, cancellationToken))
        {
            result.Add(map(entity));
        }

        return result;
    }

    /// <summary>
    /// The record under <paramref name="rowKey"/> in the quarter's partition, read by <paramref name="read"/>; null
    /// where there is none.
    /// </summary>
    private async Task<T?> ReadAsync<T>(
        ReportingPeriod period,
        string rowKey,
        Func<TableEntity, T> read,
        CancellationToken cancellationToken)
        where T : class
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(
            period.Key,
            rowKey,
            cancellationToken: cancellationToken);
        return entity.HasValue ? read(entity.Value!) : null;
    }
}
