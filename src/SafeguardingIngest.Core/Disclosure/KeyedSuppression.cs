using SafeguardingIngest.Releases;

namespace SafeguardingIngest.Disclosure;

/// <summary>
/// One indicator's figures, each under its <see cref="FigureKey"/>, in a <see cref="CellSuppression"/>;
/// earlier releases' decisions carried in by key (<see cref="Carry"/>); and this release's decisions read
/// back out. Keys are what let one release's plan see another's: a figure an earlier release hid stays
/// hidden, one it published is known, and where the value has since changed the earlier value is a figure
/// of its own, still tied by the earlier release's sums.
/// </summary>
internal sealed class KeyedSuppression(int threshold)
{
    private readonly CellSuppression _suppression = new(threshold);
    private readonly List<FigureDecision> _figures = [];
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, double Quantity), int> _earlier = [];
    private readonly List<int[]> _sums = [];
    private readonly List<int[]> _partOf = [];
    private readonly HashSet<(int Part, int Whole)> _bound = [];
    private bool _figuresDone;

    /// <summary>
    /// Adds this release's figure <paramref name="key"/>. A key added twice (one count that two linked
    /// indicators give) is one figure, hidden for its own sake if either says so; where the two give
    /// different counts they are not the same figure after all, and the second is kept apart under
    /// <paramref name="key"/> and <paramref name="owner"/>.
    /// </summary>
    public int Add(string key, double quantity, double? value, bool primary, int rank, string? owner = null)
    {
        // Node numbers are figure numbers until the first link or earlier figure is added.
        if (_figuresDone)
        {
            throw new InvalidOperationException(
                "Every figure of this release is added before any link or earlier release.");
        }

        if (_byKey.TryGetValue(key, out var existing))
        {
            if (Same(_figures[existing].Quantity, quantity))
            {
                if (primary && !_figures[existing].Primary)
                {
                    _suppression.MarkPrimary(existing);
                    _figures[existing] = _figures[existing] with { Primary = true };
                }

                return existing;
            }

            key = $"{key}~{owner}";
            if (_byKey.TryGetValue(key, out existing))
            {
                return existing;
            }
        }

        var node = _suppression.Add(quantity, primary, rank);
        _figures.Add(new FigureDecision(key, quantity, value, Hidden: false, primary));
        _byKey[key] = node;
        return node;
    }

    /// <summary>States that <paramref name="total"/> is the sum of <paramref name="members"/>.</summary>
    public void Sum(int total, IEnumerable<int> members)
    {
        var list = members.ToArray();
        if (list.Length > 0)
        {
            _sums.Add([total, .. list]);
            _suppression.Sum(total, list);
        }
    }

    /// <summary>
    /// States that <paramref name="whole"/> = <paramref name="first"/> + <paramref name="second"/>, parts of one
    /// figure.
    /// </summary>
    public void Parts(int whole, int first, int second)
    {
        _sums.Add([whole, first, second]);
        _suppression.Parts(whole, first, second);
    }

    /// <summary>This release's figure <paramref name="key"/>, where it has one.</summary>
    public int? Find(string key) => _byKey.TryGetValue(key, out var node) ? node : null;

    /// <summary>The quantity of this release's figure <paramref name="node"/>.</summary>
    public double QuantityOf(int node) => _figures[node].Quantity;

    /// <summary>
    /// States that <paramref name="part"/> can be no more than <paramref name="whole"/>: whole = part + what is left.
    /// </summary>
    public void PartOf(int part, int whole)
    {
        _figuresDone = true;
        if (!_bound.Contains((part, whole)))
        {
            _partOf.Add([part, whole]);
            Bound(part, whole);
        }
    }

    /// <summary>
    /// Ties figure <paramref name="part"/> to no more than <paramref name="whole"/> in the audit, once for each pair.
    /// </summary>
    private void Bound(int part, int whole)
    {
        var rest = _suppression.Value(whole) - _suppression.Value(part);
        if (rest >= 0 && _bound.Add((part, whole)))
        {
            _suppression.Sum(whole, [part, _suppression.AddSlack(rest)]);
        }
    }

    /// <summary>States that where <paramref name="hidden"/> is hidden, <paramref name="alsoHidden"/> is too.</summary>
    public void Implies(int hidden, int alsoHidden) => _suppression.Implies(hidden, alsoHidden);

    /// <summary>States that <paramref name="first"/> and <paramref name="second"/> are shown or hidden alike.</summary>
    public void Together(int first, int second) => _suppression.Together(first, second);

    /// <summary>
    /// Takes in what earlier releases decided for this indicator, oldest first: their figures and the
    /// sums among them, as facts the reader holds. Call after every figure and sum of this release.
    /// </summary>
    public void Carry(IEnumerable<IndicatorDecisions> earlier)
    {
        _figuresDone = true;
        var current = _figures.Count;
        foreach (var release in earlier)
        {
            var nodes = new int[release.Figures.Count];
            for (var i = 0; i < nodes.Length; i++)
            {
                var figure = release.Figures[i];
                if (_byKey.TryGetValue(figure.Key, out var node)
                    && node < current
                    && Same(_figures[node].Quantity, figure.Quantity))
                {
                    if (figure.Hidden)
                    {
                        _suppression.KeepHidden(node);
                    }
                    else
                    {
                        _suppression.Known(node);
                    }
                }
                else if (_earlier.TryGetValue((figure.Key, figure.Quantity), out node))
                {
                    if (!figure.Hidden)
                    {
                        _suppression.Known(node);
                    }
                }
                else
                {
                    node = _suppression.AddEarlier(figure.Quantity, figure.Primary, known: !figure.Hidden);
                    _earlier[(figure.Key, figure.Quantity)] = node;
                }

                nodes[i] = node;
            }

            foreach (var sum in release.Sums)
            {
                _suppression.Sum(nodes[sum[0]], sum.Skip(1).Select(m => nodes[m]));
            }

            // A part and its whole as that release gave them: tied again where either has since been revised.
            foreach (var pair in release.PartOf)
            {
                Bound(nodes[pair[0]], nodes[pair[1]]);
            }
        }
    }

    /// <summary>
    /// Of <paramref name="zeros"/>, the counts' zeros shown wherever their counts are (see
    /// <see cref="CellSuppression.ShowZero"/>): all but those an earlier release hid. Call after <see cref="Carry"/>.
    /// </summary>
    public HashSet<int> ShowZeros(IEnumerable<int> zeros) => [.. zeros.Where(_suppression.ShowZero)];

    /// <summary>The figures and sums underneath, for a fallback that reads them.</summary>
    public CellSuppression Suppression => _suppression;

    /// <summary>Decides what to hide within <paramref name="limits"/>; unsafe where no pattern passed.</summary>
    public AuditOutcome Hide(AuditLimits limits) => _suppression.Hide(limits);

    /// <summary>
    /// The hidden nodes where the audit could not pass: <paramref name="fallback"/>, with every figure an earlier
    /// release hid, and whatever those imply.
    /// </summary>
    public HashSet<int> Fallback(IEnumerable<int> fallback) => _suppression.Closed([.. fallback]);

    /// <summary>This release's decisions for the record, given what is hidden.</summary>
    public IndicatorDecisions Decisions(string indicator, HashSet<int> hidden) =>
        new(indicator, [.. _figures.Select((f, n) => f with { Hidden = hidden.Contains(n) })], _sums)
        {
            PartOf = _partOf,
        };

    private static bool Same(double a, double b) => Math.Abs(a - b) < 1e-9;
}
