using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Catalogue;

/// <summary>Mid-year estimate of under-18s in a locality for a financial year: the denominator of rates.</summary>
public sealed record Population(string Locality, FinancialYear Year, long Under18);
