using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;

namespace SafeguardingIngest.Reports;

/// <summary>
/// What the board page hides of one indicator: the area's figures and each column of its locality
/// breakdown. Worked out together, since each can give the other away: the localities add up to the
/// area, and a flow's year to date adds up its quarters.
/// </summary>
internal sealed record PageSuppression(
    bool Value, bool Previous, bool LastYear, bool YearToDate,
    HashSet<int> LocalityValue, HashSet<int> LocalityLastYear, HashSet<int> LocalityYearToDate)
{
    /// <summary>Whether the chart leaves quarter <paramref name="index"/> of the series as a gap.</summary>
    public bool HidesQuarter(IndicatorResult result, int index, PublicationOptions publication)
    {
        var last = result.SeriesParts.Count - 1;
        return HtmlReport.IsSmallFigure(result.Indicator, result.SeriesParts[index], publication)
               || (index == last && Value) || (index == last - 1 && Previous) || (index == last - 4 && LastYear);
    }

    /// <summary>
    /// Small figures first; then, until nothing changes: a locality column's partners; the area's figure
    /// where its column has no partner left to hide (small cells beside zeros); a flow's year to date
    /// wherever a quarter of its year is hidden, and then every locality's (they add up to it); a
    /// locality's year to date wherever its quarter is. Each step only hides more, so it ends.
    /// </summary>
    public static PageSuppression For(IndicatorResult result, PublicationOptions publication)
    {
        var i = result.Indicator;
        var series = result.SeriesParts;
        var rows = result.Localities;
        var flow = i.Kind == MeasureKind.Flow;
        bool Small(Ratio parts) => HtmlReport.IsSmallFigure(i, parts, publication);

        var year = result.SeriesPeriods[^1].Year;
        var earlierQuarterOfYear = flow && Enumerable.Range(0, series.Count - 1).Any(q => result.SeriesPeriods[q].Year == year && Small(series[q]));
        var value = Small(series[^1]);
        var previous = series.Count > 1 && Small(series[^2]);
        var lastYear = series.Count > 4 && Small(series[^5]);
        var yearToDate = Small(result.Area.YearToDateParts);
        while (true)
        {
            yearToDate |= flow && (value || earlierQuarterOfYear);
            var (thisQuarter, thisTotal) = Column(i, rows.Select(r => r.Figures.Parts).ToList(), publication, []);
            var (sameLastYear, lastYearTotal) = Column(i, rows.Select(r => r.Figures.SameQuarterLastYearParts).ToList(), publication, []);
            var (toDate, toDateTotal) = flow && yearToDate
                ? (Enumerable.Range(0, rows.Count).ToHashSet(), false)
                : Column(i, rows.Select(r => r.Figures.YearToDateParts).ToList(), publication, flow ? thisQuarter : []);
            if ((!thisTotal || value) && (!lastYearTotal || lastYear) && (!toDateTotal || yearToDate))
            {
                return new PageSuppression(value, previous, lastYear, yearToDate, thisQuarter, sameLastYear, toDate);
            }

            value |= thisTotal;
            lastYear |= lastYearTotal;
            yearToDate |= toDateTotal;
        }
    }

    /// <summary>
    /// Rows to hide in one column of a breakdown, small figures and the rows in <paramref name="also"/>
    /// and whatever would reveal them from the area's figure; and whether that figure must go too.
    /// That holds for every unit: a percentage's or rate's numerators add up to the area's as counts
    /// do (the csv publishes them, and populations are public), an average's cases likewise.
    /// </summary>
    private static (HashSet<int> Hidden, bool HideTotal) Column(Indicator indicator, List<Ratio> parts, PublicationOptions publication, HashSet<int> also)
    {
        bool Primary(int row) => HtmlReport.IsSmallFigure(indicator, parts[row], publication) || also.Contains(row);
        var counts = parts.Select(p => p.IsEmpty ? (double?)null : indicator.Unit == IndicatorUnit.Average ? p.Denominator : p.Numerator).ToList();
        return SmallCounts.Line(counts, publication.SmallCountThreshold, Primary);
    }
}
