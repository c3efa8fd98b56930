using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;

namespace SafeguardingIngest.Reports;

/// <summary>A comparator as a card shows it: "England 42.0 (2025-26)", with its source.</summary>
public sealed record BenchmarkFigure(string Label, string Value, string Year, string Source);

/// <summary>
/// An indicator's comparators on its card: what they are set beside (the year to date), each comparator, the
/// figure's quartile band (A best to D worst, or why there is none) and a note naming the sources.
/// </summary>
public sealed record BenchmarkPanel(
    string Compared,
    IReadOnlyList<BenchmarkFigure> Figures,
    PageCell? Band,
    string Note);

/// <summary>Builds an indicator's <see cref="BenchmarkPanel"/> from the reference data's comparators.</summary>
public static class BenchmarkPanels
{
    /// <summary>
    /// The panel of <paramref name="result"/> for the report's financial year; null where the reference data gives
    /// none. The band is read from the year to date as the page shows it (rounded to its unit's places) and is
    /// withheld (the suppression symbol) where the year to date is hidden, since a band bounds the figure.
    /// </summary>
    public static BenchmarkPanel? For(
        IndicatorResult result,
        ConsolidatedReturn report,
        bool yearToDateHidden,
        PublicationOptions publication)
    {
        var indicator = result.Indicator;
        var comparators = report.Comparators.FirstOrDefault(c =>
            string.Equals(c.Indicator, indicator.Code, StringComparison.OrdinalIgnoreCase)
            && c.Year == report.Period.Year);
        if (comparators is null)
        {
            return null;
        }

        // A rate that adds up over the year is set beside other areas' annual rates only once its year is whole.
        var partYear = indicator.Kind == MeasureKind.Flow && indicator.Unit == IndicatorUnit.RatePer10000
            && report.Period.Quarter != 4;
        var yearToDate = yearToDateHidden
            ? publication.Symbol
            : FigureText.Value(result.Area.YearToDate, indicator.Unit);
        if (partYear)
        {
            return new BenchmarkPanel(
                $"Year to date {yearToDate}: set beside other areas' annual rates at Q4, when the year is whole",
                [],
                null,
                "Sources: " + string.Join("; ", Sources(comparators)) + ".");
        }

        var figures = Named(comparators)
            .Select(c => new BenchmarkFigure(
                c.Label, FigureText.Show(c.Value.Value, indicator.Unit), c.Value.Year.ToString(), c.Value.Source))
            .ToList();

        var band = comparators.Quartiles is { } quartiles
            ? Band(result, quartiles, report, yearToDateHidden, publication)
            : null;
        var sources = Sources(comparators);
        var bands = band is null
            ? string.Empty
            : "Quartile band A is the best quarter of all areas and D the worst, read through the polarity. ";
        var note = bands + "Sources: " + string.Join("; ", sources) + ".";
        return new BenchmarkPanel($"Year to date {yearToDate} beside", figures, band, note);
    }

    /// <summary>The comparators given, each with the label the card shows it under.</summary>
    private static IEnumerable<(string Label, ComparatorValue Value)> Named(Comparators comparators)
    {
        (string, ComparatorValue?)[] all =
        [
            ("England", comparators.England),
            (comparators.Region?.Name ?? "Region", comparators.Region),
            ("Statistical neighbours", comparators.StatisticalNeighbours),
        ];
        return all.Where(c => c.Item2 is not null).Select(c => (c.Item1, c.Item2!));
    }

    private static List<string> Sources(Comparators comparators)
    {
        var sources = Named(comparators).Select(c => $"{c.Label}: {c.Value.Source}, {c.Value.Year}").ToList();
        if (comparators.Quartiles is { } q)
        {
            sources.Add($"quartiles: {q.Source}, {q.Year}");
        }

        return sources;
    }

    private static PageCell Band(
        IndicatorResult result,
        Quartiles quartiles,
        ConsolidatedReturn report,
        bool hidden,
        PublicationOptions publication)
    {
        var indicator = result.Indicator;
        var area = result.Area;
        if (indicator.Polarity == Polarity.None)
        {
            return PageCell.Words("none: tracked for direction only");
        }

        if (area.YearToDate is not { } yearToDate)
        {
            return PageCell.Words(FigureText.NoData);
        }

        if (hidden)
        {
            return new PageCell(publication.Symbol, Suppressed: true, Numeric: false);
        }

        if (!area.YearToDateCoverage.IsComplete)
        {
            return PageCell.Words(FigureText.Incomplete, incomplete: true);
        }

        var shown = Shown.Round(yearToDate, indicator.Unit);
        return PageCell.Words(QuartileBands.Of(shown, quartiles, indicator.Polarity)!.Value.ToString());
    }
}
