using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Reports;

/// <summary>
/// A chart's value axis: from 0 (or below, for values below 0) to a round value at or just above the
/// data and target, with ticks at round steps (1, 2 or 5 × 10ⁿ; whole numbers for counts), and never
/// past 100 for a percentage.
/// </summary>
public sealed record ChartAxis(double Low, double High, double Step)
{
    /// <summary>The tick values from <see cref="Low"/> to <see cref="High"/>.</summary>
    public IReadOnlyList<double> Ticks
    {
        get
        {
            var ticks = new List<double>();
            for (var i = 0; ; i++)
            {
                var tick = Math.Round(Low + (i * Step), 9);
                if (tick > High + (Step / 1000))
                {
                    return ticks;
                }

                ticks.Add(tick);
            }
        }
    }

    /// <summary>
    /// The axis for <paramref name="values"/> of <paramref name="unit"/>, aiming at about five intervals.
    /// </summary>
    public static ChartAxis For(IReadOnlyCollection<double> values, IndicatorUnit unit)
    {
        var low = Math.Min(0, values.Count == 0 ? 0 : values.Min());
        var high = values.Count == 0 ? 1 : values.Max();
        if (unit == IndicatorUnit.Percentage)
        {
            high = Math.Min(high, 100);
        }

        if (high - low < 1e-9)
        {
            high = low + (unit == IndicatorUnit.Count ? 1 : 0.1);
        }

        var step = RoundStep((high - low) / 5);
        if (unit == IndicatorUnit.Count)
        {
            step = Math.Max(1, step);
        }

        var axisLow = Math.Floor(Math.Round(low / step, 9)) * step;
        var axisHigh = Math.Ceiling(Math.Round(high / step, 9)) * step;
        if (unit == IndicatorUnit.Percentage)
        {
            axisHigh = Math.Min(axisHigh, 100);
        }

        return new ChartAxis(axisLow, axisHigh, step);
    }

    /// <summary>The smallest of 1, 2 or 5 × 10ⁿ at least <paramref name="raw"/>.</summary>
    public static double RoundStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var factor in new[] { 1.0, 2, 5, 10 })
        {
            if (factor * magnitude >= raw * (1 - 1e-9))
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
