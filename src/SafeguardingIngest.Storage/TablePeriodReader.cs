using Azure.Data.Tables;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Reads what the current submissions hold from the Observations table. The pointers are read
/// before and again after the rows: a load's rows are removed only after the pointer has moved past
/// it (and pointers never move back), so rows read under a pointer that has not moved are whole. An
/// agency whose pointer moved meanwhile is read again from its new load's key range.
/// </summary>
public sealed class TablePeriodReader(TableServiceClient service, StorageNames names, ISubmissionRecords records) : IPeriodReader
{
    // A pointer moves once per accepted upload; this many in the span of one read means something is wrong.
    private const int MaxRereads = 20;

    private static readonly string[] s_valueProperties = ["Indicator", "Locality", "Value"];
    private static readonly string[] s_packedProperties = ["Values"];

    private readonly TableClient _rows = service.GetTableClient(names.Observations);

    /// <inheritdoc />
    public async Task<PeriodData> ReadPeriodAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var pointers = await PointersAsync(period, null, cancellationToken);
        var read = new Dictionary<string, AgencyRows>(StringComparer.Ordinal);
        if (pointers.Count > 0)
        {
            // One scan of the period's partition; rows of loads that are not current are skipped.
            var byPrefix = pointers.ToDictionary(p => RowEntities.Prefix(p.Value.Agency, p.Value.LoadId), p => p.Value.Agency, StringComparer.Ordinal);
            foreach (var agency in byPrefix.Values)
            {
                read[agency] = new AgencyRows();
            }

            await foreach (var entity in _rows.QueryAsync<TableEntity>(e => e.PartitionKey == period.Key, cancellationToken: cancellationToken))
            {
                if (RowEntities.PrefixOf(entity.RowKey) is { } prefix && byPrefix.TryGetValue(prefix, out var agency))
                {
                    read[agency].Add(period, agency, entity, prefix);
                }
            }
        }

        await SettleAsync(period, null, pointers, read, cancellationToken);
        return new PeriodData(
            period,
            read.Values.SelectMany(r => r.Observations).ToList(),
            read.Values.SelectMany(r => r.Actions).ToList(),
            read.Values.SelectMany(r => r.Risks).ToList(),
            read.Values.SelectMany(r => r.Queries).ToList());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Observation>> ReadCurrentObservationsAsync(ReportingPeriod period, string? agency, CancellationToken cancellationToken)
    {
        if (agency is null)
        {
            return (await ReadPeriodAsync(period, cancellationToken)).Observations;
        }

        var pointers = await PointersAsync(period, agency, cancellationToken);
        var read = new Dictionary<string, AgencyRows>(StringComparer.Ordinal);
        foreach (var pointer in pointers.Values)
        {
            read[pointer.Agency] = await ReadLoadAsync(period, pointer, cancellationToken);
        }

        await SettleAsync(period, agency, pointers, read, cancellationToken);
        return read.Values.SelectMany(r => r.Observations).ToList();
    }

    /// <inheritdoc />
    public async Task<PreviousValues> ReadCurrentValuesAsync(
        ReportingPeriod period, string agency, CancellationToken cancellationToken)
    {
        var pointer = await records.GetCurrentAsync(period, agency, cancellationToken);
        for (var attempt = 0; attempt < MaxRereads; attempt++)
        {
            if (pointer is null)
            {
                return new PreviousValues();
            }

            var values = await ReadValuesAsync(period, pointer, cancellationToken);
            var after = await records.GetCurrentAsync(period, agency, cancellationToken);
            if (after?.LoadId == pointer.LoadId)
            {
                return values;
            }

            pointer = after;
        }

        throw new InvalidOperationException(
            $"The current submission of {agency} for {period} kept changing during {MaxRereads} reads; " +
            "the read will be retried.");
    }

