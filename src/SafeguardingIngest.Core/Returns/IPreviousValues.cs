using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Returns;

/// <summary>Values an agency returned for earlier quarters, for the plausibility check on quarterly change.</summary>
public interface IPreviousValues
{
    /// <summary>The value returned for that indicator and locality in <paramref name="period"/>, if known.</summary>
    double? Find(string agency, string indicator, string locality, ReportingPeriod period);

    /// <summary>
    /// False while the values are still on their way (read from storage as the return is read): a check
    /// that would wait for them can be put off until the end of the sheet. <see cref="Find"/> waits.
    /// </summary>
    bool IsReady => true;
}

/// <summary>Previous values held in memory, for example read from last quarter's return.</summary>
public sealed class PreviousValues : IPreviousValues
{
    private readonly Dictionary<(string Agency, string Indicator, string Locality, ReportingPeriod Period), double>
        _values = [];

    /// <summary>Holds the given observations' values.</summary>
    public PreviousValues(IEnumerable<Observation> observations)
    {
        foreach (var o in observations)
        {
            _values[(o.Agency, o.Indicator, o.Locality, o.Period)] = o.Value;
        }
    }

    /// <summary>Holds no values yet; <see cref="Add"/> adds them.</summary>
    public PreviousValues()
    {
    }

    /// <summary>The number of values held.</summary>
    public int Count => _values.Count;

    /// <summary>Holds one value (the last one given for the same agency, indicator, locality and period).</summary>
    public void Add(string agency, string indicator, string locality, ReportingPeriod period, double value) =>
        _values[(agency, indicator, locality, period)] = value;

    /// <inheritdoc />
    public double? Find(string agency, string indicator, string locality, ReportingPeriod period) =>
        _values.TryGetValue((agency, indicator, locality, period), out var value) ? value : null;
}
