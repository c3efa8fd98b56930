using System.Globalization;
using Google.OrTools.LinearSolver;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Testing;

/// <summary>A hidden figure and the whole values a reader can narrow it to, with the published relations that did
/// it.</summary>
public sealed record PinnedRange(string Figure, double Low, double High, string Route)
{
    /// <summary>How many whole values it can still take.</summary>
    public double Values => High - Low + 1;

    /// <inheritdoc />
    public override string ToString() => $"{Figure}: {Low} to {High} by {Route}";
}

/// <summary>
/// A reader out to work back hidden counts of one count or rate indicator from everything published: the board
/// page (read with an HTML parser) and observations.csv, and nothing behind them. Each csv cell (an
/// agency's count for a locality or the whole area, in a quarter) is a number or, where hidden, an
/// unknown of at least 1 (the policy never hides a zero count). Each figure the page shows or hides is
/// the sum of cells it stands for: the area's quarters (card and chart), each locality's quarter and
/// same quarter last year, and the years to date (for a flow, the quarters of the year; for a
/// position, the quarter). A linear program (GLOP) then finds the least and greatest value of each
/// hidden figure over everything the reader knows; the relations that bind the answer are its route.
/// </summary>
public sealed class DisclosureAttacker
{
    private readonly Solver _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException(
        "GLOP is not available.");
    private readonly Dictionary<string, Variable> _hidden = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _known = new(StringComparer.Ordinal);
    private static readonly Lock s_solving = new();

    /// <summary>A ceiling far above any count, so that no program is unbounded (GLOP may then call it infeasible);
    /// reaching it means no ceiling.</summary>
    private const double Unbounded = 1e6;

    /// <summary>The least a hidden count can be: the policy never hides a zero count.</summary>
    private const double Floor = 1;

    private DisclosureAttacker()
    {
    }

    /// <summary>Every hidden figure (csv cells and page figures) with the range the reader can pin it to.</summary>
    public IReadOnlyList<PinnedRange> Ranges { get; private set; } = [];

    /// <summary>The hidden figures pinned to fewer values than <paramref name="threshold"/> where one of them is
    /// small.</summary>
    public IReadOnlyList<PinnedRange> Pinned(int threshold) =>
        Ranges.Where(r => r.Values < threshold && r.Low < threshold).ToList();

    /// <summary>
    /// Reads the page and the csv as published and bounds every hidden figure of the indicator
    /// <paramref name="code"/>: a count, or a rate per 10,000, whose page figures (to one decimal) the
    /// reader turns back into counts with the public <paramref name="populations"/> (under-18s by
    /// locality code, "ALL" for the whole area; by default those the csv shows).
    /// </summary>
    public static DisclosureAttacker Attack(
        string html,
        string csv,
        string code,
        string symbol = "c",
        IReadOnlyDictionary<string,
        double>? populations = null)
    {
        var card = PublishedCard.Read(html, code);
        var period = card.Period;
        var flow = card.Flow;
        var attacker = new DisclosureAttacker();

        // The csv: each cell a number or an unknown.
        var rows = PublishedCsv.Read(csv, code);
        var rate = rows.Count > 0 && rows[0].Unit == "RatePer10000";
        var cells = rows
            .Select(
                row => new Cell(
                    row.Period,
                    row.Locality,
                    attacker.Term($"csv {row.Period} {row.Agency} {row.Locality}", row.Numerator, symbol)))
            .ToList();
        var localityCodes = rows
            .GroupBy(r => r.LocalityName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Locality, StringComparer.Ordinal);
        populations ??= rows.Where(r => double.TryParse(r.Denominator, CultureInfo.InvariantCulture, out _))
            .GroupBy(r => r.Locality, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Max(r => double.Parse(r.Denominator, CultureInfo.InvariantCulture)),
                StringComparer.Ordinal);
        List<Cell> Cells(IReadOnlyList<ReportingPeriod> quarters, string? locality) =>
            cells.Where(c => quarters.Contains(c.Period) && (locality is null || c.Locality == locality)).ToList();
        var yearToDate = flow ? period.YearToDate() : [period];

        // A rate's population: its localities' in the latest quarter it covers (the year to date of a flow is over the
        // latest population).
        double? Population(List<Cell> scope)
        {
            if (!rate || scope.Count == 0)
            {
                return null;
            }

            var latest = scope.Max(c => c.Period);
            var localities = scope
                .Where(c => c.Period == latest)
                .Select(c => c.Locality)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return localities.All(populations.ContainsKey) ? localities.Sum(l => populations[l]) : double.NaN;
        }

        // A rate whose population the reader cannot know says nothing they can use.
        void Relate(string figure, string text, List<Cell> scope)
        {
            if (Population(scope) is var population && population is not double.NaN)
            {
                attacker.Relate(figure, text, scope.Select(c => c.Key).ToList(), symbol, population);
            }
        }

        // The page: the card's figures, the chart's points and the localities' rows.
        var figure = card.Figure;
        Relate($"area {period}", figure("This quarter"), Cells([period], null));
        Relate($"area {period.Previous()}", figure("previous quarter"), Cells([period.Previous()], null));
        var lastYear = period.SameQuarterLastYear();
        Relate($"area {lastYear}", figure("same quarter last year"), Cells([lastYear], null));
        Relate("area year to date", figure("year to date"), Cells(yearToDate, null));
        foreach (var (quarter, text) in card.Points)
        {
            Relate($"area {quarter} (chart)", text, Cells([quarter], null));
        }

        foreach (var (name, values) in card.Localities)
        {
            var locality = localityCodes.GetValueOrDefault(name) ?? throw new InvalidOperationException(
                $"The csv names no locality {name}.");
            Relate($"{name} {period}", values[0], Cells([period], locality));
            Relate(
                $"{name} {period.SameQuarterLastYear()}",
                values[1],
                Cells([period.SameQuarterLastYear()], locality));
            Relate($"{name} year to date", values[2], Cells(yearToDate, locality));
        }

        // One program at a time: under parallel property tests GLOP now and then answered ABNORMAL.
        lock (s_solving)
        {
            attacker.Solve();
        }

        return attacker;
    }

