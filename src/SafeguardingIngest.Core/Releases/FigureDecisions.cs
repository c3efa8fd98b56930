using System.Text.Json.Serialization;

namespace SafeguardingIngest.Releases;

/// <summary>
/// One figure a release's page or csv showed or hid. <see cref="Key"/> names the quantity the same way in
/// every release (<see cref="FigureKey"/>); <see cref="Quantity"/> is what the sums add up (a count, a
/// percentage's or rate's numerator, an average's cases) and <see cref="Value"/> the figure as worked out.
/// <see cref="Primary"/> where it was hidden for its own sake (a small figure).
/// </summary>
public sealed record FigureDecision(string Key, double Quantity, double? Value, bool Hidden, bool Primary)
{
    /// <summary>Whether <paramref name="other"/> gives this figure another quantity or value: a revision.</summary>
    public bool DiffersFrom(FigureDecision other) =>
        Math.Abs(Quantity - other.Quantity) > 1e-9 || (Value, other.Value) switch
        {
            (null, null) => false,
            ({ } x, { } y) => Math.Abs(x - y) > 1e-9,
            _ => true,
        };
}

/// <summary>
/// The figures of one indicator in a release, and the sums a reader could use among them: each sum is
/// the index of its total in <see cref="Figures"/> followed by the indexes of its members.
/// </summary>
public sealed record IndicatorDecisions(
    string Indicator,
    IReadOnlyList<FigureDecision> Figures,
    IReadOnlyList<int[]> Sums)
{
    /// <summary>
    /// The figures a reader knows are no more than others (a part of a whole the catalogue links by
    /// <c>partOf</c>): each the index of the part in <see cref="Figures"/>, then of its whole. Empty in decisions
    /// written before these were recorded.
    /// </summary>
    public IReadOnlyList<int[]> PartOf { get; init; } = [];

    /// <summary>
    /// The figures the outputs show or hide, without the parts of a percentage (its denominator and complement)
    /// that the plan protects beside it: those are never counted, revised or compared on their own.
    /// </summary>
    [JsonIgnore]
    public IEnumerable<FigureDecision> WholeFigures => Figures.Where(f => !Disclosure.FigureParts.IsPart(f.Key));
}

/// <summary>
/// Every disclosure decision of one release: what it showed, what it hid, and the sums that tie them.
/// </summary>
public sealed record ReleaseDecisions(string Period, int Number, IReadOnlyList<IndicatorDecisions> Indicators)
{
    /// <summary>Each figure by key, where the release had it.</summary>
    public IReadOnlyDictionary<string, FigureDecision> ByKey() =>
        Indicators.SelectMany(i => i.WholeFigures).GroupBy(f => f.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
