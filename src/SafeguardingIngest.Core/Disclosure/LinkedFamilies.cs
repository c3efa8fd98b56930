using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;

namespace SafeguardingIngest.Disclosure;

/// <summary>
/// The report's indicators in families that the catalogue's links tie together (<see cref="IndicatorLinks"/>),
/// each planned as one set of sums; and for each indicator the code its quantities are keyed under: one
/// count given by two indicators (sameCountAs, numeratorOf, or an average's cases by denominatorOf) is one
/// figure, so it is hidden or shown once for both.
/// </summary>
internal sealed class LinkedFamilies
{
    private readonly Dictionary<string, string> _keyCode = new(StringComparer.Ordinal);

    private LinkedFamilies(IReadOnlyList<IReadOnlyList<IndicatorResult>> families) => Families = families;

    /// <summary>The families, each in report order, in the order of their first indicator.</summary>
    public IReadOnlyList<IReadOnlyList<IndicatorResult>> Families { get; }

    /// <summary>The code <paramref name="indicator"/>'s quantities are keyed under.</summary>
    public string KeyCode(string indicator) => _keyCode.GetValueOrDefault(indicator, indicator);

    /// <summary>Groups <paramref name="results"/> by their links.</summary>
    public static LinkedFamilies Of(IReadOnlyList<IndicatorResult> results)
    {
        var index = results.Select((r, k) => (r.Indicator.Code, k)).ToDictionary(x => NameKey.Fold(x.Code), x => x.k);
        var family = new UnionFind(results.Count);
        var count = new UnionFind(results.Count);
        int? Find(string code) => index.TryGetValue(NameKey.Fold(code), out var k) ? k : null;
        for (var k = 0; k < results.Count; k++)
        {
            var indicator = results[k].Indicator;
            var links = indicator.Links;
            var joined = new[] { links.SameCountAs }.Concat(links.NumeratorOf).OfType<string>();
            foreach (var other in joined.Select(Find).OfType<int>())
            {
                family.Join(k, other);
                count.Join(k, other);
            }

            foreach (var other in links.DenominatorOf.Select(Find).OfType<int>())
            {
                family.Join(k, other);
                if (results[other].Indicator.Unit == IndicatorUnit.Average)
                {
                    count.Join(k, other);
                }
            }

            if (links.PartOf is { } whole && Find(whole) is { } part)
            {
                family.Join(k, part);
            }
        }

        var families = Enumerable.Range(0, results.Count).GroupBy(family.Find)
            .Select(g => (IReadOnlyList<IndicatorResult>)[.. g.Select(k => results[k])]).ToList();
        var linked = new LinkedFamilies(families);
        for (var k = 0; k < results.Count; k++)
        {
            linked._keyCode[results[k].Indicator.Code] = results[count.Find(k)].Indicator.Code;
        }

        return linked;
    }

    /// <summary>
    /// Union-find over indexes; each set's representative is its lowest index, so keys do not depend on order of
    /// joining.
    /// </summary>
    private sealed class UnionFind(int size)
    {
        private readonly int[] _parent = [.. Enumerable.Range(0, size)];

        public int Find(int k) => _parent[k] == k ? k : _parent[k] = Find(_parent[k]);

        public void Join(int a, int b)
        {
            var (x, y) = (Find(a), Find(b));
            if (x != y)
            {
                _parent[Math.Max(x, y)] = Math.Min(x, y);
            }
        }
    }
}
