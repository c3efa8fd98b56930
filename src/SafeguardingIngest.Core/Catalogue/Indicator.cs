using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Catalogue;

/// <summary>One indicator of the partnership's catalogue, with who owes it and its targets.</summary>
public sealed record Indicator
{
    /// <summary>National ("NI 65") or local ("CH01") code.</summary>
    public required string Code { get; init; }

    /// <summary>The indicator's title as the board knows it.</summary>
    public required string Title { get; init; }

    /// <summary>How the value is stored and worked out.</summary>
    public required IndicatorUnit Unit { get; init; }

    /// <summary>Which way is better.</summary>
    public required Polarity Polarity { get; init; }

    /// <summary>Codes of the agencies that must return it.</summary>
    public required IReadOnlyList<string> Agencies { get; init; }

    /// <summary>True where the indicator is returned per locality rather than for the whole area.</summary>
    public bool ByLocality { get; init; }

    /// <summary>
    /// Whether its year figure is the sum over the year (flow) or the position at the quarter in hand (stock).
    /// </summary>
    public required MeasureKind Kind { get; init; }

    /// <summary>The starting point, where one is known.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Targets by financial year.</summary>
    public IReadOnlyDictionary<FinancialYear, double> Targets { get; init; } = new Dictionary<FinancialYear, double>();

    /// <summary>Percent of target within which a miss is Amber rather than Red; null means none.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Lowest plausible value; below it a return gets a warning.</summary>
    public double? Min { get; init; }

    /// <summary>Highest plausible value; above it a return gets a warning.</summary>
    public double? Max { get; init; }

    /// <summary>Largest plausible change from the previous quarter, in percent; beyond it a warning.</summary>
    public double? MaxQuarterlyChange { get; init; }

    /// <summary>The quarters in which it is collected.</summary>
    public InForce Dates { get; init; } = InForce.Always;

    /// <summary>The first financial year whose figures do not compare with the year before.</summary>
    public FinancialYear? SeriesBreak { get; init; }

    /// <summary>What changed at the series break, in words the board reads.</summary>
    public string? SeriesBreakNote { get; init; }

    /// <summary>How its counts are tied to other indicators' (none by default).</summary>
    public IndicatorLinks Links { get; init; } = IndicatorLinks.None;

    /// <summary>
    /// True where the annual target is reached a quarter at a time, so the target to date is the annual
    /// target × quarters elapsed / 4: a flow that adds up (a count, or a rate over a fixed population).
    /// A flow's percentage or average, and every stock, is held to the annual target as it is.
    /// </summary>
    public bool TargetIsProRata =>
        Kind == MeasureKind.Flow && Unit is IndicatorUnit.Count or IndicatorUnit.RatePer10000;

    /// <summary>True when <paramref name="agencyCode"/> must return this indicator.</summary>
    public bool IsOwedBy(string agencyCode)
    {
        // Asked for every row of every return: an indexed loop allocates neither a closure nor an enumerator.
        for (var i = 0; i < Agencies.Count; i++)
        {
            if (string.Equals(Agencies[i], agencyCode, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when figures of <paramref name="earlier"/> and <paramref name="later"/> may be compared: no
    /// series break falls after the first and at or before the second.
    /// </summary>
    public bool Compares(ReportingPeriod earlier, ReportingPeriod later) =>
        SeriesBreak is not { } start || (earlier.Year >= start) == (later.Year >= start);

    /// <summary>Why a comparison across the break is not made ("not comparable: definition changed in …").</summary>
    public string? NotComparableReason(ReportingPeriod earlier, ReportingPeriod later) =>
        Compares(earlier, later) ? null : $"not comparable: definition changed in {SeriesBreak}";

    /// <summary>The target for <paramref name="year"/>, if one is set.</summary>
    public double? TargetFor(FinancialYear year) => Targets.TryGetValue(year, out var target) ? target : null;
}
