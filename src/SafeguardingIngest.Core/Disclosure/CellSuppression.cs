namespace SafeguardingIngest.Disclosure;

/// <summary>
/// Published figures and the sums that tie them together (a total and the figures that add up to it),
/// as a reader with every published output can use them; and the choice of which figures to hide.
/// <para>
/// The method, in order. Primary: the figures marked when added. Secondary, by local rules until
/// nothing changes: where a sum's total is shown and its hidden members are one alone, or add up to so
/// little that a reader knowing each is at least 1 pins each below the threshold, or where the total
/// is hidden and no member is, one more of its shown non-zero figures is hidden: the one of lowest
/// rank (a figure the caller would rather keep, such as a whole-area total or a quarter published
/// before, ranks higher), then the smallest, then the first added. Then an audit: for each group of
/// hidden figures tied by sums, a linear program (<see cref="LinearRanges"/>) finds the least and
/// greatest value a reader can give each hidden figure from every sum at once; where one is pinned
/// (fewer whole values than the threshold, reaching below it), one more figure is hidden by the same
/// choice in a sum it is in, and the rules and the audit run again. Each step only hides more, so it
/// ends. Last, each figure hidden only as a partner is shown again where the audit finds that safe
/// (see <see cref="Reveal"/>). The same input gives the same choice.
/// </para>
/// <para>
/// Earlier releases come in as fixed facts: a figure an earlier release hid stays hidden
/// (<see cref="KeepHidden"/>); a figure it published is known to the reader (<see cref="Known"/>), so it is a
/// constant in every sum and protects nothing; and a figure of an earlier release that this one does not
/// show (an old value since revised, or a total laid out differently) is an <see cref="AddEarlier"/> figure,
/// in its sums but never shown or chosen here.
/// </para>
/// <para>
/// Where no pattern passes the audit (a figure still pinned with nothing left to hide that would free it,
/// a program stopped at its pivot cap, the time up), <see cref="Hide(AuditLimits)"/> says why, and the
/// caller hides more (<see cref="BreakdownFallback"/>): an audit that cannot finish never counts as a pass.
/// </para>
/// </summary>
internal sealed class CellSuppression(int threshold)
{
    private readonly List<double> _values = [];
    private readonly List<bool> _primary = [];
    private readonly List<int> _rank = [];
    private readonly List<(int Total, int[] Members)> _sums = [];
    private readonly HashSet<int> _forced = [];
    private readonly HashSet<int> _known = [];
    private readonly HashSet<int> _earlier = [];
    private readonly HashSet<(int, string)> _sumKeys = [];
    private readonly HashSet<int> _slack = [];
    private readonly List<(int If, int Then)> _implies = [];
    private readonly Dictionary<int, List<int>> _impliedBy = [];
    private readonly Dictionary<int, HashSet<int>> _bundles = [];
    private readonly HashSet<int> _parts = [];
    private Dictionary<List<int>, List<(int Node, double Low, double High)>> _audited = new(SameNodes.Instance);
    private AuditLimits _limits = AuditLimits.Unhurried;
    private bool _unfinished;

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

    /// <summary>
    /// Adds a figure an earlier release had and this one does not show: hidden then (an unknown to the
    /// reader, protected where it was <paramref name="primary"/>), or published then (<paramref name="known"/>).
    /// </summary>
    public int AddEarlier(double value, bool primary, bool known)
    {
        var node = Add(value, primary && !known);
        _earlier.Add(node);
        if (known)
        {
            _known.Add(node);
        }
        else
        {
            _forced.Add(node);
        }

        return node;
    }

    /// <summary>
    /// Adds what one figure exceeds another by where the catalogue says it cannot be less (all plans
    /// less the plans for neglect): never shown, never chosen, and at least 0 rather than 1 to the audit.
    /// </summary>
    public int AddSlack(double value)
    {
        var node = Add(value, primary: false);
        _forced.Add(node);
        _earlier.Add(node);
        _slack.Add(node);
        return node;
    }

    /// <summary>Marks <paramref name="node"/> as hidden for its own sake too.</summary>
    public void MarkPrimary(int node) => _primary[node] = true;

