namespace SafeguardingIngest.Catalogue;

/// <summary>A partner agency that owes quarterly returns.</summary>
public sealed record Agency(string Code, string Name)
{
    /// <summary>
    /// Who sends the agency's returns (an email address, or a name), where the partnership file gives one.
    /// </summary>
    public string? Contact { get; init; }

    /// <summary>The quarters in which it owes returns.</summary>
    public InForce Dates { get; init; } = InForce.Always;
}
