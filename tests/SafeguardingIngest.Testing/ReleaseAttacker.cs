using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Testing;

/// <summary>One release as published: its board page and its csv.</summary>
public sealed record Release(string Html, string Csv);

/// <summary>
/// The catalogue's plausibility checks for an indicator, public as the catalogue is: a return's figure below
/// <see cref="Min"/> or above <see cref="Max"/>, or changed by more than <see cref="MaxQuarterlyChange"/>
/// percent since the agency's previous quarter, raises a data quality query.
/// </summary>
public sealed record QueryLimits(double? Min = null, double? Max = null, double? MaxQuarterlyChange = null);

/// <summary>
/// Indicators that share counts, as the catalogue can declare them (public, as the catalogue is):
/// <see cref="Code"/> counts the same as <see cref="Other"/> ("sameCountAs"), is a part of it ("partOf"), or has
/// its numerator ("numeratorOf") or denominator ("denominatorOf") in <see cref="Other"/>'s count; cell by cell,
/// for the same quarter, agency and locality.
/// </summary>
public sealed record IndicatorLink(string Code, string Kind, string Other);

/// <summary>
/// A reader holding every release of the return (oldest first), out to work back the hidden figures of one
/// indicator from all of them at once. A csv cell (quarter, agency, locality) is one unknown in every
/// release unless a release marks it revised or two releases show it with different values; each page
/// figure, read by its place on the page, is the sum of the cells it stands for in its own release. Counts
/// are whole; a rate, percentage or average shown to one decimal bounds its numerator against its
/// denominator (a rate's population is public); a direction of travel, a RAG against the target to date and
/// a change on last year bound the figures they compare; so, for a count whose catalogue limits are given,
/// does a data quality query on a row or its absence. Integer programming (OR-Tools CP-SAT) then finds
/// the least and greatest value of each hidden figure, exact where a linear relaxation would not be.
/// </summary>
public sealed class ReleaseAttacker
{
    private readonly IntegerRanges _ranges;
    private readonly Dictionary<string, (string Name, LinearForm Form)> _targets = new(StringComparer.Ordinal);
    private readonly string _symbol;
    private readonly List<(string Figure, string Message)> _unproven = [];
    private CellTruth? _truth;

    /// <summary>The unit of the indicator being read.</summary>
    private IndicatorUnit _unit;

    private ReleaseAttacker(string symbol, TimeSpan timeLimit, int? threshold)
    {
        _ranges = new IntegerRanges(timeLimit, threshold);
        _symbol = symbol;
    }

    /// <summary>Every hidden figure (csv cells and page figures, of every release) with its range.</summary>
    public IReadOnlyList<PinnedRange> Ranges { get; private set; } = [];

    /// <summary>The bounds the solver could not prove within its time limit: no range is claimed for them.</summary>
    public IReadOnlyList<string> NotProven { get; private set; } = [];

    /// <summary>
    /// The hidden figures whose exact bounds were not proven (time, or a search stopped once wide enough) but for
    /// which solutions were found, with the least and greatest value found: each takes at least these.
    /// </summary>
    public IReadOnlyList<PinnedRange> Spans { get; private set; } = [];

    /// <summary>
    /// The figures neither bounded exactly nor shown by the solutions found to be beyond pinning at
    /// <paramref name="threshold"/> (<see cref="IntegerRanges.Settles"/>): whether they are pinned is not known.
    /// </summary>
    public IReadOnlyList<string> Unsettled(int threshold)
    {
        var wide = Spans.Where(s => IntegerRanges.Settles(s.Low, s.High, threshold))
            .Select(s => s.Figure)
            .ToHashSet(StringComparer.Ordinal);
        return [.. _unproven.Where(u => !wide.Contains(u.Figure)).Select(u => u.Message)];
    }

    /// <summary>
    /// The hidden figures narrowed to fewer whole values than <paramref name="threshold"/> where one of them is
    /// small (1 to threshold − 1).
    /// </summary>
    public IReadOnlyList<PinnedRange> Pinned(int threshold) =>
        Ranges.Where(r => r.Values < threshold && r.Low < threshold && r.High >= 1).ToList();

