using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Catalogue;

/// <summary>
/// A published figure to set an indicator beside: its value, source, the year it is for, whose it is.
/// </summary>
public sealed record ComparatorValue(double Value, string Source, FinancialYear Year, string? Name = null);

/// <summary>The quartiles of all areas' figures for an indicator, from which LAIT's A–D bands are read.</summary>
public sealed record Quartiles(double Lower, double Median, double Upper, string Source, FinancialYear Year);

/// <summary>
/// What an indicator's figures for one financial year are set beside: England, the region, the statistical
/// neighbours' average and the quartiles of all areas. Any of them may be absent.
/// </summary>
public sealed record Comparators(
    string Indicator,
    FinancialYear Year,
    ComparatorValue? England,
    ComparatorValue? Region,
    ComparatorValue? StatisticalNeighbours,
    Quartiles? Quartiles);
