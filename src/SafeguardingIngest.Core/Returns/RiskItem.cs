namespace SafeguardingIngest.Returns;

/// <summary>
/// A risk from a return's Risks sheet, scored impact (1 low … 5 catastrophic) × likelihood (1 remote … 5 very likely).
/// </summary>
public sealed record RiskItem(
    string Reference,
    string? Description,
    int Impact,
    int Likelihood,
    string? Mitigation,
    string? Owner,
    string? Due,
    string Source)
{
    /// <summary>Impact × likelihood, 1 to 25.</summary>
    public int Score => Impact * Likelihood;
}
