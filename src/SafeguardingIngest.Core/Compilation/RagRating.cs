using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// The computed RAG of a value against a target (Key A of the delivery plan): Green on or better
/// than target; Amber worse, but within the indicator's tolerance (a percentage of the target);
/// Red beyond it. No target, or direction-only polarity, means no RAG. Decided on the figures as
/// shown (<see cref="Shown"/>): 19.04% against a target of 19.0% reads 19.0% against 19.0%, on target.
/// </summary>
public static class RagRating
{
    /// <summary>The RAG, or null when there is nothing to rate against.</summary>
    public static Rag? Of(
        double? value,
        double? target,
        Polarity polarity,
        double? tolerancePercent,
        IndicatorUnit unit)
    {
        if (value is not { } v || target is not { } t || polarity == Polarity.None)
        {
            return null;
        }

        var shown = Shown.Round(v, unit);
        var goal = Shown.Round(t, unit);
        var band = Math.Abs(goal) * (tolerancePercent ?? 0) / 100;
        var shortfall = polarity == Polarity.LowerIsBetter ? shown - goal : goal - shown;

        // Both figures are rounded already; this only clears the binary noise of their difference.
        shortfall = Math.Round(shortfall, 6);
        if (shortfall <= 0)
        {
            return Rag.Green;
        }

        return shortfall <= Math.Round(band, 6) ? Rag.Amber : Rag.Red;
    }
}