    /// <summary>
    /// States that where <paramref name="hidden"/> is hidden, <paramref name="alsoHidden"/> must be too: showing the
    /// second would show the first (a percentage's csv row shows its denominator, another indicator's count).
    /// </summary>
    public void Implies(int hidden, int alsoHidden)
    {
        _implies.Add((hidden, alsoHidden));
        if (!_impliedBy.TryGetValue(alsoHidden, out var by))
        {
            by = [];
            _impliedBy[alsoHidden] = by;
        }

        by.Add(hidden);
    }

    /// <summary>
    /// States that <paramref name="first"/> and <paramref name="second"/> are shown or hidden together: parts of one
    /// figure (a percentage's numerator, denominator and complement, which its csv row shows together).
    /// </summary>
    public void Together(int first, int second)
    {
        Implies(first, second);
        Implies(second, first);
        var (a, b) = (Bundle(first), Bundle(second));
        if (a != b)
        {
            a.UnionWith(b);
            foreach (var node in b)
            {
                _bundles[node] = a;
            }
        }
    }

    /// <summary>
    /// States that <paramref name="whole"/> is <paramref name="first"/> + <paramref name="second"/> as parts of one
    /// figure (a percentage's denominator, numerator and complement), which the audit can treat alike across figures.
    /// </summary>
    public void Parts(int whole, int first, int second)
    {
        var count = _sums.Count;
        Sum(whole, [first, second]);
        if (_sums.Count > count)
        {
            _parts.Add(count);
        }
    }

    /// <summary>The figures shown or hidden together with <paramref name="node"/>, itself among them.</summary>
    private HashSet<int> Bundle(int node)
    {
        if (!_bundles.TryGetValue(node, out var bundle))
        {
            bundle = [node];
            _bundles[node] = bundle;
        }

        return bundle;
    }

    /// <summary>
    /// <paramref name="hidden"/> with every figure that must be hidden whatever is decided (earlier releases' hidden
    /// figures, and those an earlier release had that this one does not show) and every figure a hidden one implies.
    /// </summary>
    public HashSet<int> Closed(HashSet<int> hidden)
    {
        hidden.UnionWith(_forced);
        while (HideImplied(hidden))
        {
        }

        return hidden;
    }

    /// <summary>Hides each figure a hidden one implies (one pass); true where it hid any.</summary>
    private bool HideImplied(HashSet<int> hidden)
    {
        var changed = false;
        foreach (var (first, then) in _implies)
        {
            changed |= hidden.Contains(first) && hidden.Add(then);
        }

        return changed;
    }

    /// <summary>Hides <paramref name="node"/> whatever else is decided: an earlier release hid it.</summary>
    public void KeepHidden(int node) => _forced.Add(node);

    /// <summary>Marks <paramref name="node"/> as known to the reader: an earlier release published it.</summary>
    public void Known(int node) => _known.Add(node);

    /// <summary>
    /// Shows <paramref name="node"/>, a count's 0, wherever its count is shown, whatever else is decided: known to the
    /// reader, so a constant in every sum, though the figures it is shown or hidden together with (a percentage's row
    /// whose numerator it is) may be hidden. False, and nothing changes, where an earlier release hid it.
    /// </summary>
    public bool ShowZero(int node)
    {
        if (_forced.Contains(node) || _values[node] != 0)
        {
            return false;
        }

        _known.Add(node);
        return true;
    }

    /// <summary>Whether <paramref name="node"/> is known to the reader: published before, or a 0 shown.</summary>
    public bool IsKnown(int node) => _known.Contains(node);

    /// <summary>
    /// States that <paramref name="total"/> is the sum of <paramref name="members"/>; a sum stated twice counts once.
    /// </summary>
    public void Sum(int total, IEnumerable<int> members)
    {
        var list = members.ToArray();
        if (list.Length > 0 && _sumKeys.Add((total, string.Join(',', list.Order()))))
        {
            _sums.Add((total, list));
        }
    }