    // The load's packed figures, a few rows read in one request; a load written before they were packed has
    // none, and then its observation rows are read, of them only the three properties the check compares.
    private async Task<PreviousValues> ReadValuesAsync(
        ReportingPeriod period, CurrentSubmission pointer, CancellationToken cancellationToken)
    {
        var load = RowEntities.Prefix(pointer.Agency, pointer.LoadId);
        var values = new PreviousValues();
        var packed = $"{load}{RowEntities.ValuesKind}{TableKey.Separator}";
        var found = false;
        await foreach (var entity in _rows.QueryStartingWith(period.Key, packed, s_packedProperties, cancellationToken))
        {
            found = true;
            foreach (var value in PackedValues.Unpack(entity.GetBinary("Values") ?? []))
            {
                values.Add(pointer.Agency, value.Indicator, value.Locality, period, value.Value);
            }
        }

        if (found)
        {
            return values;
        }

        var figures = $"{load}{RowEntities.ObservationKind}{TableKey.Separator}";
        await foreach (var entity in _rows.QueryStartingWith(period.Key, figures, s_valueProperties, cancellationToken))
        {
            var value = entity.GetDouble("Value") ?? 0;
            values.Add(pointer.Agency, entity.GetString("Indicator"), entity.GetString("Locality"), period, value);
        }

        return values;
    }

    /// <summary>Reads the pointers again until none moved since its agency's rows were read.</summary>
    private async Task SettleAsync(ReportingPeriod period, string? agency, Dictionary<string, CurrentSubmission> pointers, Dictionary<string, AgencyRows> read, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRereads; attempt++)
        {
            var after = await PointersAsync(period, agency, cancellationToken);
            var moved = after.Values.Where(p => !pointers.TryGetValue(p.Agency, out var before) || before.LoadId != p.LoadId).ToList();
            if (moved.Count == 0 && after.Count == pointers.Count)
            {
                return;
            }

            foreach (var gone in pointers.Keys.Where(a => !after.ContainsKey(a)).ToList())
            {
                read.Remove(gone);
            }

            foreach (var pointer in moved)
            {
                read[pointer.Agency] = await ReadLoadAsync(period, pointer, cancellationToken);
            }

            pointers = after;
        }

        throw new InvalidOperationException($"The current submissions of {period} kept changing during {MaxRereads} reads; the read will be retried.");
    }

    private async Task<Dictionary<string, CurrentSubmission>> PointersAsync(ReportingPeriod period, string? agency, CancellationToken cancellationToken)
    {
        if (agency is null)
        {
            return (await records.ListCurrentAsync(period, cancellationToken)).ToDictionary(p => p.Agency, StringComparer.Ordinal);
        }

        var pointer = await records.GetCurrentAsync(period, agency, cancellationToken);
        return pointer is null ? [] : new Dictionary<string, CurrentSubmission>(StringComparer.Ordinal) { [pointer.Agency] = pointer };
    }

    private async Task<AgencyRows> ReadLoadAsync(ReportingPeriod period, CurrentSubmission pointer, CancellationToken cancellationToken)
    {
        var prefix = RowEntities.Prefix(pointer.Agency, pointer.LoadId);
        var rows = new AgencyRows();
        await foreach (var entity in _rows.QueryStartingWith(period.Key, prefix, null, cancellationToken))
        {
            rows.Add(period, pointer.Agency, entity, prefix);
        }

        return rows;
    }

    /// <summary>One agency's rows from its current load.</summary>
    private sealed class AgencyRows
    {
        public List<Observation> Observations { get; } = [];

        public List<AgencyItem<ActionItem>> Actions { get; } = [];

        public List<AgencyItem<RiskItem>> Risks { get; } = [];

        public List<AgencyQuery> Queries { get; } = [];

        public void Add(ReportingPeriod period, string agency, TableEntity entity, string prefix)
        {
            switch (RowEntities.KindOf(entity.RowKey, prefix))
            {
                case 'O':
                    Observations.Add(RowEntities.ToObservation(period, entity));
                    break;
                case 'A':
                    Actions.Add(RowEntities.ToAction(agency, entity));
                    break;
                case 'R':
                    Risks.Add(RowEntities.ToRisk(agency, entity));
                    break;
                case 'W':
                    Queries.Add(RowEntities.ToQuery(agency, entity));
                    break;
            }
        }
    }
}
