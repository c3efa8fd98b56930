namespace SafeguardingIngest.Disclosure;

/// <summary>
/// The least and greatest value each unknown can take, given linear equations among the unknowns and
/// a floor under each: the bounds a reader gets by linear programming, which is as far as any mix of
/// the published sums can take them. A dense two-phase simplex with Bland's rule (so it cannot cycle):
/// the first phase finds a point that satisfies the equations, and each bound is then one second
/// phase from that point. Meant for the few unknowns of one indicator's hidden figures.
/// <para>
/// Bland's rule cannot cycle, but it can take many pivots, and rounding can upset any rule; so each
/// phase stops after <see cref="PivotsPerSize"/> × (unknowns + equations) pivots and throws
/// <see cref="UnfinishedProgramException"/>: a range not found is never taken as a range.
/// </para>
/// </summary>
internal sealed class LinearRanges
{
    /// <summary>
    /// Pivots each phase may take per unknown and equation: 50. A phase of the simplex usually takes
    /// one to three pivots per equation, so a phase that reaches this has gone wrong.
    /// </summary>
    public const int PivotsPerSize = 50;

    private const double Epsilon = 1e-9;
    private readonly double[] _floors;
    private readonly int _pivotsPerSize;
    private readonly List<(Dictionary<int, double> Terms, double Constant)> _equations = [];
    private double[,]? _feasible;
    private int[] _basis = [];

    /// <param name="floors">Each unknown's least possible value.</param>
    /// <param name="pivotsPerSize">The cap on each phase's pivots, per unknown and equation.</param>
    public LinearRanges(IReadOnlyList<double> floors, int pivotsPerSize = PivotsPerSize)
    {
        _floors = [.. floors];
        _pivotsPerSize = pivotsPerSize;
    }

    /// <summary>
    /// States that the sum of <paramref name="terms"/> (unknown, coefficient) equals <paramref name="constant"/>.
    /// </summary>
    public void Equal(IEnumerable<(int Unknown, double Coefficient)> terms, double constant)
    {
        var row = new Dictionary<int, double>();
        foreach (var (unknown, coefficient) in terms)
        {
            row[unknown] = row.GetValueOrDefault(unknown) + coefficient;
        }

        _equations.Add((row, constant));
        _feasible = null;
    }

    /// <summary>
    /// The range of <paramref name="unknown"/>: its least and greatest value over every solution
    /// (the greatest is +∞ where nothing bounds it).
    /// </summary>
    /// <exception cref="InvalidOperationException">The equations have no solution above the floors.</exception>
    /// <exception cref="UnfinishedProgramException">A phase reached its pivot cap.</exception>
    public (double Low, double High) Range(int unknown) => (Least(unknown), Greatest(unknown));

    /// <summary>The least value of <paramref name="unknown"/> over every solution: one second phase.</summary>
    /// <exception cref="InvalidOperationException">The equations have no solution above the floors.</exception>
    /// <exception cref="UnfinishedProgramException">A phase reached its pivot cap.</exception>
    public double Least(int unknown)
    {
        _feasible ??= FirstPhase();
        return (SecondPhase(unknown, 1) ?? 0) + _floors[unknown];
    }

    /// <summary>
    /// The greatest value of <paramref name="unknown"/> over every solution (+∞ where nothing bounds it): one second
    /// phase.
    /// </summary>
    /// <exception cref="InvalidOperationException">The equations have no solution above the floors.</exception>
    /// <exception cref="UnfinishedProgramException">A phase reached its pivot cap.</exception>
    public double Greatest(int unknown)
    {
        _feasible ??= FirstPhase();
        return SecondPhase(unknown, -1) is { } h ? -h + _floors[unknown] : double.PositiveInfinity;
    }