    /// <summary>
    /// Reads <paramref name="releases"/> (oldest first) as published and bounds every hidden figure of the
    /// indicator <paramref name="code"/>, and of the indicators <paramref name="links"/> tie it to (their figures
    /// named after their codes). <paramref name="populations"/> are the public under-18s by locality code ("ALL"
    /// for the whole area), the same every year; by default each financial year's, as the csv shows a rate's
    /// denominator for that locality and year (a locality and year whose every row is hidden has none).
    /// A test that knows what was returned passes it as <paramref name="truth"/>, for the solver to start from;
    /// with <paramref name="threshold"/> each search stops once it shows a figure is not pinned at it, and is
    /// limited by the solver's deterministic time (<see cref="IntegerRanges"/>).
    /// </summary>
    public static ReleaseAttacker Attack(
        IReadOnlyList<Release> releases,
        string code,
        string symbol = "c",
        IReadOnlyDictionary<string, double>? populations = null,
        TimeSpan? timeLimit = null,
        QueryLimits? limits = null,
        IReadOnlyList<IndicatorLink>? links = null,
        CellTruth? truth = null,
        int? threshold = null)
    {
        links ??= [];
        var attacker = new ReleaseAttacker(symbol, timeLimit ?? TimeSpan.FromSeconds(5), threshold);
        attacker._truth = truth;
        var codes = links.SelectMany(l => new[] { l.Code, l.Other }).Prepend(code).Distinct(StringComparer.Ordinal);
        var cells = codes.ToDictionary(
            c => c,
            c => attacker.Read(releases, c, c == code ? string.Empty : c + ": ", populations, limits),
            StringComparer.Ordinal);
        foreach (var link in links)
        {
            attacker.Link(link, cells[link.Code], cells[link.Other]);
        }

        attacker.Solve();
        return attacker;
    }

    /// <summary>One indicator's cells in every release, with the relations its pages give.</summary>
    private List<List<Cell>> Read(
        IReadOnlyList<Release> releases,
        string code,
        string prefix,
        IReadOnlyDictionary<string, double>? populations,
        QueryLimits? limits)
    {
        var rows = releases.Select(r => PublishedCsv.Read(r.Csv, code)).ToList();
        var unit = rows.SelectMany(r => r)
            .Select(r => Enum.TryParse<IndicatorUnit>(r.Unit, out var u) ? u : (IndicatorUnit?)null)
            .FirstOrDefault(u => u is not null) ?? IndicatorUnit.Count;
        _unit = unit;
        Prefix = prefix;
        // Populations are of a financial year: a rate's quarters of one year share a denominator, another
        // year's differ. The csv shows each year's wherever it shows a rate's row of that year.
        var shown = rows.SelectMany(r => r)
            .Where(r => unit == IndicatorUnit.RatePer10000 && PublishedCard.Number(r.Denominator) is not null)
            .GroupBy(r => (r.Locality, r.Period.Year))
            .ToDictionary(g => g.Key, g => PublishedCard.Number(g.First().Denominator)!.Value);
        double? Population(string locality, FinancialYear year) =>
            populations is not null
                ? populations.TryGetValue(locality, out var p) ? p : null
                : shown.TryGetValue((locality, year), out var q) ? q : null;
        var cells = Cells(rows);
        for (var r = 0; r < releases.Count; r++)
        {
            var card = PublishedCard.Read(releases[r].Html, code);
            var names = rows[r].GroupBy(c => c.LocalityName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Locality, StringComparer.Ordinal);
            new ReleasePage(this, card, cells[r], names, Population).Read(limits);
        }

        return cells;
    }

