namespace SafeguardingIngest.Compilation;

/// <summary>
/// A straight-line "no action" projection of the past quarters (000_…: a trend line "which assumes no
/// action is taken"): the least-squares line through the known points, drawn on to the quarters ahead.
/// </summary>
public sealed record Trend(double Slope, double Intercept, int Points)
{
    /// <summary>
    /// The fitted line through the series (index 0 is the oldest quarter); null with fewer than two known points.
    /// </summary>
    public static Trend? Fit(IReadOnlyList<double?> series)
    {
        var points = series.Select((value, index) => (value, index)).Where(p => p.value is not null).ToList();
        if (points.Count < 2)
        {
            return null;
        }

        var meanX = points.Average(p => (double)p.index);
        var meanY = points.Average(p => p.value!.Value);
        var sxx = points.Sum(p => (p.index - meanX) * (p.index - meanX));
        var sxy = points.Sum(p => (p.index - meanX) * (p.value!.Value - meanY));
        var slope = sxy / sxx;
        return new Trend(slope, meanY - (slope * meanX), points.Count);
    }

    /// <summary>The line's value at quarter <paramref name="index"/> (beyond the series for a projection).</summary>
    public double At(int index) => Intercept + (Slope * index);
}
