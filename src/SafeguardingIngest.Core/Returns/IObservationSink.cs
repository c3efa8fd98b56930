namespace SafeguardingIngest.Returns;

/// <summary>
/// Receives observations as a return is read, so a large return need not be held in memory. They
/// arrive before the verdict: use them only when the report accepts the return.
/// </summary>
public interface IObservationSink
{
    /// <summary>Takes one observation.</summary>
    void Add(Observation observation);
}

/// <summary>Keeps every observation, for callers that store an accepted return.</summary>
public sealed class ObservationBuffer : IObservationSink
{
    private readonly List<Observation> _items = [];

    /// <summary>The observations received, in the order read.</summary>
    public IReadOnlyList<Observation> Items => _items;

    /// <inheritdoc />
    public void Add(Observation observation) => _items.Add(observation);
}
