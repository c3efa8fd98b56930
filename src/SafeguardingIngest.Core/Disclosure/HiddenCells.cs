using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Disclosure;

/// <summary>
/// The csv cells a plan hides, each held by its quarter, indicator, agency and locality alone: an accepted return
/// has one row for each (a duplicate is refused), and the names are the observations' own strings, so a hidden
/// cell costs a key of four fields rather than a whole observation, kept until the csv is written.
/// </summary>
internal sealed class HiddenCells
{
    private readonly HashSet<Key> _keys = [];

    /// <summary>Hides <paramref name="observations"/>.</summary>
    public void Add(IEnumerable<Observation> observations)
    {
        foreach (var observation in observations)
        {
            _keys.Add(Key.Of(observation));
        }
    }

    /// <summary>Whether the cell of <paramref name="observation"/> is hidden.</summary>
    public bool Contains(Observation observation) => _keys.Contains(Key.Of(observation));

    private readonly record struct Key(ReportingPeriod Period, string Indicator, string Agency, string Locality)
    {
        public static Key Of(Observation o) => new(o.Period, o.Indicator, o.Agency, o.Locality);
    }
}
