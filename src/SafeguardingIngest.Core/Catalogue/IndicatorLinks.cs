namespace SafeguardingIngest.Catalogue;

/// <summary>
/// How an indicator's counts are tied to another's, as the catalogue declares it on the indicator:
/// <see cref="SameCountAs"/> (its count is the other's: referrals and referrals per 10,000),
/// <see cref="PartOf"/> (its count is a part of the other's: plans for neglect among all plans),
/// <see cref="NumeratorOf"/> and <see cref="DenominatorOf"/> (its count is those indicators' numerator or
/// denominator). A reader can use every such tie between published figures, so the disclosure plan
/// plans linked indicators as one set of sums.
/// </summary>
public sealed record IndicatorLinks
{
    /// <summary>No links.</summary>
    public static IndicatorLinks None { get; } = new();

    /// <summary>
    /// The indicator whose count (a count, or a rate's or percentage's numerator) this one's count is.
    /// </summary>
    public string? SameCountAs { get; init; }

    /// <summary>The indicator whose count this one's count is a part of (never more than it).</summary>
    public string? PartOf { get; init; }

    /// <summary>The percentages or rates whose numerator is this indicator's count.</summary>
    public IReadOnlyList<string> NumeratorOf { get; init; } = [];

    /// <summary>The percentages or averages whose denominator (an average's cases) is this indicator's count.</summary>
    public IReadOnlyList<string> DenominatorOf { get; init; } = [];

    /// <summary>Whether any link is declared.</summary>
    public bool Any =>
        SameCountAs is not null || PartOf is not null || NumeratorOf.Count > 0 || DenominatorOf.Count > 0;

    /// <summary>
    /// The problems with the links of <paramref name="indicators"/> (each with its JSON path): a code that
    /// names no indicator or the indicator itself, or a link between units it cannot hold between.
    /// </summary>
    public static IEnumerable<(string Path, string Message)> Check(
        IReadOnlyList<(Indicator Item, string Path)> indicators)
    {
        var byCode = indicators.GroupBy(i => NameKey.Fold(i.Item.Code)).ToDictionary(g => g.Key, g => g.First().Item);
        foreach (var (indicator, path) in indicators)
        {
            var links = indicator.Links;
            IEnumerable<(string Field, string Code)> named =
            [
                .. links.SameCountAs is { } same ? [("sameCountAs", same)] : Array.Empty<(string, string)>(),
                .. links.PartOf is { } part ? [("partOf", part)] : Array.Empty<(string, string)>(),
                .. links.NumeratorOf.Select((c, k) => ($"numeratorOf[{k}]", c)),
                .. links.DenominatorOf.Select((c, k) => ($"denominatorOf[{k}]", c)),
            ];
            foreach (var (field, code) in named)
            {
                var where = $"{path}.{field}";
                if (!byCode.TryGetValue(NameKey.Fold(code), out var other))
                {
                    yield return (where, $"'{code}' is not an indicator of the catalogue");
                }
                else if (ReferenceEquals(other, indicator))
                {
                    yield return (where, "an indicator cannot be linked to itself");
                }
                else if (Problem(field, indicator, other) is { } problem)
                {
                    yield return (where, problem);
                }
            }
        }
    }

    private static string? Problem(string field, Indicator self, Indicator other)
    {
        static bool Counts(IndicatorUnit unit) => unit is not IndicatorUnit.Average;
        if (self.Unit == IndicatorUnit.Average)
        {
            return $"an average's count is not a count of children; {field} needs a count, a rate or a percentage";
        }

        return field switch
        {
            "sameCountAs" or "partOf" when !Counts(other.Unit) =>
                $"{other.Code} is an average: its total is not a count of children to compare with",
            _ when field.StartsWith("numeratorOf", StringComparison.Ordinal) &&
                other.Unit is not (IndicatorUnit.Percentage or IndicatorUnit.RatePer10000) =>
                $"{other.Code} is a {other.Unit.ToString().ToLowerInvariant()}, which has no numerator to share",
            _ when field.StartsWith("denominatorOf", StringComparison.Ordinal) &&
                other.Unit is not (IndicatorUnit.Percentage or IndicatorUnit.Average) =>
                $"{other.Code} is a {other.Unit.ToString().ToLowerInvariant()}: only a percentage's or an average's " +
                "denominator is a count",
            _ => null,
        };
    }
}
