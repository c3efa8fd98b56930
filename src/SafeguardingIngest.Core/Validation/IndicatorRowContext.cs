using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Validation;

/// <summary>What the Indicators table is checked against: the catalogue, the return's agency and period.</summary>
internal sealed record IndicatorRowContext(
    Partnership Partnership,
    Agency? Agency,
    ReportingPeriod? Period,
    bool DecimalComma,
    IObservationSink Sink,
    IPreviousValues? Previous);
