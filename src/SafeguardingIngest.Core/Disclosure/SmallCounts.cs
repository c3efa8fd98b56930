using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;

namespace SafeguardingIngest.Disclosure;

/// <summary>
/// Statistical disclosure control for counts in published tables. Primary suppression hides counts
/// from 1 to the threshold less one, and figures resting on so few children
/// (see <see cref="IsSmallFigure(IndicatorUnit, double, double?, int)"/>).
/// Secondary suppression then hides enough other cells that no hidden count can be worked back from a
/// published total (<see cref="SuppressionNetwork"/> states the method; <see cref="DisclosurePlan"/>
/// applies it to everything a compile publishes).
/// </summary>
public static class SmallCounts
{
    /// <summary>True for a count that must not be published: 1 ≤ count &lt; threshold.</summary>
    public static bool IsSmall(double? count, int threshold) => count is { } c && c >= 1 && c < threshold;

    /// <summary>
    /// True for a figure that must not be published. A count: when small. A percentage: when its
    /// numerator, its complement (denominator less numerator, the children it does not count) or its
    /// denominator is small, so neither "0 of 2" nor "97 of 99" is shown. A rate: when its count or its
    /// population is small. An average: when it is over a small number of cases.
    /// </summary>
    public static bool IsSmallFigure(
        IndicatorUnit unit,
        double numerator,
        double? denominator,
        int threshold) => unit switch
    {
        IndicatorUnit.Count => IsSmall(numerator, threshold),
        IndicatorUnit.Percentage => IsSmall(numerator, threshold)
            || IsSmall(denominator - numerator, threshold)
            || IsSmall(denominator, threshold),
        IndicatorUnit.RatePer10000 => IsSmall(numerator, threshold) || IsSmall(denominator, threshold),
        _ => IsSmall(denominator, threshold),
    };

    /// <summary>A figure of summed parts resting on a small number of children; an empty figure is not.</summary>
    public static bool IsSmallFigure(Indicator indicator, Ratio parts, int threshold) =>
        !parts.IsEmpty && IsSmallFigure(indicator.Unit, parts.Numerator, parts.Denominator, threshold);

    /// <summary>
    /// Cells to hide in one line of counts (null where nothing was observed) whose total is published;
    /// and whether the total must be hidden too. <paramref name="primary"/> as for <see cref="Table"/>.
    /// </summary>
    public static (HashSet<int> Hidden, bool HideTotal) Line(
        IReadOnlyList<double?> counts,
        int threshold,
        Func<int, bool>? primary = null)
    {
        var cells = Enumerable.Range(0, counts.Count)
            .Where(i => counts[i] is not null)
            .ToDictionary(i => i, i => counts[i]!.Value);
        var (hidden, totals) = Table(cells, [cells.Keys.ToList()], threshold, primary);
        return (hidden, totals.Contains(0));
    }

    /// <summary>
    /// Cells to hide in a table of counts whose lines' totals are all published (for example the rows and
    /// columns of agencies by localities), and the indexes of lines whose total must be hidden as well,
    /// by the method of <see cref="SuppressionNetwork"/>.
    /// </summary>
    /// <param name="cells">Each cell's count, the quantity its lines add up.</param>
    /// <param name="lines">The sets of cells whose totals are published.</param>
    /// <param name="threshold">The small-count threshold.</param>
    /// <param name="primary">The cells hidden for their own sake; by default those whose count is small.</param>
    public static (HashSet<TKey> Hidden, HashSet<int> HiddenTotals) Table<TKey>(
        IReadOnlyDictionary<TKey, double> cells,
        IReadOnlyList<IReadOnlyList<TKey>> lines,
        int threshold,
        Func<TKey, bool>? primary = null)
        where TKey : notnull
    {
        var network = new SuppressionNetwork(threshold);
        var nodes = cells.ToDictionary(
            c => c.Key,
            c => network.Add(c.Value, primary?.Invoke(c.Key) ?? IsSmall(c.Value, threshold)));
        var totals = lines.Select(line =>
        {
            var total = network.Add(line.Sum(k => cells[k]), primary: false, rank: 1);
            network.Sum(total, line.Select(k => nodes[k]));
            return total;
        }).ToList();
        var hidden = network.Hide();
        return (nodes.Where(n => hidden.Contains(n.Value)).Select(n => n.Key).ToHashSet(),
                Enumerable.Range(0, lines.Count).Where(l => hidden.Contains(totals[l])).ToHashSet());
    }
}
