using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// The distinct names (agency, indicator, locality and source cell) and quarters of packed rows, each entered once and
/// known by its index: a quarter's rows repeat a few hundred names many thousands of times.
/// </summary>
internal sealed class PackedNames
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<ReportingPeriod> _periods = [];

    /// <summary>The index of <paramref name="name"/>, entered where it is new.</summary>
    public int Id(string name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            _ids[name] = id = _names.Count;
            _names.Add(name);
        }

        return id;
    }

    /// <summary>The index of <paramref name="name"/>, or -1 where it was never entered.</summary>
    public int Find(string name) => _ids.TryGetValue(name, out var id) ? id : -1;

    /// <summary>The name entered at <paramref name="id"/>.</summary>
    public string NameAt(int id) => _names[id];

    /// <summary>The index of <paramref name="period"/>, entered where it is new.</summary>
    public ushort PeriodId(ReportingPeriod period)
    {
        var id = _periods.IndexOf(period);
        if (id < 0)
        {
            id = _periods.Count;
            _periods.Add(period);
        }

        return checked((ushort)id);
    }

    /// <summary>The quarter entered at <paramref name="id"/>.</summary>
    public ReportingPeriod PeriodAt(int id) => _periods[id];
}
