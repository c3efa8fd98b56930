using Google.OrTools.LinearSolver;

namespace SafeguardingIngest.Tests.Disclosure;

/// <summary>
/// The reference <see cref="SafeguardingIngest.Disclosure.LinearRanges"/> is held against: the same equations and
/// floors, each unknown's least and greatest value found by Google OR-Tools' GLOP.
/// </summary>
internal static class GlopRanges
{
    /// <summary>
    /// A ceiling on every unknown, so that no program is unbounded (GLOP may then call it infeasible); far above any
    /// bound the test systems have, so a greatest value past a tenth of it means there is no bound.
    /// </summary>
    private const double Ceiling = 1e7;

    /// <summary>Each unknown's range (+∞ where nothing bounds it); null where the equations have no
    /// solution.</summary>
    public static (double Low, double High)[]? Ranges(
        IReadOnlyList<double> floors,
        IReadOnlyList<((int Unknown, double Coefficient)[] Terms, double Constant)> equations)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available.");
        var unknowns = floors.Select((floor, j) => solver.MakeNumVar(floor, Ceiling, $"x{j}")).ToArray();
        foreach (var (terms, constant) in equations)
        {
            var equation = solver.MakeConstraint(constant, constant);
            foreach (var (unknown, coefficient) in terms)
            {
                equation.SetCoefficient(unknowns[unknown], equation.GetCoefficient(unknowns[unknown]) + coefficient);
            }
        }

        if (Solve(solver) == Solver.ResultStatus.INFEASIBLE)
        {
            return null;
        }

        var objective = solver.Objective();
        return unknowns.Select(unknown =>
        {
            objective.Clear();
            objective.SetCoefficient(unknown, 1);
            objective.SetMinimization();
            var low = Optimum(solver);
            objective.SetMaximization();
            var high = Optimum(solver);
            return (low, high > Ceiling / 10 ? double.PositiveInfinity : high);
        }).ToArray();
    }

    private static double Optimum(Solver solver) =>
        Solve(solver) == Solver.ResultStatus.OPTIMAL
            ? solver.Objective().Value()
            : throw new InvalidOperationException("GLOP found a feasible program infeasible under a new objective.");

    private static Solver.ResultStatus Solve(Solver solver)
    {
        var status = solver.Solve();
        if (status == Solver.ResultStatus.ABNORMAL)
        {
            // GLOP now and then gives up on a warm start from the previous objective's basis; from cold it solves.
            solver.Reset();
            status = solver.Solve();
        }

        return status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.INFEASIBLE
            ? status
            : throw new InvalidOperationException($"GLOP answered {status}.");
    }
}
