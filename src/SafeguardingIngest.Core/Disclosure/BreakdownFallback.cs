namespace SafeguardingIngest.Disclosure;

/// <summary>
/// What one indicator hides where its audit cannot pass (<see cref="FallbackReason"/>): its whole breakdown,
/// every csv cell of every quarter and every locality figure (but zeros, which identify no one and which a
/// reader takes a hidden figure never to be), and of the area's figures those a reader could still use to pin
/// a small cell. With the breakdown hidden, a reader has of a quarter's cells only their sum,
/// the area's figure A: cells whose least values (1, or 0 for a zero) add up to F can each take A − F + 1
/// whole values, so where a quarter has a small cell and that is fewer than the threshold, the area's figure
/// goes too. For a flow the year to date goes wherever a quarter of its year does (it would give that quarter
/// back). Every other sum a reader has ties hidden locality figures, which nothing published bounds.
/// </summary>
internal static class BreakdownFallback
{
    /// <param name="suppression">The indicator's figures.</param>
    /// <param name="threshold">The small-count threshold.</param>
    /// <param name="breakdown">Every csv cell and locality figure of the indicator.</param>
    /// <param name="area">The area's figure for each quarter of the series.</param>
    /// <param name="cells">The csv cells of each quarter.</param>
    /// <param name="yearToDate">For a flow, the area's year to date and the quarters it adds up; else null.</param>
    public static HashSet<int> Hide(
        CellSuppression suppression,
        int threshold,
        IEnumerable<int> breakdown,
        IReadOnlyList<int> area,
        ILookup<int, int> cells,
        (int Node, IEnumerable<int> Quarters)? yearToDate)
    {
        var hidden = breakdown.Where(n => suppression.Value(n) > 0 || suppression.IsPrimary(n)).ToHashSet();
        for (var q = 0; q < area.Count; q++)
        {
            var values = suppression.Value(area[q]) - cells[q].Sum(suppression.Floor) + 1;
            if (suppression.IsPrimary(area[q]) || (cells[q].Any(suppression.IsPrimary) && values < threshold))
            {
                hidden.Add(area[q]);
            }
        }

        if (yearToDate is { } year
            && (suppression.IsPrimary(year.Node) || year.Quarters.Any(q => hidden.Contains(area[q]))))
        {
            hidden.Add(year.Node);
        }

        return hidden;
    }
}
