using SafeguardingIngest.Releases;

namespace SafeguardingIngest.Disclosure;

/// <summary>
/// The keys of a percentage's denominator and complement (denominator less numerator) beside its figure's own
/// (<see cref="FigureKey"/>): "denominator|cell|2025-26-Q2|NI68|CSC|N". They are parts of one figure, which the
/// csv shows or hides whole, so a change in one is a revision of the figure, never one of its own.
/// </summary>
internal static class FigureParts
{
    private const string DenominatorKind = "denominator";
    private const string ComplementKind = "complement";

    /// <summary>The key of the denominator of the figure <paramref name="key"/>.</summary>
    public static string Denominator(string key) => $"{DenominatorKind}|{key}";

    /// <summary>The key of the complement of the figure <paramref name="key"/>.</summary>
    public static string Complement(string key) => $"{ComplementKind}|{key}";

    /// <summary>Whether <paramref name="key"/> names a part of a figure rather than a figure.</summary>
    public static bool IsPart(string key) =>
        key.StartsWith(DenominatorKind + "|", StringComparison.Ordinal)
        || key.StartsWith(ComplementKind + "|", StringComparison.Ordinal);
}
