using System.Globalization;
using Google.OrTools.Sat;

namespace SafeguardingIngest.Testing;

/// <summary>
/// Whole unknowns under linear relations, and the least and greatest value of a linear form over them,
/// found by integer programming (OR-Tools CP-SAT) with a time limit per solve. Unknowns tied by no relation
/// are solved apart: each solve holds only the group of unknowns the form's are tied to. Where a solution
/// is known (<see cref="Hint"/>), the solver starts from it. Where <paramref name="threshold"/> is given, the
/// searches stop once their solutions show the form is not pinned (<see cref="Settles"/>), exact bounds aside,
/// and their time is the solver's deterministic time.
/// </summary>
public sealed class IntegerRanges(TimeSpan timeLimit, long? threshold = null)
{
    /// <summary>A ceiling far above any count; a form that reaches it has no ceiling.</summary>
    public const long Ceiling = 1_000_000;

    private readonly List<(long Floor, string Name)> _unknowns = [];
    private readonly List<Relation> _relations = [];
    private readonly Dictionary<int, Group> _groups = [];
    private readonly Dictionary<int, long> _hints = [];
    private List<int>? _parents;

    /// <summary>A relation, or one side of a choice of two (both sides share the choice, not the side).</summary>
    private sealed record Relation(
        string Name,
        (int Index, long Coefficient)[] Terms,
        long Low,
        long High,
        int? Choice = null,
        bool Side = false);

    private int _choices;

    private sealed record Group(CpModel Model, Dictionary<int, IntVar> Variables);

    /// <summary>A new unknown from <paramref name="floor"/> to the ceiling.</summary>
    public LinearForm NewUnknown(long floor, string name)
    {
        _unknowns.Add((floor, name));
        return LinearForm.Unknown(_unknowns.Count - 1);
    }

    /// <summary>
    /// A value <paramref name="unknown"/> takes in a solution known to hold, where the solver starts.
    /// </summary>
    public void Hint(LinearForm unknown, long value)
    {
        var index = unknown.Terms.Single().Key;
        _hints.TryAdd(index, value);
        _groups.Clear();
    }

    /// <summary>
    /// The relation atLeast ≤ form ≤ atMost (strictly, where <paramref name="strict"/>), scaled to whole
    /// coefficients with its bounds rounded outward, so no whole solution is lost to rounding.
    /// </summary>
    public void Require(string name, LinearForm form, double? atLeast, double? atMost, bool strict = false)
    {
        if (Scaled(name, form, atLeast, atMost, strict) is { } relation)
        {
            Add(relation);
        }
        else if (!Holds(name, form, atLeast, atMost, strict))
        {
            throw new InvalidOperationException($"The releases contradict themselves: {name}.");
        }
    }

    /// <summary>One relation or the other (or both), each atLeast ≤ form ≤ atMost, strictly where asked.</summary>
    public void RequireEither(string name, Bounded first, Bounded second, bool strict)
    {
        var one = Scaled(name, first.Form, first.AtLeast, first.AtMost, strict);
        var other = Scaled(name, second.Form, second.AtLeast, second.AtMost, strict);
        var oneHolds = one is null && Holds(name, first.Form, first.AtLeast, first.AtMost, strict);
        var otherHolds = other is null && Holds(name, second.Form, second.AtLeast, second.AtMost, strict);
        if (oneHolds || otherHolds)
        {
            return;
        }

        if (one is null || other is null)
        {
            // One side is known false: the other must hold.
            Add(one ?? other ?? throw new InvalidOperationException($"The releases contradict themselves: {name}."));
            return;
        }

        var choice = _choices++;
        Add(one with { Choice = choice, Side = true });
        Add(other with { Choice = choice, Side = false });
    }

    /// <summary>A linear form between bounds, either of which may be absent.</summary>
    public sealed record Bounded(LinearForm Form, double? AtLeast, double? AtMost);

    private static bool Holds(string name, LinearForm form, double? atLeast, double? atMost, bool strict) =>
        form.IsKnown && Bounds(name, form, 1, atLeast, atMost, strict) is var (low, high) && low <= 0 && 0 <= high;

    private void Add(Relation relation)
    {
        _relations.Add(relation);
        _parents = null;
    }