    /// <summary>
    /// The figures to hide; every figure where no pattern passes the audit (see <see cref="Hide(AuditLimits)"/>).
    /// </summary>
    public HashSet<int> Hide() =>
        Hide(AuditLimits.Unhurried) is { Unsafe: null, Hidden: var hidden }
            ? hidden
            : [.. Enumerable.Range(0, _values.Count)];

    /// <summary>
    /// The figures to hide, within <paramref name="limits"/>. Unsafe, with the figures hidden so far, where a hidden
    /// figure stays pinned and no figure left to hide would free it, where a linear program reaches its pivot cap, or
    /// where the time runs out before a pattern passes the audit; once one passes, running out of time only stops
    /// showing partners again.
    /// </summary>
    public AuditOutcome Hide(AuditLimits limits)
    {
        var started = limits.Time.GetUtcNow();
        _limits = limits;
        _audited = new(SameNodes.Instance);
        var hidden = Enumerable.Range(0, _values.Count).Where(n => _primary[n] || _forced.Contains(n)).ToHashSet();
        while (true)
        {
            ApplyLocalRules(hidden);
            if (limits.Overdue(started))
            {
                return new(hidden, FallbackReason.TimeCap);
            }

            var repaired = false;
            var groups = Groups(hidden);
            var sumsOfGroups = SumsOf(groups);
            _unfinished = false;
            var pinnedNow = Pinned(groups, sumsOfGroups, remember: true);
            if (_unfinished)
            {
                return new(hidden, FallbackReason.PivotCap);
            }

            foreach (var pinned in pinnedNow.GroupBy(p => p.Group))
            {
                // One repair per group and round (one more hidden figure can free the others): in a sum the
                // pinned figure is in, else in any sum that ties its group.
                repaired |= SumsOf(pinned.First().Node)
                    .Concat(sumsOfGroups[pinned.Key])
                    .Any(s => HideOneMore(hidden, s));
            }

            if (!repaired)
            {
                if (pinnedNow.Count > 0)
                {
                    return new(hidden, FallbackReason.StillPinned);
                }

                Reveal(hidden, () => limits.Overdue(started));
                return new(hidden, null);
            }
        }
    }

    /// <summary>
    /// Shows again each figure hidden only as a partner whose showing the audit finds safe: the greedy
    /// choices above can overshoot (a later partner may make an earlier one needless). Tried in the
    /// reverse of the order partners are chosen in (highest rank, then largest, first), so the figures a
    /// reader most wants come back first. Showing one changes only the groups of hidden figures that
    /// share a sum with it; the others passed the audit and are not run again. Stops when
    /// <paramref name="overdue"/>: every pattern on the way passes the audit, so stopping is safe.
    /// </summary>
    private void Reveal(HashSet<int> hidden, Func<bool> overdue)
    {
        var partners = hidden.Where(n => !_primary[n] && !_forced.Contains(n))
            .OrderByDescending(n => _rank[n])
            .ThenByDescending(n => _values[n])
            .ThenByDescending(n => n)
            .ToList();
        var tried = new HashSet<int>();
        foreach (var node in partners.TakeWhile(_ => !overdue()))
        {
            // A figure goes with the parts it is shown together with (tried once for them all), and stays where
            // another hidden figure needs it.
            var bundle = Bundle(node);
            if (!tried.Add(node) || !hidden.Contains(node)
                || bundle.Any(n => _primary[n] || _forced.Contains(n))
                || bundle.Any(n => _impliedBy.TryGetValue(n, out var by)
                    && by.Any(i => !bundle.Contains(i) && hidden.Contains(i))))
            {
                continue;
            }

            tried.UnionWith(bundle);
            hidden.ExceptWith(bundle);
            var neighbours = bundle.SelectMany(SumsOf)
                .SelectMany(s => _sums[s].Members.Prepend(_sums[s].Total))
                .Where(n => Unknown(hidden, n))
                .ToHashSet();
            var groups = Groups(hidden).Where(g => g.Any(neighbours.Contains)).ToList();
            if (Pinned(groups, SumsOf(groups), remember: false).Count > 0)
            {
                hidden.UnionWith(bundle);
            }
        }
    }