    /// <summary>
    /// Columns: the unknowns (shifted to start at 0), one artificial per equation, the right-hand side. The last
    /// row is the cost.
    /// </summary>
    private double[,] FirstPhase()
    {
        var n = _floors.Length;
        var m = _equations.Count;
        var t = new double[m + 1, n + m + 1];
        _basis = new int[m];
        for (var i = 0; i < m; i++)
        {
            var (terms, constant) = _equations[i];
            var rhs = constant - terms.Sum(term => term.Value * _floors[term.Key]);
            var sign = rhs < 0 ? -1 : 1;
            foreach (var (j, a) in terms)
            {
                t[i, j] = sign * a;
            }

            t[i, n + i] = 1;
            t[i, n + m] = sign * rhs;
            _basis[i] = n + i;

            // The cost row holds reduced costs for minimising the artificials' sum.
            for (var j = 0; j < n; j++)
            {
                t[m, j] -= t[i, j];
            }

            t[m, n + m] -= t[i, n + m];
        }

        Optimise(t, _basis, n, Cap);
        if (-t[m, n + m] > 1e-6)
        {
            throw new InvalidOperationException(
                "The published figures contradict one another: no counts give them all.");
        }

        // An artificial left in the basis (at zero) is swapped for an unknown where its row has one; else the row
        // says nothing.
        for (var i = 0; i < m; i++)
        {
            if (_basis[i] >= n)
            {
                var j = Enumerable.Range(0, n).FirstOrDefault(c => Math.Abs(t[i, c]) > Epsilon, -1);
                if (j >= 0)
                {
                    Pivot(t, _basis, i, j);
                }
            }
        }

        return t;
    }

    /// <summary>
    /// The minimum of <paramref name="sign"/> × the shifted unknown, or null where it is unbounded below.
    /// </summary>
    private double? SecondPhase(int unknown, int sign)
    {
        var n = _floors.Length;
        var m = _equations.Count;
        var t = (double[,])_feasible!.Clone();
        var basis = (int[])_basis.Clone();
        var rhs = n + m;
        for (var j = 0; j <= rhs; j++)
        {
            t[m, j] = 0;
        }

        t[m, unknown] = sign;
        for (var i = 0; i < m; i++)
        {
            if (basis[i] == unknown)
            {
                for (var j = 0; j <= rhs; j++)
                {
                    t[m, j] -= sign * t[i, j];
                }
            }
        }

        return Optimise(t, basis, n, Cap) ? -t[m, rhs] : null;
    }

    private int Cap => _pivotsPerSize * (_floors.Length + _equations.Count);

    /// <summary>
    /// Minimises the cost row over the first <paramref name="columns"/> columns, in at most <paramref name="cap"/>
    /// pivots; false where unbounded.
    /// </summary>
    private static bool Optimise(double[,] t, int[] basis, int columns, int cap)
    {
        var m = t.GetLength(0) - 1;
        var rhs = t.GetLength(1) - 1;
        for (var pivots = 0; ; pivots++)
        {
            var entering = -1;
            for (var j = 0; j < columns; j++)
            {
                if (t[m, j] < -Epsilon)
                {
                    entering = j;
                    break;
                }
            }

            if (entering < 0)
            {
                return true;
            }

            var leaving = -1;
            var best = double.PositiveInfinity;
            for (var i = 0; i < m; i++)
            {
                if (t[i, entering] > Epsilon)
                {
                    var ratio = t[i, rhs] / t[i, entering];
                    if (ratio < best - Epsilon || (Math.Abs(ratio - best) <= Epsilon && basis[i] < basis[leaving]))
                    {
                        best = ratio;
                        leaving = i;
                    }
                }
            }

            if (leaving < 0)
            {
                return false;
            }

            if (pivots >= cap)
            {
                throw new UnfinishedProgramException($"The audit's linear program stopped unfinished at {cap} pivots.");
            }

            Pivot(t, basis, leaving, entering);
        }
    }

    private static void Pivot(double[,] t, int[] basis, int row, int column)
    {
        var rows = t.GetLength(0);
        var width = t.GetLength(1);
        var pivot = t[row, column];
        for (var j = 0; j < width; j++)
        {
            t[row, j] /= pivot;
        }

        for (var i = 0; i < rows; i++)
        {
            var factor = t[i, column];
            if (i == row || factor == 0)
            {
                continue;
            }

            for (var j = 0; j < width; j++)
            {
                t[i, j] -= factor * t[row, j];
            }
        }

        basis[row] = column;
    }
}
