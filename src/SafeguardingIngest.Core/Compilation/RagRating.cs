using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// The computed RAG of a value against a target (Key A of the delivery plan): Green on or better
/// than target; Amber worse, but within the indicator's tolerance (a percentage of the target);
/// Red beyond it. No target, or direction-only polarity, means no RAG.
/// </summary>
public static class RagRating
{
    /// <summary>The RAG, or null when there is nothing to rate against.</summary>
    public static Rag? Of(double? value, double? target, Polarity polarity, double? tolerancePercent)
    {
        if (value is not { } v || target is not { } t || polarity == Polarity.None)
        {
            return null;
        }

        var band = Math.Abs(t) * (tolerancePercent ?? 0) / 100;
        var shortfall = polarity == Polarity.LowerIsBetter ? v - t : t - v;

        // Compared at the precision people read the figures, so 20.0 against a target of 20 is on target.
        shortfall = Math.Round(shortfall, 6);
        if (shortfall <= 0)
        {
            return Rag.Green;
        }

        return shortfall <= Math.Round(band, 6) ? Rag.Amber : Rag.Red;
    }
}
