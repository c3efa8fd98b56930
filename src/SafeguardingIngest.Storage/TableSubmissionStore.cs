using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Submissions, current pointers and return rows in Azure Table Storage. Both tables are
/// partitioned by period, so a compile reads a quarter in one partition scan and a return's rows
/// go in transactions of up to 100 within one partition. Keys are in docs/storage.md.
/// </summary>
public sealed class TableSubmissionStore(TableServiceClient service, StorageNames names, StorageOptions options) : ISubmissionStore
{
    private const int MaxBatch = 100;

    // Stay well under the 4 MiB transaction payload limit, counting commentary at two bytes a character.
    private const int MaxBatchBytes = 3 * 1024 * 1024;
    private const int MaxTextLength = 30_000;

    private readonly TableClient _submissions = service.GetTableClient(names.Submissions);
    private readonly TableClient _rows = service.GetTableClient(names.Observations);

    /// <inheritdoc />
    public async Task<Submission?> FindAsync(ReportingPeriod period, string agency, string submissionId, CancellationToken cancellationToken)
    {
        var entity = await _submissions.GetEntityIfExistsAsync<TableEntity>(period.Key, SubmissionKey(agency, submissionId), cancellationToken: cancellationToken);
        return entity.HasValue ? ToSubmission(entity.Value!) : null;
    }

