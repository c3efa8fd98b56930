namespace SafeguardingIngest.Catalogue;

/// <summary>A locality (district) that indicators can be broken down by.</summary>
public sealed record Locality(string Code, string Name)
{
    /// <summary>The code that stands for the whole partnership area.</summary>
    public const string WholeAreaCode = "ALL";

    /// <summary>The quarters in which it exists (a boundary change ends one locality and starts another).</summary>
    public InForce Dates { get; init; } = InForce.Always;
}
