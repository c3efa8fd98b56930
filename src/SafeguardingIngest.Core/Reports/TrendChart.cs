using System.Globalization;
using System.Net;
using System.Text;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;

namespace SafeguardingIngest.Reports;

/// <summary>
/// An inline SVG chart of an indicator's last eight quarters (solid line and points), its straight-line
/// "no action" projection through them and four quarters on (dashed), and the target (dotted).
/// Self-contained: no script, no external assets; titled for screen readers.
/// </summary>
public static class TrendChart
{
    private const int Width = 560;
    private const int Height = 210;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 42;
    private const int Ahead = 4;

    /// <summary>The chart's SVG markup; <paramref name="hidden"/> marks quarters suppressed in publication (not drawn).</summary>
    public static string Render(IndicatorResult result, Func<int, bool> hidden)
    {
        static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
        var indicator = result.Indicator;
        var points = result.Series.Select((v, i) => (Index: i, Value: hidden(i) ? null : v)).ToList();
        var known = points.Where(p => p.Value is not null).Select(p => p.Value!.Value).ToList();
        var slots = result.Series.Count + Ahead;
        var projection = result.Trend is { } trend ? Enumerable.Range(0, slots).Select(i => trend.At(i)).ToList() : [];
        var scale = known.Concat(projection).Concat(result.Target is { } t ? [t] : []).ToList();
        var title = $"{indicator.Code}: {indicator.Title}. Last {result.Series.Count} quarters" +
                    (result.Trend is null ? "." : $", with a straight-line projection {Ahead} quarters ahead assuming no action.") +
                    (result.Target is { } target ? $" Target {Figures.Show(target, indicator.Unit)}." : string.Empty);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\"><title>{WebUtility.HtmlEncode(title)}</title>");
        if (scale.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"{Height / 2}\" text-anchor=\"middle\" class=\"axis\">No figures returned</text></svg>");
            return svg.ToString();
        }

        var (low, high) = (Math.Min(0, scale.Min()), scale.Max());
        if (high - low < 1e-9)
        {
            high = low + 1;
        }

        high += (high - low) * 0.08;
        double X(double index) => Left + (index * (Width - Left - Right) / (slots - 1));
        double Y(double value) => Top + ((high - value) * (Height - Top - Bottom) / (high - low));

        // Axes and gridlines at quarter, half and three quarters.
        for (var i = 0; i <= 4; i++)
        {
            var value = low + ((high - low) * i / 4);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(value))}\" y2=\"{F(Y(value))}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{Left - 6}\" y=\"{F(Y(value) + 4)}\" text-anchor=\"end\">{WebUtility.HtmlEncode(Figures.Show(value, indicator.Unit == IndicatorUnit.Count && high - low < 8 ? IndicatorUnit.RatePer10000 : indicator.Unit))}</text>");
        }

        var quarters = result.SeriesPeriods.ToList();
        while (quarters.Count < slots)
        {
            quarters.Add(quarters[^1].Next());
        }

        for (var i = 0; i < slots; i++)
        {
            var quarter = quarters[i];
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{F(X(i))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">Q{quarter.Quarter}</text>");
            if (quarter.Quarter == 1 || i == 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{F(X(i))}\" y=\"{Height - Bottom + 30}\" text-anchor=\"middle\">{quarter.Year}</text>");
            }
        }

        if (result.Target is { } goal)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"target\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(goal))}\" y2=\"{F(Y(goal))}\"><title>Target {WebUtility.HtmlEncode(Figures.Show(goal, indicator.Unit))}</title></line>");
        }

        if (projection.Count > 0)
        {
            svg.Append("<polyline class=\"projection\" points=\"")
                .AppendJoin(' ', projection.Select((v, i) => $"{F(X(i))},{F(Y(v))}"))
                .Append("\"><title>Projection if no action is taken</title></polyline>");
        }

        // The actual series, broken where a quarter is missing or suppressed.
        var segment = new List<string>();
        foreach (var (index, value) in points.Append((points.Count, null)))
        {
            if (value is { } v)
            {
                segment.Add($"{F(X(index))},{F(Y(v))}");
                continue;
            }

            if (segment.Count > 1)
            {
                svg.Append("<polyline class=\"actual\" points=\"").AppendJoin(' ', segment).Append("\"/>");
            }

            segment.Clear();
        }

        foreach (var (index, value) in points.Where(p => p.Value is not null))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" cx=\"{F(X(index))}\" cy=\"{F(Y(value!.Value))}\" r=\"3.5\"><title>{WebUtility.HtmlEncode($"{result.SeriesPeriods[index]}: {Figures.Show(value, indicator.Unit)}")}</title></circle>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }
}
