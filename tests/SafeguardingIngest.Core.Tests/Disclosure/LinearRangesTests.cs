using System.Globalization;
using CsCheck;
using SafeguardingIngest.Disclosure;
using Xunit.Abstractions;

namespace SafeguardingIngest.Tests.Disclosure;

public class LinearRangesTests(ITestOutputHelper output)
{
    /// <summary>How a generated system's constants were made.</summary>
    public enum Making
    {
        /// <summary>From a point above the floors: the system has a solution.</summary>
        FromAPoint,

        /// <summary>As from a point, with one more equation whose unknowns add up to less than their floors.</summary>
        BelowTheFloors,

        /// <summary>As from a point, with one constant moved by a little: it may or may not have a solution.</summary>
        Moved,
    }

    /// <summary>One generated system: each unknown's floor, and the equations (terms, constant).</summary>
    public sealed record GeneratedSystem(
        double[] Floors,
        ((int Unknown, double Coefficient)[] Terms, double Constant)[] Equations,
        Making Making)
    {
        public override string ToString() =>
            $"{Making}, floors [{string.Join(' ', Floors)}]: " + string.Join("; ", Equations.Select(e =>
                string.Join(" ", e.Terms.Select(t => FormattableString.Invariant($"{t.Coefficient:+0;-0}x{t.Unknown}")))
                + FormattableString.Invariant($" = {e.Constant}")));
    }

    /// <summary>
    /// Sparse systems as the audit makes them and beyond: up to 16 unknowns, up to 12 equations of one to four terms
    /// with coefficients ±1 and ±2, floors 0 to 3, constants from a point of values 0 to 20.
    /// </summary>
    private static readonly Gen<GeneratedSystem> s_systems =
        from unknowns in Gen.Int[1, 16]
        from point in Gen.Int[0, 20].Array[unknowns]
        from floors in Gen.Int[0, 3].Array[unknowns]
        from equations in Gen.Select(Gen.Int[0, unknowns - 1], Gen.OneOf(-2d, -1d, 1d, 2d)).Array[1, 4].Array[1, 12]
        from making in Gen.Frequency(
            (6, Gen.Const(Making.FromAPoint)),
            (2, Gen.Const(Making.BelowTheFloors)),
            (2, Gen.Const(Making.Moved)))
        from move in Gen.OneOf(-3d, -2d, -1d, 1d, 2d, 3d)
        select Generate(point, floors, equations, making, move);

    private static GeneratedSystem Generate(
        int[] point,
        int[] floorsUnder,
        (int, double)[][] terms,
        Making making,
        double move)
    {
        var floors = point.Select((value, j) => (double)Math.Min(value, floorsUnder[j])).ToArray();
        var equations = terms.Select(t => (t, t.Sum(term => term.Item2 * point[term.Item1]))).ToList();
        if (making == Making.BelowTheFloors)
        {
            var some = terms[0].Select(t => t.Item1).Distinct().ToArray();
            equations.Add((some.Select(j => (j, 1d)).ToArray(), some.Sum(j => floors[j]) - Math.Abs(move)));
        }
        else if (making == Making.Moved)
        {
            equations[0] = (equations[0].t, equations[0].Item2 + move);
        }

        return new GeneratedSystem(floors, [.. equations], making);
    }

    [Fact]
    public void Range_OnGeneratedSparseSystems_AgreesWithGlop()
    {
        var samples = int.Parse(
            Environment.GetEnvironmentVariable("SGI_RANGES_SAMPLES") ?? "2000",
            CultureInfo.InvariantCulture);
        int solvable = 0, unsolvable = 0, bounded = 0, unbounded = 0;
        s_systems.Sample(system =>
        {
            var program = new LinearRanges(system.Floors);
            foreach (var (terms, constant) in system.Equations)
            {
                program.Equal(terms, constant);
            }

            var reference = GlopRanges.Ranges(system.Floors, system.Equations);
            if (reference is null)
            {
                // Exactly the contradiction: a program stopped at its cap is a failure here, not an agreement.
                Assert.Equal(typeof(InvalidOperationException), Record.Exception(() => program.Range(0))?.GetType());
                Interlocked.Increment(ref unsolvable);
                return;
            }

            Interlocked.Increment(ref solvable);
            for (var j = 0; j < reference.Length; j++)
            {
                var (low, high) = program.Range(j);
                Assert.True(
                    Close(low, reference[j].Low) && Close(high, reference[j].High),
                    $"x{j}: {low} to {high}, GLOP {reference[j].Low} to {reference[j].High}");
                Interlocked.Increment(ref double.IsPositiveInfinity(high) ? ref unbounded : ref bounded);
            }
        }, iter: samples);

        // The generator must reach every kind of case it is there for, in fair numbers.
        var reach = $"{samples} systems: {solvable} with a solution, {unsolvable} without; "
            + $"{bounded} unknowns bounded above, {unbounded} not";
        output.WriteLine(reach);
        Assert.True(Math.Min(solvable, unsolvable) > samples / 20 && Math.Min(bounded, unbounded) > samples / 4, reach);
    }

    private static bool Close(double a, double b) =>
        a == b || Math.Abs(a - b) <= 1e-6 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    [Fact]
    public void Range_TwoUnknownsWithAKnownSum_LieBetweenTheFloorAndTheSumLessTheOthersFloor()
    {
        var program = new LinearRanges([1, 1]);
        program.Equal([(0, 1), (1, 1)], 5);

        Assert.Equal((1d, 4d), program.Range(0));
        Assert.Equal((1d, 4d), program.Range(1));
    }

    [Fact]
    public void Range_AnUnknownNoSumBoundsAbove_HasNoCeiling()
    {
        // t − x = 53, x ≥ 1: t is at least 54 and can be anything above.
        var program = new LinearRanges([1, 1]);
        program.Equal([(0, 1), (1, -1)], 53);

        Assert.Equal((54d, double.PositiveInfinity), program.Range(0));
        Assert.Equal((1d, double.PositiveInfinity), program.Range(1));
    }

    [Fact]
    public void Range_SumsThatOnlyTogetherPinAnUnknown_PinIt()
    {
        // North + South = 58, North − x = 53, South − y = 0: x + y = 5, so each is 1 to 4, though no single sum
        // says so.
        var program = new LinearRanges([1, 1, 1, 1]);
        program.Equal([(0, 1), (1, 1)], 58);
        program.Equal([(0, 1), (2, -1)], 53);
        program.Equal([(1, 1), (3, -1)], 0);

        Assert.Equal((1d, 4d), program.Range(2));
        Assert.Equal((1d, 4d), program.Range(3));
        Assert.Equal((54d, 57d), program.Range(0));
    }

    [Fact]
    public void Range_ContradictoryFigures_AreRefusedByName()
    {
        var program = new LinearRanges([1]);
        program.Equal([(0, 1)], 0);

        var error = Assert.Throws<InvalidOperationException>(() => program.Range(0));
        Assert.Contains("contradict", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Range_AtItsPivotCap_StopsUnfinishedRatherThanAnswering()
    {
        // Two unknowns adding up to 5 need a pivot in the first phase; a cap of 0 pivots allows none.
        var program = new LinearRanges([1, 1], pivotsPerSize: 0);
        program.Equal([(0, 1), (1, 1)], 5);

        Assert.Throws<UnfinishedProgramException>(() => program.Range(0));
    }
}