    /// <summary>The relation with whole coefficients; null where the form is known (nothing to relate).</summary>
    private static Relation? Scaled(string name, LinearForm form, double? atLeast, double? atMost, bool strict)
    {
        var terms = form.Terms.ToList();
        var factor = 1d;
        while (!terms.All(t => IsWhole(t.Value * factor)))
        {
            factor *= 10;
            if (factor > 1e9)
            {
                throw new InvalidOperationException($"{name}: coefficients too fine to scale to whole numbers.");
            }
        }

        if (terms.Count == 0)
        {
            return null;
        }

        var (low, high) = Bounds(name, form, factor, atLeast, atMost, strict);
        var scaled = terms.Select(t => (t.Key, (long)Math.Round(t.Value * factor))).ToArray();
        return new Relation(name, scaled, low, high);
    }

    /// <summary>The bounds on the scaled form less its constant, rounded outward to whole numbers.</summary>
    private static (long Low, long High) Bounds(
        string name,
        LinearForm form,
        double factor,
        double? atLeast,
        double? atMost,
        bool strict)
    {
        // A bound within rounding error of a whole number is taken as that number.
        static double Slack(double bound) => 1e-9 * Math.Max(1, Math.Abs(bound));
        var low = long.MinValue;
        if (atLeast is { } a)
        {
            var bound = factor * (a - form.Constant);
            low = strict ? (long)Math.Floor(bound + Slack(bound)) + 1 : (long)Math.Ceiling(bound - Slack(bound));
        }

        var high = long.MaxValue;
        if (atMost is { } b)
        {
            var bound = factor * (b - form.Constant);
            high = strict ? (long)Math.Ceiling(bound - Slack(bound)) - 1 : (long)Math.Floor(bound + Slack(bound));
        }

        return low <= high
            ? (low, high)
            : throw new InvalidOperationException($"The releases contradict themselves: {name}.");
    }

    /// <summary>
    /// What the solver found of a form's values: the least and greatest (the greatest infinite where it
    /// reaches the ceiling), exact where <see cref="Exact"/>; otherwise values the form takes in solutions
    /// found, so its true range holds them both, or null where the time ran out before any solution.
    /// </summary>
    public sealed record Reach(double? Low, double? High, bool Exact);

    /// <summary>
    /// The least and greatest whole value of <paramref name="form"/> (whose coefficients are whole), or, where a
    /// search stopped early (time, or the values found wide enough), the least and greatest found.
    /// </summary>
    public Reach Bounds(LinearForm form)
    {
        if (form.IsKnown)
        {
            return new Reach(form.Constant, form.Constant, true);
        }

        var group = GroupOf(form);
        using var solver = new CpSolver
        {
            StringParameters = Limits() + " num_workers:1",
        };
        var objective = LinearExpr.NewBuilder();
        foreach (var (index, coefficient) in form.Terms)
        {
            objective.AddTerm(group.Variables[index], (long)coefficient);
        }

        // The greatest first: a value of 2·threshold − 2 or more settles the form whatever its least. The search
        // for the least then stops once it is threshold − 1 below the greatest found.
        var constant = (long)Math.Round(form.Constant);
        group.Model.Model.Objective = null;
        group.Model.Maximize(objective);
        var (high, highExact) = Solve(solver, group, form, (2 * threshold) - 2 - constant, below: false);
        group.Model.Model.Objective = null;
        group.Model.Minimize(objective);
        var most = high is { } found && !double.IsInfinity(found) ? (long)Math.Min(found, Ceiling) : (long?)null;
        var (low, lowExact) = Solve(solver, group, form, most - (threshold - 1) - constant, below: true);
        return new Reach(low, high >= Ceiling ? double.PositiveInfinity : high, lowExact && highExact);
    }

    /// <summary>
    /// The time limit of each search: in seconds; where settling at a threshold, of the solver's deterministic time
    /// (its own measure of its work, the same on a loaded machine as on a quiet one), capped at ten times as many
    /// seconds.
    /// </summary>
    private string Limits() => threshold is null
        ? string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{timeLimit.TotalSeconds}")
        : string.Create(
            CultureInfo.InvariantCulture,
            $"max_deterministic_time:{timeLimit.TotalSeconds} max_time_in_seconds:{10 * timeLimit.TotalSeconds}");

    /// <summary>
    /// Whether a form whose true range holds <paramref name="low"/> to <paramref name="high"/> is settled: no
    /// range holding them is pinned (fewer than <paramref name="threshold"/> values, one of them from 1 to
    /// threshold − 1), as it would take threshold values or more, or reach 2·threshold − 1 or more from under
    /// threshold.
    /// </summary>
    public static bool Settles(double low, double high, int threshold) =>
        high - Math.Min(low, threshold - 1) + 1 >= threshold;

