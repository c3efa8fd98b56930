using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Testing;

/// <summary>
/// A second indicator of a generated partnership, tied to KIDS as a catalogue ties indicators
/// (<see cref="IndicatorLinks"/>): its count is KIDS's ("sameCountAs"), a part of it ("partOf"), or a
/// percentage's numerator ("numeratorOf") or denominator ("denominatorOf") is KIDS's count. The first two are
/// declared on it, the last two on KIDS, as the catalogue declares them.
/// </summary>
public sealed record LinkedIndicator(string Code, string Kind, IndicatorUnit Unit)
{
    /// <summary>How a reader holding the catalogue takes the link: this indicator's cells tied to KIDS's.</summary>
    public IndicatorLink Link => new(Code, Kind, "KIDS");

    /// <summary>The catalogue's unit word for <paramref name="unit"/>.</summary>
    public static string UnitWord(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percentage => "percentage",
        IndicatorUnit.Average => "average",
        IndicatorUnit.RatePer10000 => "ratePer10000",
        _ => "count",
    };

    /// <summary>The fields KIDS declares for the link (none where it is declared on this indicator).</summary>
    public string OnKids => Kind is "numeratorOf" or "denominatorOf" ? $$""", "{{Kind}}": [ "{{Code}}" ]""" : "";

    /// <summary>The fields this indicator declares for the link.</summary>
    public string OnItself => Kind is "sameCountAs" or "partOf" ? $$""", "{{Kind}}": "KIDS" """ : "";

    /// <inheritdoc />
    public override string ToString() => $"{Code} ({Unit}) {Kind} KIDS";
}
