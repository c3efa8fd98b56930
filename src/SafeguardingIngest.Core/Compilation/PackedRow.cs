using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// One observation packed: its figures, then its names and quarter as indexes into a <see cref="PackedNames"/>
/// (48 bytes, laid out so, and unmanaged, so rows go to a file and back as their bytes, in the process that wrote
/// them). Its commentary, which few rows have, is kept beside the rows by position.
/// </summary>
internal readonly record struct PackedRow(
    double Numerator,
    double Denominator,
    double Value,
    int Agency,
    int Indicator,
    int Locality,
    int Source,
    ushort Period,
    byte Unit,
    bool HasDenominator)
{
    /// <summary>The row of <paramref name="o"/>, its names and quarter entered in <paramref name="names"/>.</summary>
    public static PackedRow Of(Observation o, PackedNames names) => new(
        o.Numerator,
        o.Denominator ?? 0,
        o.Value,
        names.Id(o.Agency),
        names.Id(o.Indicator),
        names.Id(o.Locality),
        names.Id(o.Source),
        names.PeriodId(o.Period),
        (byte)o.Unit,
        o.Denominator is not null);

    /// <summary>The observation packed, made again: equal to the one packed.</summary>
    public Observation ToObservation(PackedNames names, string? commentary) => new(
        names.PeriodAt(Period),
        names.NameAt(Agency),
        names.NameAt(Indicator),
        names.NameAt(Locality),
        Numerator,
        HasDenominator ? Denominator : null,
        Value,
        (IndicatorUnit)Unit,
        commentary,
        names.NameAt(Source));
}
