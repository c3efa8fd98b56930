using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Tests.Compilation;

/// <summary>Observations as a compile reads them, for the tests of the ways it holds them.</summary>
internal static class ReadObservations
{
    public static readonly ReportingPeriod Q1 = new(2025, 1);
    public static readonly ReportingPeriod Q2 = new(2025, 2);

    // Two quarters read in turn, out of order, with names that sort differently by culture and by ordinal ("b" < "B"
    // by culture, "B" < "b" by ordinal), rows alike in quarter, indicator, agency and locality, a denominator of
    // nothing beside one of zero, and commentary null, empty and written.
    public static readonly Observation[][] Quarters =
    [
        [
            new(Q2, "b", "NI 65", "L1", 3, null, 3, IndicatorUnit.Count, null, "Indicators!G4"),
            new(Q2, "B", "NI 65", "L1", 4, 0, 0, IndicatorUnit.Percentage, "", "Indicators!G4"),
            new(Q2, "A", "ch01", "L2", 5, 10_000, 5, IndicatorUnit.RatePer10000, "Late", "Indicators!G9"),
            new(Q2, "A", "ch01", "L2", 6, 10_000, 6, IndicatorUnit.RatePer10000, null, "Indicators!G10"),
        ],
        [
            new(Q1, "A", "CH01", "L1", 7, 20, 35, IndicatorUnit.Percentage, null, "Indicators!G2"),
            new(Q1, "A", "CH01", "ALL", 8.5, 2, 4.25, IndicatorUnit.Average, "Two cases", "Indicators!G3"),
        ],
    ];
}
