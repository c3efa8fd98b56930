namespace SafeguardingIngest.Catalogue;

/// <summary>A partner agency that owes quarterly returns.</summary>
public sealed record Agency(string Code, string Name);
