using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SafeguardingIngest.Testing;

/// <summary>
/// A reader out to work back hidden counts from the board page alone, for one count indicator broken
/// down by locality. It reads the page as published (an HTML parser, no
/// access to the figures behind it), sets up every linear relation the page lets a reader use (the
/// localities add up to the area for each column; for a flow, the area's year to date adds up the
/// area's quarters of the year, from the card and the chart, and a locality's year to date is its
/// quarter plus unknown earlier ones; for a stock, the year to date is the quarter), and narrows each hidden figure's interval by propagation until nothing changes.
/// </summary>
public sealed class PageAttacker
{
    private readonly Dictionary<string, (double Low, double High, string Route)> _bounds = [];
    private readonly List<(string Name, List<(string Var, int Sign)> Terms, double Constant)> _relations = [];

    /// <summary>The hidden figures and the intervals the reader can pin them to.</summary>
    public IReadOnlyDictionary<string, (double Low, double High, string Route)> Hidden => _bounds.Where(b => b.Key.StartsWith("hidden:", StringComparison.Ordinal)).ToDictionary(b => b.Key[7..], b => b.Value);

    /// <summary>Reads the card of <paramref name="anchor"/> on <paramref name="html"/> and bounds every hidden figure on it.</summary>
    public static PageAttacker Attack(string html, string anchor, string period, string[] quartersOfYear, bool flow = true)
    {
        var attacker = new PageAttacker();
        var card = new HtmlParser().ParseDocument(html).QuerySelector($"section#{anchor}") ?? throw new InvalidOperationException($"No card {anchor}.");
        var parts = card.QuerySelectorAll("p")[1].TextContent.Split(" · ");
        string Card(string label) => parts.Single(p => p.StartsWith(label + " ", StringComparison.Ordinal))[(label.Length + 1)..].Replace("†", string.Empty, StringComparison.Ordinal);
        var figures = new[] { "This quarter", "previous quarter", "same quarter last year", "year to date" }.ToDictionary(l => l, Card);

        // The area: each quarter of the year from the chart, this quarter and the year to date from the card.
        var points = card.QuerySelectorAll("circle title").Select(t => t.TextContent.Split(": ")).ToDictionary(p => p[0], p => p[1]);
        var area = attacker.Figure("area this quarter", figures["This quarter"], atLeastOne: true);
        var toDate = attacker.Figure("area year to date", figures["year to date"], atLeastOne: false);
        var quarters = flow
            ? quartersOfYear.Select(q => q == period ? area : attacker.Figure($"area {q}", points.GetValueOrDefault(q, "c"), atLeastOne: false)).ToList()
            : [area];
        attacker.Relate("year to date = quarters of the year", [(toDate, -1), .. quarters.Distinct().Select(q => (q, 1))]);
        var lastYear = attacker.Figure("area same quarter last year", figures["same quarter last year"], atLeastOne: true);

        // The localities: each column adds up to the area's figure; each year to date holds its quarter.
        var rows = card.QuerySelectorAll("tbody tr").Select(r => (Name: r.QuerySelector("th")!.TextContent, Cells: r.QuerySelectorAll("td").Select(Text).ToList())).ToList();
        var thisColumn = rows.Select(r => attacker.Figure($"{r.Name} this quarter", r.Cells[0], atLeastOne: true)).ToList();
        var lastYearColumn = rows.Select(r => attacker.Figure($"{r.Name} same quarter last year", r.Cells[1], atLeastOne: true)).ToList();
        var toDateColumn = rows.Select(r => attacker.Figure($"{r.Name} year to date", r.Cells[2], atLeastOne: false)).ToList();
        attacker.Relate("localities this quarter = area", [(area, -1), .. thisColumn.Select(v => (v, 1))]);
        attacker.Relate("localities same quarter last year = area", [(lastYear, -1), .. lastYearColumn.Select(v => (v, 1))]);
        attacker.Relate("localities year to date = area", [(toDate, -1), .. toDateColumn.Select(v => (v, 1))]);
        for (var r = 0; r < rows.Count; r++)
        {
            List<(string, int)> terms = [(toDateColumn[r], -1), (thisColumn[r], 1)];
            if (flow)
            {
                terms.Add((attacker.Figure($"{rows[r].Name} earlier quarters", "?", atLeastOne: false), 1));
            }

            attacker.Relate($"{rows[r].Name} year to date = this quarter{(flow ? " + earlier" : string.Empty)}", terms);
        }

        attacker.Propagate();
        return attacker;
    }

    private static string Text(IElement cell) => cell.TextContent.Replace("†", string.Empty, StringComparison.Ordinal);

    /// <summary>A figure: a known number, or a variable (hidden "c", or "?" for one the page never shows).</summary>
    private string Figure(string name, string text, bool atLeastOne)
    {
        if (double.TryParse(text, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            var known = $"known:{name}";
            _bounds[known] = (value, value, "published");
            return known;
        }

        var key = text == "c" ? $"hidden:{name}" : $"unknown:{name}";
        _bounds.TryAdd(key, (atLeastOne && text == "c" ? 1 : 0, double.PositiveInfinity, "a hidden count is at least 1, or 0 for one that may be nothing"));
        return key;
    }

    private void Relate(string name, List<(string Var, int Sign)> terms) => _relations.Add((name, terms, 0));

    private void Propagate()
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (name, terms, constant) in _relations)
            {
                foreach (var (target, sign) in terms)
                {
                    // sign × target = constant − Σ others
                    double low = constant, high = constant;
                    foreach (var (other, s) in terms.Where(t => t.Var != target))
                    {
                        var (l, h, _) = _bounds[other];
                        low -= s > 0 ? h : -l;
                        high -= s > 0 ? l : -h;
                    }

                    var (newLow, newHigh) = sign > 0 ? (low, high) : (-high, -low);
                    var (oldLow, oldHigh, route) = _bounds[target];
                    var tighter = (Math.Max(oldLow, newLow), Math.Min(oldHigh, newHigh));
                    if (tighter.Item1 > oldLow + 1e-9 || tighter.Item2 < oldHigh - 1e-9)
                    {
                        _bounds[target] = (tighter.Item1, tighter.Item2, name);
                        changed = true;
                    }
                }
            }
        }
    }
}