    /// <inheritdoc />
    public async Task SaveAsync(Submission submission, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(submission.Period.Key, SubmissionKey(submission.Agency, submission.Id))
        {
            ["Kind"] = "submission",
            ["Agency"] = submission.Agency,
            ["Period"] = submission.Period.ToString(),
            ["SubmissionId"] = submission.Id,
            ["BlobName"] = submission.BlobName,
            ["Sha256"] = submission.Sha256,
            ["Size"] = submission.Size,
            ["ReceivedAt"] = submission.ReceivedAt,
            ["ProcessedAt"] = submission.ProcessedAt,
            ["Status"] = submission.Status.ToString(),
            ["Rows"] = submission.Rows,
            ["Errors"] = submission.Errors,
            ["Warnings"] = submission.Warnings,
            ["Supersedes"] = submission.Supersedes,
            ["FeedbackPath"] = submission.FeedbackPath,
            ["StoredAt"] = submission.StoredAt,
            ["DueDate"] = submission.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        await _submissions.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Submission>> ListAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var result = new List<Submission>();
        var from = "sub" + TableKey.Separator;
        await foreach (var entity in _submissions.QueryAsync<TableEntity>(
            e => e.PartitionKey == period.Key && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(TableKey.After(from)) < 0,
            cancellationToken: cancellationToken))
        {
            result.Add(ToSubmission(entity));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<CurrentSubmission?> GetCurrentAsync(ReportingPeriod period, string agency, CancellationToken cancellationToken)
    {
        var entity = await _submissions.GetEntityIfExistsAsync<TableEntity>(period.Key, CurrentKey(agency), cancellationToken: cancellationToken);
        return entity.HasValue ? ToCurrent(entity.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CurrentSubmission>> ListCurrentAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var result = new List<CurrentSubmission>();
        var from = "current" + TableKey.Separator;
        await foreach (var entity in _submissions.QueryAsync<TableEntity>(
            e => e.PartitionKey == period.Key && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(TableKey.After(from)) < 0,
            cancellationToken: cancellationToken))
        {
            result.Add(ToCurrent(entity));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<bool> TrySwitchCurrentAsync(ReportingPeriod period, string agency, CurrentSubmission? expected, string submissionId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(period.Key, CurrentKey(agency))
        {
            ["Kind"] = "current",
            ["Agency"] = agency,
            ["SubmissionId"] = submissionId,
            ["ReceivedAt"] = receivedAt,
        };
        try
        {
            if (expected is null)
            {
                await _submissions.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await _submissions.UpdateEntityAsync(entity, new ETag(expected.Version), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another run created or changed the pointer since it was read.
            return false;
        }
    }

    /// <inheritdoc />
    public async Task WriteRowsAsync(ReportingPeriod period, string agency, string submissionId, IReadOnlyList<Observation> observations, IReadOnlyList<ActionItem> actions, IReadOnlyList<RiskItem> risks, CancellationToken cancellationToken)
    {
        var partition = period.Key;
        var entities = new List<TableEntity>(observations.Count + actions.Count + risks.Count);
        entities.AddRange(observations.Select(o => ObservationEntity(partition, submissionId, o)));
        entities.AddRange(actions.Select((a, i) => ActionEntity(partition, agency, submissionId, a, i)));
        entities.AddRange(risks.Select((r, i) => RiskEntity(partition, agency, submissionId, r, i)));
        await SubmitAsync(Batches(entities, e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteQueriesAsync(ReportingPeriod period, string agency, string submissionId, IReadOnlyList<Finding> queries, CancellationToken cancellationToken)
    {
        var entities = queries.Select((q, i) => new TableEntity(period.Key, TableKey.Join(agency, submissionId, "W", i.ToString("0000", CultureInfo.InvariantCulture)))
        {
            ["Kind"] = "query",
            ["Agency"] = agency,
            ["SubmissionId"] = submissionId,
            ["Code"] = q.Code,
            ["Sheet"] = q.Sheet,
            ["Cell"] = q.Cell,
            ["Value"] = Clip(q.Value),
            ["Message"] = Clip(q.Message),
        }).ToList();
        await SubmitAsync(Batches(entities, e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PeriodData> ReadPeriodAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        // One scan of the period's partition; rows of submissions that are not current are skipped.
        var current = (await ListCurrentAsync(period, cancellationToken))
            .ToDictionary(c => TableKey.Join(c.Agency, c.SubmissionId) + TableKey.Separator, c => c.Agency, StringComparer.Ordinal);
        var observations = new List<Observation>();
        var actions = new List<AgencyItem<ActionItem>>();
        var risks = new List<AgencyItem<RiskItem>>();
        var queries = new List<AgencyQuery>();
        if (current.Count == 0)
        {
            return new PeriodData(period, observations, actions, risks, queries);
        }

        await foreach (var entity in _rows.QueryAsync<TableEntity>(e => e.PartitionKey == period.Key, cancellationToken: cancellationToken))
        {
            var key = entity.RowKey;
            var second = key.IndexOf(TableKey.Separator, key.IndexOf(TableKey.Separator, StringComparison.Ordinal) + 1);
            if (second < 0 || !current.TryGetValue(key[..(second + 1)], out var agency))
            {
                continue;
            }

            switch (key[second + 1])
            {
                case 'O':
                    observations.Add(ToObservation(period, entity));
                    break;
                case 'A':
                    actions.Add(new AgencyItem<ActionItem>(agency, new ActionItem(
                        entity.GetString("Reference") ?? string.Empty, entity.GetString("Description"), Enum.Parse<Rag>(entity.GetString("Rag")),
                        entity.GetString("Commentary"), entity.GetString("RecoveryActions"), entity.GetString("Source") ?? string.Empty)));
                    break;
                case 'R':
                    risks.Add(new AgencyItem<RiskItem>(agency, new RiskItem(
                        entity.GetString("Reference") ?? string.Empty, entity.GetString("Description"), entity.GetInt32("Impact") ?? 0, entity.GetInt32("Likelihood") ?? 0,
                        entity.GetString("Mitigation"), entity.GetString("Owner"), entity.GetString("Due"), entity.GetString("Source") ?? string.Empty)));
                    break;
                case 'W':
                    var code = entity.GetString("Code");
                    var rule = Rules.All.FirstOrDefault(r => r.Code == code);
                    queries.Add(new AgencyQuery(agency, entity.GetString("SubmissionId"), new Finding(
                        code, rule?.Severity ?? Severity.Warning, entity.GetString("Sheet"), entity.GetString("Cell"), entity.GetString("Value"), entity.GetString("Message"))));
                    break;
            }
        }

        return new PeriodData(period, observations, actions, risks, queries);
    }

    /// <inheritdoc />
    public async Task DeleteRowsAsync(ReportingPeriod period, string agency, string submissionId, CancellationToken cancellationToken)
    {
        var prefix = TableKey.Join(agency, submissionId) + TableKey.Separator;
        var doomed = new List<TableEntity>();
        await foreach (var entity in _rows.QueryAsync<TableEntity>(
            e => e.PartitionKey == period.Key && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(TableKey.After(prefix)) < 0,
            select: ["PartitionKey", "RowKey"],
            cancellationToken: cancellationToken))
        {
            doomed.Add(entity);
        }

        await SubmitAsync(Batches(doomed, e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), cancellationToken, ignoreMissing: true);
    }

    /// <inheritdoc />
    public async Task<int> DeleteOtherReturnsAsync(ReportingPeriod period, string agency, string keepSubmissionId, CancellationToken cancellationToken)
    {
        // Two key ranges either side of the kept submission's rows, so its own rows are never read.
        var prefix = TableKey.Escape(agency) + TableKey.Separator;
        var keep = prefix + TableKey.Escape(keepSubmissionId) + TableKey.Separator;
        var doomed = new List<TableEntity>();
        foreach (var (from, to) in new[] { (prefix, keep), (TableKey.After(keep), TableKey.After(prefix)) })
        {
            await foreach (var entity in _rows.QueryAsync<TableEntity>(
                e => e.PartitionKey == period.Key && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0,
                select: ["PartitionKey", "RowKey"],
                cancellationToken: cancellationToken))
            {
                doomed.Add(entity);
            }
        }

        await SubmitAsync(Batches(doomed, e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), cancellationToken, ignoreMissing: true);
        return doomed.Count;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Observation>> ReadCurrentObservationsAsync(ReportingPeriod period, string? agency, CancellationToken cancellationToken)
    {
        var current = await ListCurrentAsync(period, cancellationToken);
        var prefixes = current
            .Where(c => agency is null || string.Equals(c.Agency, agency, StringComparison.OrdinalIgnoreCase))
            .Select(c => TableKey.Join(c.Agency, c.SubmissionId, "O") + TableKey.Separator)
            .ToList();
        var result = new List<Observation>();
        if (prefixes.Count == 0)
        {
            return result;
        }

        // One agency: a key range. All agencies: one scan of the period's partition.
        var (from, to) = prefixes.Count == 1 ? (prefixes[0], TableKey.After(prefixes[0])) : ("!", "~");
        await foreach (var entity in _rows.QueryAsync<TableEntity>(
            e => e.PartitionKey == period.Key && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(to) < 0,
            cancellationToken: cancellationToken))
        {
            if (prefixes.Any(p => entity.RowKey.StartsWith(p, StringComparison.Ordinal)))
            {
                result.Add(ToObservation(period, entity));
            }
        }

        return result;
    }

    private static string SubmissionKey(string agency, string submissionId) => TableKey.Join("sub", agency, submissionId);

    private static string CurrentKey(string agency) => TableKey.Join("current", agency);

    /// <summary>The table row of one observation (internal so the benchmark writes exactly the same rows).</summary>
    internal static TableEntity ObservationEntity(string partition, string submissionId, Observation o) =>
        new(partition, TableKey.Join(o.Agency, submissionId, "O", o.Indicator, o.Locality))
        {
            ["Kind"] = "observation",
            ["Agency"] = o.Agency,
            ["SubmissionId"] = submissionId,
            ["Indicator"] = o.Indicator,
            ["Locality"] = o.Locality,
            ["Unit"] = o.Unit.ToString(),
            ["Numerator"] = o.Numerator,
            ["Denominator"] = o.Denominator,
            ["Value"] = o.Value,
            ["Commentary"] = Clip(o.Commentary),
            ["Source"] = o.Source,
        };

    private static TableEntity ActionEntity(string partition, string agency, string submissionId, ActionItem a, int index) =>
        new(partition, TableKey.Join(agency, submissionId, "A", index.ToString("0000", CultureInfo.InvariantCulture)))
        {
            ["Kind"] = "action",
            ["Agency"] = agency,
            ["SubmissionId"] = submissionId,
            ["Reference"] = a.Reference,
            ["Description"] = Clip(a.Description),
            ["Rag"] = a.Rag.ToString(),
            ["Commentary"] = Clip(a.Commentary),
            ["RecoveryActions"] = Clip(a.RecoveryActions),
            ["Source"] = a.Source,
        };

    private static TableEntity RiskEntity(string partition, string agency, string submissionId, RiskItem r, int index) =>
        new(partition, TableKey.Join(agency, submissionId, "R", index.ToString("0000", CultureInfo.InvariantCulture)))
        {
            ["Kind"] = "risk",
            ["Agency"] = agency,
            ["SubmissionId"] = submissionId,
            ["Reference"] = r.Reference,
            ["Description"] = Clip(r.Description),
            ["Impact"] = r.Impact,
            ["Likelihood"] = r.Likelihood,
            ["Mitigation"] = Clip(r.Mitigation),
            ["Owner"] = Clip(r.Owner),
            ["Due"] = Clip(r.Due),
            ["Source"] = r.Source,
        };

    private static string? Clip(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;

    private static Observation ToObservation(ReportingPeriod period, TableEntity e) => new(
        period,
        e.GetString("Agency"),
        e.GetString("Indicator"),
        e.GetString("Locality"),
        e.GetDouble("Numerator") ?? 0,
        e.GetDouble("Denominator"),
        e.GetDouble("Value") ?? 0,
        Enum.Parse<IndicatorUnit>(e.GetString("Unit")),
        e.GetString("Commentary"),
        e.GetString("Source"));

    private static Submission ToSubmission(TableEntity e) => new()
    {
        Id = e.GetString("SubmissionId"),
        Agency = e.GetString("Agency"),
        Period = ReportingPeriod.Parse(e.PartitionKey),
        BlobName = e.GetString("BlobName"),
        Sha256 = e.GetString("Sha256"),
        Size = e.GetInt64("Size") ?? 0,
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default,
        ProcessedAt = e.GetDateTimeOffset("ProcessedAt") ?? default,
        Status = Enum.Parse<ReturnStatus>(e.GetString("Status")),
        Rows = e.GetInt32("Rows") ?? 0,
        Errors = e.GetInt32("Errors") ?? 0,
        Warnings = e.GetInt32("Warnings") ?? 0,
        Supersedes = e.GetString("Supersedes"),
        FeedbackPath = e.GetString("FeedbackPath"),
        StoredAt = e.GetString("StoredAt"),
        DueDate = e.GetString("DueDate") is { } due ? DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
    };

    private static CurrentSubmission ToCurrent(TableEntity e) =>
        new(e.GetString("Agency"), e.GetString("SubmissionId"), e.GetDateTimeOffset("ReceivedAt") ?? default, e.ETag.ToString());

    private static IEnumerable<List<TableTransactionAction>> Batches(List<TableEntity> entities, Func<TableEntity, TableTransactionAction> action)
    {
        var batch = new List<TableTransactionAction>(MaxBatch);
        var bytes = 0;
        foreach (var entity in entities)
        {
            var size = EstimateBytes(entity);
            if (batch.Count == MaxBatch || (batch.Count > 0 && bytes + size > MaxBatchBytes))
            {
                yield return batch;
                batch = new List<TableTransactionAction>(MaxBatch);
                bytes = 0;
            }

            batch.Add(action(entity));
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static int EstimateBytes(TableEntity entity)
    {
        var total = 256;
        foreach (var (key, value) in entity)
        {
            total += (key.Length * 2) + (value is string s ? s.Length * 2 : 16) + 32;
        }

        return total;
    }

    private async Task SubmitAsync(IEnumerable<List<TableTransactionAction>> batches, CancellationToken cancellationToken, bool ignoreMissing = false)
    {
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.ParallelBatches), CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                try
                {
                    await _rows.SubmitTransactionAsync(batch, token);
                }
                catch (TableTransactionFailedException e) when (ignoreMissing && e.Status == 404)
                {
                    // A row already deleted by a concurrent run; delete the rest one by one.
                    foreach (var item in batch)
                    {
                        await _rows.DeleteEntityAsync(item.Entity.PartitionKey, item.Entity.RowKey, ETag.All, token);
                    }
                }
            });
    }
}