    /// <summary>Ties two linked indicators' cells in each release, quarter, agency and locality.</summary>
    private void Link(IndicatorLink link, List<List<Cell>> cells, List<List<Cell>> others)
    {
        for (var r = 0; r < cells.Count; r++)
        {
            var other = others[r].ToDictionary(c => (c.Period, c.Agency, c.Locality));
            foreach (var cell in cells[r])
            {
                if (!other.TryGetValue((cell.Period, cell.Agency, cell.Locality), out var match))
                {
                    continue;
                }

                var name = $"{link.Code} {link.Kind} {link.Other}: {cell.Period} {cell.Agency} {cell.Locality}";
                var part = link.Kind == "denominatorOf" ? cell.Denominator : cell.Numerator;
                var difference = LinearForm.Combine(1, part, -1, match.Numerator);
                switch (link.Kind)
                {
                    case "sameCountAs" or "numeratorOf" or "denominatorOf":
                        Require(name, difference, atLeast: 0, atMost: 0);
                        break;
                    case "partOf":
                        Require(name, difference, atLeast: null, atMost: 0);
                        break;
                    default:
                        throw new ArgumentException($"No such link as {link.Kind}.", nameof(link));
                }
            }
        }
    }

    /// <summary>The numerator and denominator of a csv cell in one release, as the reader knows them.</summary>
    internal sealed record Cell(
        ReportingPeriod Period,
        string Agency,
        string Locality,
        string Source,
        LinearForm Numerator,
        LinearForm Denominator);

    /// <summary>A figure of the page: the sum of its cells' numerators over a denominator (for a count, 1).</summary>
    internal sealed record Figure(string Name, LinearForm Numerator, LinearForm Denominator);

    /// <summary>A ratio's multiplier: 1 for a count or average, 100 for a percentage, 10,000 for a rate.</summary>
    internal double Scale => _unit switch
    {
        IndicatorUnit.Percentage => 100,
        IndicatorUnit.RatePer10000 => 10_000,
        _ => 1,
    };

    internal IndicatorUnit Unit => _unit;

    internal string Symbol => _symbol;

    /// <summary>What the names of the figures of the indicator being read start with.</summary>
    internal string Prefix { get; private set; } = string.Empty;

    /// <summary>
    /// Each release's cells, a cell being one version of a csv row's figure: a release that marks the row
    /// revised starts a new one, and so does a release showing another value than the version showed
    /// before (the releases hiding it between the two could hold either, so each is an unknown of its own).
    /// </summary>
    private List<List<Cell>> Cells(List<IReadOnlyList<PublishedRow>> releases)
    {
        var cells = releases.Select(_ => new List<Cell>()).ToList();
        var history = releases.SelectMany((rows, r) => rows.Select(row => (Release: r, Row: row)))
            .GroupBy(e => (e.Row.Period, e.Row.Agency, e.Row.Locality));
        foreach (var rows in history)
        {
            var (period, agency, locality) = rows.Key;
            var versions = 0;
            Version? current = null;
            var pending = new List<int>();
            var cell = $"{Prefix}csv {period} {agency} {locality}";
            string Name() => ++versions == 1 ? cell : $"{cell} ({versions})";
            void Place(int release, Version version)
            {
                cells[release].Add(new Cell(
                    period,
                    agency,
                    locality,
                    rows.First(e => e.Release == release).Row.Source,
                    version.N,
                    version.D));
                if (version.Shown is null
                    && Prefix.Length == 0
                    && _truth?.Invoke(release, period, agency, locality) is var (n, d))
                {
                    // What was returned: a solution the reader does not know, from which the solver starts.
                    Hint(version.N, n);
                    Hint(version.D, d);
                }
            }

            // The releases that hid the figure since it was last shown get the current version.
            void Settle()
            {
                if (pending.Count == 0)
                {
                    return;
                }

                var version = current ?? Hidden(Name());
                if (current is not null)
                {
                    // Shown in one release and hidden in another: the hiding protects nothing.
                    Target(version.Name, version.N, version.D);
                }

                pending.ForEach(r => Place(r, version));
                pending.Clear();
            }

            foreach (var (release, row) in rows.OrderBy(e => e.Release))
            {
                if (row.Revised)
                {
                    Settle();
                    current = null;
                }

                if (row.Numerator == _symbol)
                {
                    pending.Add(release);
                    continue;
                }

                if (PublishedCard.Number(row.Numerator) is not { } n)
                {
                    continue;
                }

                var ratio = _unit is IndicatorUnit.Percentage or IndicatorUnit.Average;
                var d = ratio ? PublishedCard.Number(row.Denominator) ?? 0 : 0;
                if (current is null || current.Shown != (n, d))
                {
                    // Hidden between two different values: a reader cannot tell which (if either) it was.
                    if (current is not null)
                    {
                        pending.ForEach(r => Place(r, Hidden(Name())));
                        pending.Clear();
                    }

                    current = new Version(Name(), LinearForm.Of(n), LinearForm.Of(d), (n, d));
                }

                Settle();
                Place(release, current);
            }

            Settle();
        }

        return cells;
    }