    /// <summary>
    /// The hidden figures the audit protects (<see cref="Protected"/>) that a reader could pin to fewer whole values
    /// than the threshold, one of them below it, each with the index of its group in <paramref name="groups"/>.
    /// A group's audit depends on its figures alone (every other figure in its sums is a constant to the reader), so a
    /// group audited in the round before is not run again; where <paramref name="remember"/>, these groups become the
    /// ones remembered, so that what is kept stays one round's groups however many rounds a plan takes.
    /// </summary>
    private List<(int Node, int Group, double Low, double High)> Pinned(
        List<List<int>> groups,
        List<List<int>> sumsOfGroups,
        bool remember)
    {
        var pinned = new List<(int, int, double, double)>();
        var unfinished = false;
        var audited = new Dictionary<List<int>, List<(int Node, double Low, double High)>>(SameNodes.Instance);
        for (var g = 0; g < groups.Count; g++)
        {
            var finished = true;
            if (!_audited.TryGetValue(groups[g], out var found))
            {
                _unfinished = false;
                found = PinnedIn(groups[g], sumsOfGroups[g]);
                finished = !_unfinished;
                unfinished |= _unfinished;
            }

            if (remember && finished)
            {
                audited[groups[g]] = found;
            }

            pinned.AddRange(found.Select(p => (p.Node, g, p.Low, p.High)));
        }

        if (remember)
        {
            _audited = audited;
        }

        _unfinished = unfinished;
        return pinned;
    }

    /// <summary>The hidden figures of one group that a reader could pin (see <see cref="Pinned"/>).</summary>
    private List<(int Node, double Low, double High)> PinnedIn(List<int> nodes, List<int> sums)
    {
        var pinned = new List<(int, double, double)>();
        if (!nodes.Any(Protected))
        {
            return pinned;
        }

        // Figures in exactly the same sums (the hidden cells of one locality and quarter) are one unknown
        // to the program, their total: any split of it is as good to a reader. That keeps the program as
        // small as the table's margins, however many cells are hidden.
        var roles = nodes.ToDictionary(n => n, _ => new List<string>());
        foreach (var s in sums.Where(s => !_parts.Contains(s)))
        {
            var (total, members) = _sums[s];
            if (roles.TryGetValue(total, out var role))
            {
                role.Add($"={s}");
            }

            foreach (var m in members.Where(roles.ContainsKey))
            {
                roles[m].Add($"+{s}");
            }
        }

        // A figure's parts (a percentage's denominator = numerator + complement) are alike for figures whose
        // parts are in the same sums, all three hidden: the class totals keep the tie, and the classes stay
        // the size of the margins. Where a part is known, each hidden part is its own unknown.
        var sumRoles = roles.ToDictionary(r => r.Key, r => string.Join(',', r.Value));
        var whole = new HashSet<int>();
        foreach (var s in sums.Where(_parts.Contains))
        {
            var (total, members) = _sums[s];
            int[] tie = [total, .. members];
            if (tie.All(roles.ContainsKey))
            {
                whole.Add(s);
                for (var i = 0; i < tie.Length; i++)
                {
                    roles[tie[i]].Add($"{i}:{string.Join('/', tie.Select(n => sumRoles[n]))}");
                }
            }
            else
            {
                foreach (var n in tie.Where(roles.ContainsKey))
                {
                    roles[n].Add($"t{s}");
                }
            }
        }

        var classes = nodes.GroupBy(n => string.Join(',', roles[n])).Select(c => c.ToList()).ToList();
        var classOf = classes.SelectMany((c, k) => c.Select(n => (n, k))).ToDictionary(x => x.n, x => x.k);
        var program = new LinearRanges(classes.Select(c => c.Sum(Floor)).ToList(), _limits.PivotsPerSize);
        var ties = new HashSet<(int, int, int)>();
        foreach (var s in sums)
        {
            // total − Σ hidden members = Σ shown members, with a shown total moved to the right-hand side.
            var (total, members) = _sums[s];
            if (whole.Contains(s) && !ties.Add((classOf[total], classOf[members[0]], classOf[members[1]])))
            {
                continue; // the tie between these classes' totals is stated once
            }

            var terms = members.Where(classOf.ContainsKey)
                .Select(m => classOf[m])
                .Distinct()
                .Select(k => (k, -1d))
                .ToList();
            var constant = members.Where(m => !classOf.ContainsKey(m)).Sum(m => _values[m]);
            if (classOf.TryGetValue(total, out var t))
            {
                terms.Add((t, 1));
            }
            else
            {
                constant -= _values[total];
            }

            program.Equal(terms, constant);
        }

        // Where the figures as they are satisfy every sum, they are a solution of the program; where they do not, the
        // group is left to the program, which finds the contradiction and passes nothing.
        var consistent = sums.All(
            s => Math.Abs(_values[_sums[s].Total] - _sums[s].Members.Sum(m => _values[m])) <= 1e-6);
        for (var k = 0; k < classes.Count; k++)
        {
            // One of several: as low as its floor (the others take the rest), as high as the class's most less
            // the others' floors. The figures as they are being a solution, the class's most is at least their
            // total, and one alone is at least its value and at most as low: where that already spans the
            // threshold, no program is run.
            var single = classes[k].Count == 1;
            var floors = classes[k].Sum(Floor);
            var total = classes[k].Sum(n => _values[n]);
            var guarded = classes[k]
                .Where(n => Protected(n) && (!consistent || (single
                    ? PinnedBetween(Math.Min(_values[n], threshold - 1), _values[n])
                    : PinnedBetween(Floor(n), total - (floors - Floor(n))))))
                .ToList();
            if (guarded.Count == 0)
            {
                continue;
            }

            var greatest = Bound(() => program.Greatest(k));
            var least = single && greatest is { } most && PinnedBetween(Math.Min(total, threshold - 1), most)
                ? Bound(() => program.Least(k))
                : Floor(guarded[0]);
            foreach (var node in guarded)
            {
                var (low, high) = (greatest, least) is ({ } g, { } l)
                    ? single ? (l, g) : (Floor(node), g - (floors - Floor(node)))
                    : (0, 0);
                if (PinnedBetween(low, high))
                {
                    pinned.Add((node, Math.Ceiling(low - 1e-6), Math.Floor(high + 1e-6)));
                }
            }
        }

        return pinned;
    }

