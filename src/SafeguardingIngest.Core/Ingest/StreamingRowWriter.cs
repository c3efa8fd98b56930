using System.Threading.Channels;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Ingest;

/// <summary>
/// Writes observations to storage while the return is still being read, 100 at a time with a few
/// transactions in flight, so reading and writing overlap. Safe because the rows sit under the run's
/// own load, which no reader sees until the switch; a refused return's load is discarded and cleared.
/// A full queue makes the reader wait, so memory stays bounded; a storage failure stops the read.
/// </summary>
internal sealed class StreamingRowWriter : IObservationSink
{
    private const int BatchSize = 100;
    private readonly Channel<List<Observation>> _batches;
    private readonly Task _pump;
    private readonly List<LoadValue> _values = [];
    private List<Observation> _current = new(BatchSize);

    public StreamingRowWriter(IRowWriter rows, Load load, int parallel, CancellationToken cancellationToken)
    {
        _batches = Channel.CreateBounded<List<Observation>>(
            new BoundedChannelOptions(parallel * 2) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        _pump = Parallel.ForEachAsync(
            _batches.Reader.ReadAllAsync(cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (batch, token) => await rows.WriteRowsAsync(load, batch, [], [], token));

        // If a write fails, close the queue so the reader stops at its next row instead of waiting for space.
        _pump.ContinueWith(t => _batches.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);
    }

    /// <summary>Observations taken so far.</summary>
    public int Count { get; private set; }

    /// <summary>The figures taken so far, written with the load for the next quarter's check on change.</summary>
    public IReadOnlyList<LoadValue> Values => _values;

    public void Add(Observation observation)
    {
        _current.Add(observation);
        _values.Add(new LoadValue(observation.Indicator, observation.Locality, observation.Value));
        Count++;
        if (_current.Count == BatchSize)
        {
            Flush();
        }
    }

    /// <summary>Writes what is left and waits for every write; throws the first write's failure.</summary>
    public async Task CompleteAsync()
    {
        if (_current.Count > 0 && !_pump.IsCompleted)
        {
            Flush();
        }

        _batches.Writer.TryComplete();
        await _pump;
    }

    /// <summary>
    /// Stops after the run failed elsewhere: what is queued is still written, and a write's own failure is
    /// set aside, the run failing anyway; then nothing of the writer is left running.
    /// </summary>
    public async Task AbandonAsync()
    {
        _batches.Writer.TryComplete();
        await _pump.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
    }

    private void Flush()
    {
        var batch = _current;
        _current = new List<Observation>(BatchSize);
        if (!_batches.Writer.TryWrite(batch))
        {
            // The reader runs synchronously; it waits here for a write to finish (back-pressure).
            _batches.Writer.WriteAsync(batch).AsTask().GetAwaiter().GetResult();
        }
    }
}
