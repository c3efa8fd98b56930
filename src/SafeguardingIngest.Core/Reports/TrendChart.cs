using System.Globalization;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Reports;

/// <summary>A tick on the value axis.</summary>
public sealed record ChartTick(string Y, string Label);

/// <summary>A quarter on the time axis, with its year under the first quarter of each year.</summary>
public sealed record ChartQuarter(string X, string Label, string? Year);

/// <summary>A plotted quarter; <see cref="Incomplete"/> where it lacks an owed return (drawn hollow).</summary>
public sealed record ChartPoint(string X, string Y, string Label, bool Incomplete);

/// <summary>
/// A level of the target line: the quarters <see cref="First"/> to <see cref="Last"/> (indexes on the time
/// axis) of one financial year, held to <see cref="Value"/>, and where it is drawn.
/// </summary>
public sealed record TargetStep(int First, int Last, double Value, string Points);

/// <summary>
/// What the page draws for one indicator: its last eight quarters (solid line and points), the
/// straight-line "no action" projection through the complete, published ones and four quarters on
/// (dashed), stopping at the unit's bounds, and the target (dotted), on an axis with round ticks.
/// Like is drawn with like: each quarter of an indicator that adds up over the year stands against a
/// quarter of its financial year's annual target, any other against the annual target, the line
/// stepping where the target changes from one year to the next. Coordinates are worked out here; the
/// page's template writes them.
/// </summary>
public sealed record TrendChart(
    string Title,
    IReadOnlyList<ChartTick> Ticks,
    IReadOnlyList<ChartQuarter> Quarters,
    IReadOnlyList<TargetStep> Target,
    string? TargetLabel,
    string? Projection,
    IReadOnlyList<string> Segments,
    IReadOnlyList<ChartPoint> Points,
    string Method)
{
    public const int Width = 560;
    public const int Height = 210;
    public const int Left = 56;
    public const int Right = Width - 16;
    public const int Top = 16;
    public const int Bottom = Height - 42;
    private const int Ahead = 4;

    /// <summary>True when no quarter has a figure to draw.</summary>
    public bool Empty => Points.Count == 0;

    /// <summary>
    /// The target line as polylines' points: one for each run of years with a target, its steps joined (each
    /// year's level to the next), so a year without a target is a gap, never a slope across it.
    /// </summary>
    public IReadOnlyList<string> TargetLines => Lines(Target);

    /// <summary>
    /// The polylines of <paramref name="steps"/>: a new one wherever a step does not follow the last.
    /// </summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<TargetStep> steps)
    {
        var runs = new List<List<TargetStep>>();
        foreach (var step in steps)
        {
            if (runs.Count > 0 && runs[^1][^1].Last + 1 == step.First)
            {
                runs[^1].Add(step);
            }
            else
            {
                runs.Add([step]);
            }
        }

        return runs.Select(run => string.Join(' ', run.Select(s => s.Points))).ToList();
    }

    /// <summary>What the target line is, said under the chart; null where there is no target.</summary>
    public string? TargetNote { get; init; }

    /// <summary>What an empty chart says: that nothing was returned, or that every figure is hidden.</summary>
    public string Blank { get; init; } = NothingReturned;

    private const string NothingReturned = "No figures returned";
    private const string AllHidden = "Every quarter's figure is hidden to protect small numbers";

    /// <summary>Where a series break is drawn, between the quarters either side of it; else null.</summary>
    public string? BreakX { get; init; }

    /// <summary>What the break marker says: the year the definition changed, and the catalogue's note.</summary>
    public string? BreakLabel { get; init; }

    /// <summary>The top of the plot, where the break marker starts.</summary>
    public static int PlotTop => Top;

    /// <summary>The bottom of the plot, where the break marker ends.</summary>
    public static int PlotBottom => Bottom;

    /// <summary>Where the bottom axis labels go.</summary>
    public static int QuarterLabelY => Bottom + 16;

    /// <summary>Where the year labels go.</summary>
    public static int YearLabelY => Bottom + 30;

    /// <summary>
    /// The chart of <paramref name="result"/>; <paramref name="hidden"/> marks quarters suppressed in publication (not
    /// drawn).
    /// </summary>
    public static TrendChart Build(IndicatorResult result, Func<int, bool> hidden)
    {
        var indicator = result.Indicator;
        var unit = indicator.Unit;
        var points = result.Series.Select((v, i) => (Index: i, Value: hidden(i) ? null : v)).ToList();

        // Quarters before a series break are drawn, but the line is not carried across the break and the
        // projection runs through the quarters after it alone: they do not compare.
        // So does the projection of an indicator first collected within the eight quarters: from its first.
        var started = indicator.Dates.From is { } from
            ? result.SeriesPeriods.ToList().FindIndex(p => p >= from.First)
            : 0;
        var first = result.SeriesBreakIndex ?? Math.Max(started, 0);
        var known = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var slots = result.Series.Count + Ahead;
        var periods = result.SeriesPeriods.ToList();
        while (periods.Count < slots)
        {
            periods.Add(periods[^1].Next());
        }

        // Fitted to the complete, published quarters alone: a quarter lacking an owed return would pull the
        // line towards the gap, and a line through a hidden quarter would give it away (the fitted values of a
        // least-squares line add up to the total of the points it is fitted to).
        var coverage = result.SeriesCoverage;
        bool Complete(int index) => index >= coverage.Count || coverage[index].IsComplete;
        var fitted = Trend.Fit(points.Select(p => p.Index < first || !Complete(p.Index) ? null : p.Value).ToList());
        var projection = fitted is { } trend
            ? Bounded(Enumerable.Range(first, slots - first).Select(i => (double)i).ToList(), trend, unit)
            : [];
        var levels = TargetLevels(indicator, periods);
        var axis = ChartAxis.For([.. known, .. projection.Select(p => p.Value), .. levels.Select(l => l.Value)], unit);
        var title = $"{indicator.Code}: {indicator.Title}. Last {result.Series.Count} quarters" +
                    (fitted is null
                        ? "."
                        : $", with a straight-line projection {Ahead} quarters ahead assuming no action.") +
                    (levels.Count == 0 ? string.Empty : " " + TargetSentence(indicator, levels));
        if (known.Count == 0)
        {
            // Saying "no figures returned" of hidden quarters would be untrue, and the csv shows them hidden anyway.
            var allHidden = result.Series.Any(v => v is not null);
            var blank = allHidden ? AllHidden : NothingReturned;
            var note = blank + (allHidden ? ", so no line is drawn." : " in these quarters.");
            return new TrendChart(title, [], [], [], null, null, [], [], note) { Blank = blank };
        }

        double X(double index) => Left + (index * (Right - Left) / (slots - 1));
        double Y(double value) => Top + ((axis.High - value) * (Bottom - Top) / (axis.High - axis.Low));
        var tickUnit = unit == IndicatorUnit.Count && axis.Step < 1 ? IndicatorUnit.RatePer10000 : unit;
        var ticks = axis.Ticks.Select(v => new ChartTick(F(Y(v)), FigureText.Show(v, tickUnit))).ToList();

        var quarters = periods
            .Select((q, i) => new ChartQuarter(
                F(X(i)),
                $"Q{q.Quarter}",
                q.Quarter == 1 || i == 0 ? q.Year.ToString() : null))
            .ToList();

        // The actual series, broken where a quarter is missing or suppressed.
        var segments = new List<string>();
        var segment = new List<string>();
        foreach (var (index, value) in points.Append((points.Count, null)))
        {
            if (index == result.SeriesBreakIndex && segment.Count > 0)
            {
                if (segment.Count > 1)
                {
                    segments.Add(string.Join(' ', segment));
                }

                segment.Clear();
            }

            if (value is { } v)
            {
                segment.Add($"{F(X(index))},{F(Y(v))}");
                continue;
            }

            if (segment.Count > 1)
            {
                segments.Add(string.Join(' ', segment));
            }

            segment.Clear();
        }

        var plotted = points.Where(p => p.Value is not null).Select(p =>
        {
            var incomplete = p.Index < coverage.Count && !coverage[p.Index].IsComplete;
            var label = $"{result.SeriesPeriods[p.Index]}: " +
                $"{FigureText.Show(p.Value, unit)}{(incomplete ? " (lacks an owed return)" : string.Empty)}";
            return new ChartPoint(F(X(p.Index)), F(Y(p.Value!.Value)), label, incomplete);
        }).ToList();

        var floor = unit == IndicatorUnit.Percentage ? "0 and 100%" : "0";
        var method = fitted is null
            ? "Too few complete, published quarters for a projection."
            : $"Dashed: the least-squares straight line through the {fitted.Points} complete, published quarters " +
              "(a quarter lacking an owed return, or hidden, is left out), " +
              $"continued {Ahead} quarters ahead as if no action were taken; it stops at {floor}.";
        var steps = levels.Select(l =>
        {
            var (from, to) = (Math.Max(Left, X(l.First - 0.5)), Math.Min(Right, X(l.Last + 0.5)));
            return new TargetStep(l.First, l.Last, l.Value, $"{F(from)},{F(Y(l.Value))} {F(to)},{F(Y(l.Value))}");
        }).ToList();
        return new TrendChart(
            title,
            ticks,
            quarters,
            steps,
            steps.Count == 0 ? null : TargetSentence(indicator, levels),
            projection.Count > 1 ? string.Join(' ', projection.Select(p => $"{F(X(p.Index))},{F(Y(p.Value))}")) : null,
            segments,
            plotted,
            method)
        {
            TargetNote = steps.Count == 0 ? null : TargetNoteFor(indicator, levels),
            BreakX = result.SeriesBreakIndex is { } at ? F(X(at - 0.5)) : null,
            BreakLabel = result.SeriesBreakIndex is null ? null
                : $"Series break: definition changed in {indicator.SeriesBreak}" +
                  (indicator.SeriesBreakNote is { } why ? $" ({why})" : string.Empty) +
                  "; the quarters either side do not compare.",
        };
    }

    /// <summary>
    /// The target each run of quarters on the time axis is drawn against, one level per financial year with a
    /// target: a quarter of the annual target for an indicator whose target is pro rata (a count or rate that
    /// adds up over the year), else the annual target. A year with no target has no level.
    /// </summary>
    internal static List<(int First, int Last, double Value, FinancialYear Year)> TargetLevels(
        Indicator indicator,
        IReadOnlyList<ReportingPeriod> periods)
    {
        var levels = new List<(int First, int Last, double Value, FinancialYear Year)>();
        for (var i = 0; i < periods.Count; i++)
        {
            if (indicator.TargetFor(periods[i].Year) is not { } annual)
            {
                continue;
            }

            var value = indicator.TargetIsProRata ? annual / 4 : annual;
            if (levels.Count > 0 && levels[^1].Year == periods[i].Year)
            {
                levels[^1] = levels[^1] with { Last = i };
                continue;
            }

            levels.Add((i, i, value, periods[i].Year));
        }

        return levels;
    }

    /// <summary>
    /// "Quarterly share of the annual target 600 (2010-11), 700 (2011-12)." or "Annual target 19.0%."
    /// </summary>
    private static string TargetSentence(
        Indicator indicator,
        List<(int First, int Last, double Value, FinancialYear Year)> levels)
    {
        var values = levels.Select(l => FigureText.Show(l.Value, indicator.Unit)).ToList();
        var single = values.Distinct(StringComparer.Ordinal).Count() == 1;
        var text = single
            ? values[0]
            : string.Join(", ", levels.Select((l, i) => $"{values[i]} ({l.Year})"));
        return (indicator.TargetIsProRata ? "Quarterly share of the annual target " : "Annual target ") + text + ".";
    }

    /// <summary>What the dotted line is, in words under the chart.</summary>
    private static string TargetNoteFor(
        Indicator indicator,
        List<(int First, int Last, double Value, FinancialYear Year)> levels)
    {
        var stepping = levels.Count > 1
            ? "; it steps where the target changes from one financial year to the next"
            : string.Empty;
        if (!indicator.TargetIsProRata)
        {
            return $"Dotted: each financial year's annual target{stepping}.";
        }

        var years = string.Join(", ", levels.Select(l =>
            $"{FigureText.Show(l.Value * 4, indicator.Unit)} a year in {l.Year}, " +
            $"{FigureText.Show(l.Value, indicator.Unit)} a quarter"));
        return "This indicator adds up over the year, so each quarter is drawn against a quarter of its financial " +
               $"year's annual target ({years}){stepping}.";
    }

    /// <summary>
    /// The projection's points, stopping where the line leaves the unit's bounds (a count, rate or
    /// average never below 0; a percentage within 0 to 100), at the point where it crosses.
    /// </summary>
    internal static List<(double Index, double Value)> Bounded(
        IReadOnlyList<double> indexes,
        Trend trend,
        IndicatorUnit unit)
    {
        var (low, high) = unit == IndicatorUnit.Percentage ? (0.0, 100.0) : (0.0, double.PositiveInfinity);
        var result = new List<(double, double)>();
        foreach (var index in indexes)
        {
            var value = trend.At((int)index);
            if (value >= low && value <= high)
            {
                result.Add((index, value));
                continue;
            }

            // Where the line reaches the bound between the last point and this one.
            if (result.Count > 0 && trend.Slope != 0)
            {
                var bound = value < low ? low : high;
                var crossing = (bound - trend.Intercept) / trend.Slope;
                if (crossing > result[^1].Item1)
                {
                    result.Add((crossing, bound));
                }
            }

            break;
        }

        return result;
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
