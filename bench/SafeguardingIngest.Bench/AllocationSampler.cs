using System.Diagnostics.Tracing;

namespace SafeguardingIngest.Bench;

/// <summary>
/// The runtime's own allocation view, in process: the GC raises an AllocationTick event about every 100 KB
/// allocated, naming the type that crossed the mark, so summing the ticks by type shows where the bytes go,
/// as a profiler's allocation view does, without installing one.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTick = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private volatile bool _recording;

    /// <summary>Bytes sampled per type while <see cref="Record"/> ran, largest first.</summary>
    public IReadOnlyList<(string Type, long Bytes)> Record(Action work)
    {
        lock (_gate)
        {
            _bytes.Clear();
        }

        _recording = true;
        work();

        // Events arrive on the listener's own thread a moment later.
        Thread.Sleep(TimeSpan.FromSeconds(2));
        _recording = false;
        lock (_gate)
        {
            return [.. _bytes.OrderByDescending(x => x.Value).Select(x => (x.Key, x.Value))];
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventId != AllocationTick || eventData.Payload is not { } payload)
        {
            return;
        }

        var names = eventData.PayloadNames!;
        var amount = Convert.ToInt64(
            payload[names.IndexOf("AllocationAmount64")],
            System.Globalization.CultureInfo.InvariantCulture);
        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        lock (_gate)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }
}
