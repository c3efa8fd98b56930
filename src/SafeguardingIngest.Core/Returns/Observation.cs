using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Returns;

/// <summary>
/// One normalized figure of an accepted return. <see cref="Numerator"/> and <see cref="Denominator"/>
/// are what aggregates add up (a count's numerator is the count; a rate's denominator is the
/// population used); <see cref="Value"/> is worked out from them. <see cref="Source"/> is the
/// cell it came from, such as "Indicators!G14".
/// </summary>
public sealed record Observation(
    ReportingPeriod Period,
    string Agency,
    string Indicator,
    string Locality,
    double Numerator,
    double? Denominator,
    double Value,
    IndicatorUnit Unit,
    string? Commentary,
    string Source);