    private sealed record Cell(ReportingPeriod Period, string Locality, string Key);

    /// <summary>A published figure: known where it is a number, an unknown where it is hidden.</summary>
    private string Term(string name, string text, string symbol)
    {
        if (double.TryParse(
            text,
            NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out var value))
        {
            _known[name] = value;
        }
        else if (text == symbol && !_hidden.ContainsKey(name))
        {
            _hidden[name] = _solver.MakeNumVar(Floor, Unbounded, name);
        }

        return name;
    }

    /// <summary>
    /// The relation "figure = the sum of its cells", where the figure is shown or hidden (a figure with no
    /// data says nothing). A rate shown to one decimal over <paramref name="population"/> gives its count
    /// to within ± 0.05 × population / 10,000.
    /// </summary>
    private void Relate(string figure, string text, List<string> cells, string symbol, double? population)
    {
        var term = Term(figure, text, symbol);
        if (!_known.ContainsKey(term) && !_hidden.ContainsKey(term))
        {
            return;
        }

        // Σ hidden cells − (the figure where hidden) = (the figure where shown) − Σ known cells
        var known = cells.Where(_known.ContainsKey).Sum(c => _known[c]);
        // Counts are whole, so a rate's range narrows to the whole numbers in it.
        var (low, high) = _known.TryGetValue(term, out var shown)
            ? population is { } p ? (
                Math.Ceiling(((shown - 0.05) * p / 10_000) - 1e-9),
                Math.Floor(((shown + 0.05) * p / 10_000) + 1e-9)) : (shown, shown)
            : (0d, 0d);
        var relation = _solver.MakeConstraint(low - known, high - known, $"{figure} = its cells");
        if (_hidden.TryGetValue(term, out var unknown))
        {
            relation.SetCoefficient(unknown, -1);
        }

        foreach (var cell in cells.Where(_hidden.ContainsKey))
        {
            relation.SetCoefficient(_hidden[cell], 1);
        }
    }

    private void Solve()
    {
        var ranges = new List<PinnedRange>();
        var objective = _solver.Objective();
        foreach (var (name, variable) in _hidden)
        {
            objective.Clear();
            objective.SetCoefficient(variable, 1);
            objective.SetMinimization();
            var low = Bound(out var lowRoute);
            objective.SetMaximization();
            var high = Bound(out var highRoute);
            var route = string.Join("; ", lowRoute.Concat(highRoute).Distinct());
            ranges.Add(
                new PinnedRange(
                    name,
                    Math.Ceiling(low - 1e-6),
                    Math.Floor(high + 1e-6),
                    route.Length == 0 ? "its least possible value" : route));
        }

        Ranges = ranges;
    }

    private double Bound(out List<string> route)
    {
        var status = _solver.Solve();
        if (status == Solver.ResultStatus.ABNORMAL)
        {
            // GLOP now and then gives up on a warm start from the previous objective's basis; from cold it solves.
            _solver.Reset();
            status = _solver.Solve();
        }

        route = [];
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            var relations = _solver.constraints().Select(
                c => $"{c.Name()}: " +
                    $"{string.Join(" ", _hidden
                        .Where(h => c.GetCoefficient(h.Value) != 0)
                        .Select(h => $"{c.GetCoefficient(h.Value):+0;-0} [{h.Key}]"))} " +
                    $"in [{c.Lb()}, {c.Ub()}]");
            throw new InvalidOperationException(
                "The published figures are inconsistent with the cells " +
                $"({status}):{Environment.NewLine}{string.Join(Environment.NewLine, relations)}");
        }

        var value = _solver.Objective().Value();
        if (value >= Unbounded - 1)
        {
            return double.PositiveInfinity;
        }

        route = _solver.constraints().Where(c => Math.Abs(c.DualValue()) > 1e-9).Select(c => c.Name()).ToList();
        return value;
    }
}
