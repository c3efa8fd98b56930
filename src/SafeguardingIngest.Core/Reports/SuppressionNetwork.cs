namespace SafeguardingIngest.Reports;

/// <summary>
/// Published figures and the sums that tie them together (a total and the figures that add up to it),
/// as a reader with every published output can use them; and the choice of which figures to hide.
/// <para>
/// The method, in order. Primary: the figures marked when added. Secondary, by local rules until
/// nothing changes: where a sum's total is shown and its hidden members are one alone, or add up to so
/// little that a reader knowing each is at least 1 pins each below the threshold, or where the total
/// is hidden and no member is, one more of its shown non-zero figures is hidden: the one of lowest
/// rank (a figure the caller would rather keep, such as a whole-area total or a quarter published
/// before, ranks higher), then the smallest, then the first added. Then an
/// audit: every figure is bounded by interval propagation over all the sums at once (shown figures
/// exact, hidden ones from their least possible value upwards), and where a primary figure is pinned
/// to fewer values than the threshold, the smallest shown figure of the sum that pinned it is hidden
/// and the local rules run again. Each step only hides more, so it ends; the same input gives the same
/// choice.
/// </para>
/// </summary>
internal sealed class SuppressionNetwork(int threshold, bool hiddenAtLeastOne)
{
    private readonly List<double> _values = [];
    private readonly List<bool> _primary = [];
    private readonly List<int> _rank = [];
    private readonly List<(int Total, int[] Members)> _sums = [];

    /// <summary>
    /// Adds a figure (the quantity the sums add up); <paramref name="primary"/> where it is hidden for its own
    /// sake. Where a partner must be chosen, figures of a lower <paramref name="rank"/> go first.
    /// </summary>
    public int Add(double value, bool primary, int rank = 0)
    {
        _values.Add(value);
        _primary.Add(primary);
        _rank.Add(rank);
        return _values.Count - 1;
    }

    /// <summary>States that <paramref name="total"/> is the sum of <paramref name="members"/>.</summary>
    /// <returns>The sum's index.</returns>
    public int Sum(int total, IEnumerable<int> members)
    {
        var list = members.ToArray();
        if (list.Length > 0)
        {
            _sums.Add((total, list));
        }

        return _sums.Count - 1;
    }

    /// <summary>The figures to hide.</summary>
    public HashSet<int> Hide()
    {
        var hidden = Enumerable.Range(0, _values.Count).Where(n => _primary[n]).ToHashSet();
        while (true)
        {
            ApplyLocalRules(hidden);
            var repaired = false;
            foreach (var (node, route) in Audit(hidden))
            {
                // The sum that pinned it first, then any other sum it is in.
                var sums = Enumerable.Range(0, _sums.Count).Where(s => s != route && (_sums[s].Total == node || _sums[s].Members.Contains(node)));
                repaired |= (route >= 0 ? sums.Prepend(route) : sums).Any(s => HideSmallestShown(hidden, s));
            }

            if (!repaired)
            {
                return hidden;
            }
        }
    }

    /// <summary>
    /// Each hidden primary figure a reader could pin to fewer values than the threshold, with the sum that
    /// pinned it last; empty when the figures hidden are safe. A figure is pinned when it can take fewer
    /// whole values than the threshold.
    /// </summary>
    public List<(int Node, int Sum)> Audit(HashSet<int> hidden)
    {
        var (low, high, route) = Bounds(hidden);
        return hidden
            .Where(n => _primary[n] && Math.Floor(high[n] + 1e-9) - Math.Ceiling(low[n] - 1e-9) + 1 < threshold)
            .Order()
            .Select(n => (n, route[n]))
            .ToList();
    }

    private void ApplyLocalRules(HashSet<int> hidden)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            for (var s = 0; s < _sums.Count; s++)
            {
                var (total, members) = _sums[s];
                var hiddenMembers = members.Where(hidden.Contains).ToList();
                var safe = hidden.Contains(total)
                    ? hiddenMembers.Count > 0
                    : hiddenMembers.Count == 0 || (hiddenMembers.Count > 1 && hiddenMembers.Sum(m => _values[m]) - (hiddenMembers.Count - 1) >= threshold);
                if (!safe && HideSmallestShown(hidden, s))
                {
                    changed = true;
                }
            }
        }
    }

    /// <summary>
    /// Hides one more figure of a sum: of its shown non-zero figures (the total among them), the one of
    /// lowest rank, then smallest, then first added; else the total.
    /// </summary>
    private bool HideSmallestShown(HashSet<int> hidden, int sum)
    {
        var (total, members) = _sums[sum];
        var partner = members.Prepend(total).Where(m => !hidden.Contains(m) && _values[m] > 0)
            .OrderBy(m => _rank[m]).ThenBy(m => _values[m]).ThenBy(m => m).Select(m => (int?)m).FirstOrDefault();
        return hidden.Add(partner ?? total);
    }

    /// <summary>Interval propagation: the least and greatest value each figure can take given what is shown, and the sum that last narrowed it.</summary>
    private (double[] Low, double[] High, int[] Route) Bounds(HashSet<int> hidden)
    {
        var n = _values.Count;
        var low = new double[n];
        var high = new double[n];
        var route = new int[n];
        var integral = _values.All(v => Math.Abs(v - Math.Round(v)) < 1e-9);
        for (var i = 0; i < n; i++)
        {
            var shown = !hidden.Contains(i);
            low[i] = shown ? _values[i] : hiddenAtLeastOne ? 1 : 0;
            high[i] = shown ? _values[i] : double.PositiveInfinity;
            route[i] = -1;
        }

        // Each pass can only narrow; whole numbers make each narrowing at least 1, and the cap stops a slow crawl.
        for (var pass = 0; pass < 200; pass++)
        {
            var changed = false;
            for (var s = 0; s < _sums.Count; s++)
            {
                var (total, members) = _sums[s];
                double lowSum = 0, finiteHighSum = 0;
                var unbounded = 0;
                foreach (var m in members)
                {
                    lowSum += low[m];
                    if (double.IsPositiveInfinity(high[m]))
                    {
                        unbounded++;
                    }
                    else
                    {
                        finiteHighSum += high[m];
                    }
                }

                changed |= Narrow(total, lowSum, unbounded > 0 ? double.PositiveInfinity : finiteHighSum, s);
                foreach (var m in members)
                {
                    // m = total − the others
                    var mUnbounded = double.IsPositiveInfinity(high[m]);
                    var othersHigh = unbounded - (mUnbounded ? 1 : 0) > 0 ? double.PositiveInfinity : finiteHighSum - (mUnbounded ? 0 : high[m]);
                    changed |= Narrow(m, low[total] - othersHigh, high[total] - (lowSum - low[m]), s);
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return (low, high, route);

        bool Narrow(int node, double newLow, double newHigh, int sum)
        {
            if (!hidden.Contains(node))
            {
                return false;
            }

            if (integral)
            {
                newLow = Math.Ceiling(newLow - 1e-9);
                newHigh = Math.Floor(newHigh + 1e-9);
            }

            var narrowed = false;
            if (newLow > low[node])
            {
                low[node] = newLow;
                narrowed = true;
            }

            if (newHigh < high[node])
            {
                high[node] = newHigh;
                narrowed = true;
            }

            if (narrowed)
            {
                route[node] = sum;
            }

            return narrowed;
        }
    }
}