    /// <summary>One value of a csv cell: known where some release shows it.</summary>
    private sealed record Version(string Name, LinearForm N, LinearForm D, (double, double)? Shown);

    /// <summary>A hidden cell: a count of at least 1 (a zero count is never hidden), or a ratio's parts.</summary>
    private Version Hidden(string name)
    {
        var ratio = _unit is IndicatorUnit.Percentage or IndicatorUnit.Average;
        var numerator = NewUnknown(ratio ? 0 : 1, name);
        var denominator = ratio ? NewUnknown(0, name + " denominator") : LinearForm.Of(0);
        if (ratio)
        {
            // A percentage's numerator is within its denominator; anything over no cases is nothing.
            Require(
                $"{name}: numerator within what its denominator allows",
                LinearForm.Combine(
                    1,
                    numerator,
                    _unit == IndicatorUnit.Percentage ? -1 : -IntegerRanges.Ceiling,
                    denominator),
                atLeast: null,
                atMost: 0);
        }

        Target(name, numerator, denominator);
        return new Version(name, numerator, denominator, null);
    }

    private LinearForm NewUnknown(long floor, string name) => _ranges.NewUnknown(floor, name);

    private void Hint(LinearForm form, double value)
    {
        if (!form.IsKnown)
        {
            _ranges.Hint(form, (long)value);
        }
    }

    /// <summary>
    /// A hidden figure to bound: a count's or rate's count; a percentage's numerator, complement and
    /// denominator; an average's cases.
    /// </summary>
    internal void Target(string name, LinearForm numerator, LinearForm denominator)
    {
        List<(string, LinearForm)> figures = _unit switch
        {
            IndicatorUnit.Percentage =>
            [
                (name, numerator),
                (name + " complement", LinearForm.Combine(1, denominator, -1, numerator)),
                (name + " denominator", denominator),
            ],
            IndicatorUnit.Average => [(name + " cases", denominator)],
            _ => [(name, numerator)],
        };
        foreach (var (figure, form) in figures)
        {
            _targets.TryAdd(form.Key(), (figure, form));
        }
    }

    /// <summary>A published relation, atLeast ≤ form ≤ atMost (strictly where <paramref name="strict"/>).</summary>
    internal void Require(string name, LinearForm form, double? atLeast, double? atMost, bool strict = false) =>
        _ranges.Require(name, form, atLeast, atMost, strict);

    /// <summary>One published relation or the other, strictly.</summary>
    internal void RequireEither(string name, IntegerRanges.Bounded first, IntegerRanges.Bounded second) =>
        _ranges.RequireEither(name, first, second, strict: true);

    private void Solve()
    {
        var ranges = new List<PinnedRange>();
        var spans = new List<PinnedRange>();
        foreach (var (name, form) in _targets.Values)
        {
            var reach = _ranges.Bounds(form);
            var route = string.Join("; ", _ranges.RelationsOf(form));
            if (reach is { Low: { } low, High: { } high })
            {
                var range = new PinnedRange(name, low, high, route.Length == 0 ? "what the csv shows" : route);
                (reach.Exact ? ranges : spans).Add(range);
            }

            if (!reach.Exact)
            {
                var found = reach.Low is { } least && reach.High is { } most
                    ? $" (solutions found give {least} to {most})"
                    : string.Empty;
                _unproven.Add((name, $"{name}: not proven within the time limit{found}"));
            }
        }

        Ranges = ranges;
        Spans = spans;
        NotProven = [.. _unproven.Select(u => u.Message)];
    }
}
