namespace SafeguardingIngest.Catalogue;

/// <summary>The value an indicator started from, with the year it describes ("2009" or "2009-10").</summary>
public sealed record Baseline(string Year, double Value);