    /// <summary>
    /// Whether a figure a reader can narrow to between <paramref name="low"/> and <paramref name="high"/> is pinned:
    /// fewer whole values than the threshold, the least of them below it.
    /// </summary>
    private bool PinnedBetween(double low, double high)
    {
        low = Math.Ceiling(low - 1e-6);
        high = Math.Floor(high + 1e-6);
        return high - low + 1 < threshold && low < threshold;
    }

    /// <summary>
    /// The least a hidden figure can be to the reader the audit assumes: 1, or the figure itself where it is
    /// less (a zero hidden for a small denominator). A reader who knows the policy hides no zero count, and
    /// may know which hidden figures rest on large denominators; assuming the most a reader could know
    /// errs on the safe side, and the figures as they are always satisfy the program.
    /// </summary>
    public double Floor(int node) => _slack.Contains(node) ? 0 : Math.Min(1, _values[node]);

    /// <summary>
    /// Whether the audit holds <paramref name="node"/>, hidden, to the threshold: a figure hidden for its own sake, and
    /// a partner of this release too (any hidden figure of 1 or more). A reader does not know which hidden figures are
    /// small, so a partner narrowed to 3 to 6 reads as a small figure pinned, and a part no more than its whole can be
    /// narrowed from above as well as below. Not what one figure exceeds another by, nor an earlier release's partner
    /// since revised: nothing this release hides can change what that release gave.
    /// </summary>
    private bool Protected(int node) => _primary[node] || (!_earlier.Contains(node) && _values[node] >= 1);

    /// <summary>A figure's value, the quantity its sums add up.</summary>
    public double Value(int node) => _values[node];

    /// <summary>Whether a figure is hidden for its own sake.</summary>
    public bool IsPrimary(int node) => _primary[node];

