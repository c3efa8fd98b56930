using System.Collections.Concurrent;
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
/// agency whose pointer moved meanwhile is read again from its new load's key range. Each load is one
/// key range, queried for only the properties the compile uses; <see cref="StorageOptions.ParallelQueries"/>
/// of them are in flight at once, across every period being read.
/// </summary>
public sealed class TablePeriodReader(
    TableServiceClient service,
    StorageNames names,
    ISubmissionRecords records,
    StorageOptions options) : IPeriodReader, IDisposable
{
    // A pointer moves once per accepted upload; this many in the span of one read means something is wrong.
    private const int MaxRereads = 20;

    private static readonly string[] s_valueProperties = ["Indicator", "Locality", "Value"];
    private static readonly string[] s_packedProperties = ["Values"];

    /// <summary>
    /// What the compile reads of a load's rows (RowKey says the kind): not the kind, agency or submission, which
    /// the pointer gives, nor the packed figures, which only the check on change reads.
    /// </summary>
    public static IReadOnlyList<string> RowProperties { get; } =
    [
        "RowKey", "Indicator", "Locality", "Numerator", "Denominator", "Value", "Unit", "Commentary", "Source",
        "Reference", "Description", "Rag", "RecoveryActions", "Impact", "Likelihood", "Mitigation", "Owner", "Due",
        "Code", "Sheet", "Cell", "Message",
    ];

    private readonly TableClient _rows = service.GetTableClient(names.Observations);
    private readonly SemaphoreSlim _inFlight = new(options.ParallelQueries);

    /// <inheritdoc />
    public void Dispose() => _inFlight.Dispose();

    /// <inheritdoc />
    public async Task<PeriodData> ReadPeriodAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var pointers = await PointersAsync(period, null, cancellationToken);
        var names = new NamePool();
        var read = await ReadLoadsAsync(period, pointers.Values, names, cancellationToken);
        var settled = await SettleAsync(period, null, pointers, read, names, cancellationToken);

        // In the order the pointers are listed, each load's rows in key order: sums come out the same every read.
        var ordered = settled.Keys.Select(a => read[a]).ToList();
        return new PeriodData(
            period,
            PackedObservations.Pack(ordered.SelectMany(r => r.Observations)),
            ordered.SelectMany(r => r.Actions).ToList(),
            ordered.SelectMany(r => r.Risks).ToList(),
            ordered.SelectMany(r => r.Queries).ToList());
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Observation>> ReadCurrentObservationsAsync(
        ReportingPeriod period,
        string? agency,
        CancellationToken cancellationToken)
    {
        if (agency is null)
        {
            return (await ReadPeriodAsync(period, cancellationToken)).Observations;
        }

        var pointers = await PointersAsync(period, agency, cancellationToken);
        var names = new NamePool();
        var read = await ReadLoadsAsync(period, pointers.Values, names, cancellationToken);
        await SettleAsync(period, agency, pointers, read, names, cancellationToken);
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

    /// <summary>
    /// Reads the pointers again until none moved since its agency's rows were read; returns them as they stand.
    /// </summary>
    private async Task<Dictionary<string, CurrentSubmission>> SettleAsync(
        ReportingPeriod period,
        string? agency,
        Dictionary<string, CurrentSubmission> pointers,
        Dictionary<string, AgencyRows> read,
        NamePool names,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxRereads; attempt++)
        {
            var after = await PointersAsync(period, agency, cancellationToken);
            var moved = after.Values
                .Where(p => !pointers.TryGetValue(p.Agency, out var before) || before.LoadId != p.LoadId)
                .ToList();
            if (moved.Count == 0 && after.Count == pointers.Count)
            {
                return after;
            }

            foreach (var gone in pointers.Keys.Where(a => !after.ContainsKey(a)).ToList())
            {
                read.Remove(gone);
            }

            foreach (var (movedAgency, rows) in await ReadLoadsAsync(period, moved, names, cancellationToken))
            {
                read[movedAgency] = rows;
            }

            pointers = after;
        }

        throw new InvalidOperationException(
            $"The current submissions of {period} kept changing during {MaxRereads} reads; the read will be retried.");
    }

    private async Task<Dictionary<string, CurrentSubmission>> PointersAsync(
        ReportingPeriod period,
        string? agency,
        CancellationToken cancellationToken)
    {
        if (agency is null)
        {
            return (await records.ListCurrentAsync(period, cancellationToken)).ToDictionary(
                p => p.Agency,
                StringComparer.Ordinal);
        }

        var pointer = await records.GetCurrentAsync(period, agency, cancellationToken);
        return pointer is null ? [] : new Dictionary<string, CurrentSubmission>(StringComparer.Ordinal)
        {
            [pointer.Agency] = pointer
        };
    }

    /// <summary>The rows of each pointer's load, a bounded number of key ranges in flight at once.</summary>
    private async Task<Dictionary<string, AgencyRows>> ReadLoadsAsync(
        ReportingPeriod period,
        IEnumerable<CurrentSubmission> pointers,
        NamePool names,
        CancellationToken cancellationToken)
    {
        var read = new ConcurrentDictionary<string, AgencyRows>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            pointers,
            new ParallelOptions
            {
                MaxDegreeOfParallelism = options.ParallelQueries,
                CancellationToken = cancellationToken,
            },
            async (pointer, token) => read[pointer.Agency] = await ReadLoadAsync(period, pointer, names, token));
        return new Dictionary<string, AgencyRows>(read, StringComparer.Ordinal);
    }

    private async Task<AgencyRows> ReadLoadAsync(
        ReportingPeriod period,
        CurrentSubmission pointer,
        NamePool names,
        CancellationToken cancellationToken)
    {
        // The bound holds across every period read at once (a compile reads eight), not per call.
        await _inFlight.WaitAsync(cancellationToken);
        try
        {
            var prefix = RowEntities.Prefix(pointer.Agency, pointer.LoadId);
            var rows = new AgencyRows();
            var query = _rows.QueryStartingWith(period.Key, prefix, RowProperties, cancellationToken);
            await foreach (var entity in query)
            {
                rows.Add(period, pointer, entity, prefix, names);
            }

            rows.Pack();
            return rows;
        }
        finally
        {
            _inFlight.Release();
        }
    }

    /// <summary>
    /// One agency's rows from its current load. Its observations are packed once the load is read: a compile reads
    /// every load of eight quarters at once, and holds what it read until its release is written.
    /// </summary>
    private sealed class AgencyRows
    {
        private List<Observation> _observations = [];
        private PackedObservations? _packed;

        public IReadOnlyList<Observation> Observations => _packed ?? (IReadOnlyList<Observation>)_observations;

        public List<AgencyItem<ActionItem>> Actions { get; } = [];

        public List<AgencyItem<RiskItem>> Risks { get; } = [];

        public List<AgencyQuery> Queries { get; } = [];

        /// <summary>Packs the observations read: the load is whole.</summary>
        public void Pack()
        {
            _packed = PackedObservations.Pack(_observations);
            _observations = [];
        }

        public void Add(
            ReportingPeriod period,
            CurrentSubmission pointer,
            TableEntity entity,
            string prefix,
            NamePool names)
        {
            var agency = pointer.Agency;
            switch (RowEntities.KindOf(entity.RowKey, prefix))
            {
                case 'O':
                    _observations.Add(RowEntities.ToObservation(period, agency, entity, names.Of));
                    break;
                case 'A':
                    Actions.Add(RowEntities.ToAction(agency, entity));
                    break;
                case 'R':
                    Risks.Add(RowEntities.ToRisk(agency, entity));
                    break;
                case 'W':
                    Queries.Add(RowEntities.ToQuery(agency, pointer.SubmissionId, entity));
                    break;
            }
        }
    }
}
