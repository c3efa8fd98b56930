using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Reports;

/// <summary>
/// Statistical disclosure control for counts in published tables. Primary suppression hides counts
/// from 1 to the threshold less one, and figures resting on so few children (see <see cref="IsSmallFigure"/>). Secondary suppression then hides enough other cells that no
/// hidden count can be worked back from a published total: wherever a line (a set of cells whose
/// total is published) has exactly one hidden cell, or hidden cells adding up to so little that each
/// is pinned below the threshold, its smallest other non-zero cell is hidden too, repeated until
/// every line is safe. Where no other cell can be hidden, the line's total is.
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
    public static bool IsSmallFigure(IndicatorUnit unit, double numerator, double? denominator, int threshold) => unit switch
    {
        IndicatorUnit.Count => IsSmall(numerator, threshold),
        IndicatorUnit.Percentage => IsSmall(numerator, threshold) || IsSmall(denominator - numerator, threshold) || IsSmall(denominator, threshold),
        IndicatorUnit.RatePer10000 => IsSmall(numerator, threshold) || IsSmall(denominator, threshold),
        _ => IsSmall(denominator, threshold),
    };

    /// <summary>
    /// Cells to hide in one line of counts (null where nothing was observed) whose total is published;
    /// and whether the total must be hidden too. <paramref name="primary"/> as for <see cref="Table"/>.
    /// </summary>
    public static (HashSet<int> Hidden, bool HideTotal) Line(IReadOnlyList<double?> counts, int threshold, Func<int, bool>? primary = null)
    {
        var cells = Enumerable.Range(0, counts.Count).Where(i => counts[i] is not null).ToDictionary(i => i, i => counts[i]!.Value);
        var (hidden, totals) = Table(cells, [cells.Keys.ToList()], threshold, primary);
        return (hidden, totals.Contains(0));
    }

    /// <summary>
    /// Cells to hide in a table whose lines' totals are all published (for example the rows and columns
    /// of agencies by localities), and the indexes of lines whose total must be hidden as well.
    /// </summary>
    /// <param name="cells">Each cell's count, the quantity its lines add up.</param>
    /// <param name="lines">The sets of cells whose totals are published.</param>
    /// <param name="threshold">The small-count threshold.</param>
    /// <param name="primary">The cells hidden for their own sake; by default those whose count is small.</param>
    public static (HashSet<TKey> Hidden, HashSet<int> HiddenTotals) Table<TKey>(
        IReadOnlyDictionary<TKey, double> cells, IReadOnlyList<IReadOnlyList<TKey>> lines, int threshold, Func<TKey, bool>? primary = null)
        where TKey : notnull
    {
        var hidden = cells.Where(c => primary?.Invoke(c.Key) ?? IsSmall(c.Value, threshold)).Select(c => c.Key).ToHashSet();
        var hiddenTotals = new HashSet<int>();
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var index = 0; index < lines.Count; index++)
            {
                var line = lines[index];
                if (hiddenTotals.Contains(index) || IsSafe(line.Where(hidden.Contains).Select(k => cells[k]).ToList(), threshold))
                {
                    continue;
                }

                // A zero is safe to show: hiding it protects nothing, since the total less the rest still gives the hidden cell.
                var partners = line.Where(k => !hidden.Contains(k) && cells[k] > 0).OrderBy(k => cells[k]).Take(1).ToList();
                if (partners.Count == 1)
                {
                    hidden.Add(partners[0]);
                }
                else
                {
                    hiddenTotals.Add(index);
                }

                changed = true;
            }
        }

        return (hidden, hiddenTotals);
    }

    /// <summary>
    /// True when a line's hidden cells cannot be worked out from its published total: none is hidden,
    /// or more than one, adding up to enough that a reader who knows each is at least 1 can still only
    /// say of each that it lies between 1 and the threshold or more (3 and 2 hidden beside a total
    /// give 5 between them, so each is 1 to 4: not yet safe; 1 and 1 give both away).
    /// </summary>
    private static bool IsSafe(List<double> hiddenCells, int threshold) =>
        hiddenCells.Count == 0 || (hiddenCells.Count > 1 && hiddenCells.Sum() - (hiddenCells.Count - 1) >= threshold);
}