    /// <summary>
    /// One bound of a class; null where the figures turn out to contradict one another or the program stops
    /// unfinished, so nothing is taken as safe.
    /// </summary>
    private double? Bound(Func<double> bound)
    {
        try
        {
            return bound();
        }
        catch (UnfinishedProgramException)
        {
            _unfinished = true;
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Hidden figures split into groups that no sum ties together, each in the order added.</summary>
    private List<List<int>> Groups(HashSet<int> hidden)
    {
        var parent = hidden.Where(n => !_known.Contains(n)).ToDictionary(n => n, n => n);
        int Find(int n) => parent[n] == n ? n : parent[n] = Find(parent[n]);
        foreach (var (total, members) in _sums)
        {
            var tied = members.Prepend(total).Where(parent.ContainsKey).ToList();
            foreach (var other in tied.Skip(1))
            {
                parent[Find(other)] = Find(tied[0]);
            }
        }

        return parent.Keys.Order().GroupBy(Find).Select(g => g.ToList()).ToList();
    }

    /// <summary>For each group, the sums that tie its figures (a sum's hidden figures are all in one group).</summary>
    private List<List<int>> SumsOf(List<List<int>> groups)
    {
        var groupOf = groups.SelectMany((nodes, g) => nodes.Select(n => (n, g))).ToDictionary(x => x.n, x => x.g);
        var sums = groups.Select(_ => new List<int>()).ToList();
        for (var s = 0; s < _sums.Count; s++)
        {
            var group = _sums[s].Members.Prepend(_sums[s].Total)
                .Where(groupOf.ContainsKey)
                .Select(n => groupOf[n])
                .FirstOrDefault(-1);
            if (group >= 0)
            {
                sums[group].Add(s);
            }
        }

        return sums;
    }

    private IEnumerable<int> SumsOf(int node) =>
        Enumerable.Range(0, _sums.Count)
            .Where(s => _sums[s].Members.Contains(node))
            .Concat(Enumerable.Range(0, _sums.Count).Where(s => _sums[s].Total == node));

    /// <summary>A figure the reader does not know: hidden here, and never published before.</summary>
    private bool Unknown(HashSet<int> hidden, int node) => hidden.Contains(node) && !_known.Contains(node);

    private void ApplyLocalRules(HashSet<int> hidden)
    {
        for (var changed = true; changed;)
        {
            changed = HideImplied(hidden);
            for (var s = 0; s < _sums.Count; s++)
            {
                var (total, members) = _sums[s];
                var hiddenMembers = members.Where(m => Unknown(hidden, m)).ToList();
                var safe = Unknown(hidden, total)
                    ? hiddenMembers.Count > 0
                    : hiddenMembers.Count == 0
                        || (hiddenMembers.Count > 1
                            && hiddenMembers.Sum(m => _values[m]) - (hiddenMembers.Count - 1) >= threshold);
                if (!safe && HideOneMore(hidden, s))
                {
                    changed = true;
                }
            }
        }
    }

    /// <summary>
    /// Hides one more figure of a sum: of its shown non-zero figures (the total among them), the one of
    /// lowest rank, then smallest, then first added. False where every one is hidden already.
    /// </summary>
    private bool HideOneMore(HashSet<int> hidden, int sum)
    {
        var (total, members) = _sums[sum];
        var partner = members.Prepend(total)
            .Where(m => !hidden.Contains(m) && !_known.Contains(m) && !_earlier.Contains(m) && _values[m] > 0)
            .OrderBy(m => _rank[m]).ThenBy(m => _values[m]).ThenBy(m => m).Select(m => (int?)m).FirstOrDefault();
        return partner is { } chosen && hidden.Add(chosen);
    }

    /// <summary>Groups of hidden figures compared by their figures, in order.</summary>
    private sealed class SameNodes : IEqualityComparer<List<int>>
    {
        public static SameNodes Instance { get; } = new();

        public bool Equals(List<int>? x, List<int>? y) => ReferenceEquals(x, y) || (x is not null && y is not null
            && x.SequenceEqual(y));

        public int GetHashCode(List<int> obj)
        {
            var hash = new HashCode();
            foreach (var node in obj)
            {
                hash.Add(node);
            }

            return hash.ToHashCode();
        }
    }
}