    /// <summary>The relations that hold the form's unknowns: where a reader would start.</summary>
    public IEnumerable<string> RelationsOf(LinearForm form)
    {
        var unknowns = form.Terms.Select(t => t.Key).ToHashSet();
        return _relations.Where(r => r.Terms.Any(t => unknowns.Contains(t.Index))).Select(r => r.Name).Distinct();
    }

    /// <summary>
    /// One search: its best value and whether it is proven best. It stops early once the objective (the form
    /// less its constant) reaches <paramref name="enough"/> from <paramref name="below"/> or above.
    /// </summary>
    private (double? Value, bool Exact) Solve(CpSolver solver, Group group, LinearForm form, long? enough, bool below)
    {
        using var stop = new StopWhen(enough, below);
        var status = enough is null ? solver.Solve(group.Model) : solver.Solve(group.Model, stop);
        return status switch
        {
            CpSolverStatus.Optimal when !stop.Stopped => (solver.ObjectiveValue + form.Constant, true),
            CpSolverStatus.Optimal or CpSolverStatus.Feasible => (solver.ObjectiveValue + form.Constant, false),
            CpSolverStatus.Infeasible => throw new InvalidOperationException(
                "The releases contradict one another (is a revision unmarked?):" + Environment.NewLine +
                string.Join(Environment.NewLine, RelationsOf(form))),
            CpSolverStatus.ModelInvalid =>
                throw new InvalidOperationException("The model is invalid: " + group.Model.Validate()),
            _ => (null, false),
        };
    }

    /// <summary>Stops a search once a solution's objective reaches a value, from below or above.</summary>
    private sealed class StopWhen(long? enough, bool below) : SolutionCallback
    {
        public bool Stopped { get; private set; }

        public override void OnSolutionCallback()
        {
            if (enough is { } value && (below ? ObjectiveValue() <= value : ObjectiveValue() >= value))
            {
                Stopped = true;
                StopSearch();
            }
        }
    }

    /// <summary>The model of the unknowns tied (by relations, or by the form itself) to the form's.</summary>
    private Group GroupOf(LinearForm form)
    {
        if (_parents is null)
        {
            _parents = Enumerable.Range(0, _unknowns.Count).ToList();
            _groups.Clear();
            foreach (var relation in _relations)
            {
                foreach (var (index, _) in relation.Terms.Skip(1))
                {
                    Union(relation.Terms[0].Index, index);
                }
            }
        }

        var indices = form.Terms.Select(t => t.Key).ToList();
        foreach (var index in indices.Skip(1))
        {
            if (Find(indices[0]) != Find(index))
            {
                Union(indices[0], index);
                _groups.Clear();
            }
        }

        var root = Find(indices[0]);
        if (_groups.TryGetValue(root, out var group))
        {
            return group;
        }

        var model = new CpModel();
        var variables = Enumerable.Range(0, _unknowns.Count)
            .Where(i => Find(i) == root)
            .ToDictionary(i => i, i => model.NewIntVar(_unknowns[i].Floor, Ceiling, _unknowns[i].Name));
        foreach (var (index, variable) in variables)
        {
            if (_hints.TryGetValue(index, out var value))
            {
                model.AddHint(variable, value);
            }
        }

        var choices = new Dictionary<int, BoolVar>();
        foreach (var relation in _relations.Where(r => variables.ContainsKey(r.Terms[0].Index)))
        {
            var expression = LinearExpr.NewBuilder();
            foreach (var (index, coefficient) in relation.Terms)
            {
                expression.AddTerm(variables[index], coefficient);
            }

            var constraint = model.AddLinearConstraint(expression, relation.Low, relation.High);
            if (relation.Choice is { } choice)
            {
                if (!choices.TryGetValue(choice, out var side))
                {
                    choices[choice] = side = model.NewBoolVar($"{relation.Name} (which side)");
                }

                constraint.OnlyEnforceIf(relation.Side ? side : side.Not());
            }
        }

        return _groups[root] = new Group(model, variables);
    }

    private int Find(int index)
    {
        while (_parents![index] != index)
        {
            index = _parents[index] = _parents[_parents[index]];
        }

        return index;
    }

    private void Union(int a, int b) => _parents![Find(a)] = Find(b);

    private static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) < 1e-6;
}
