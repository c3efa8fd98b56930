namespace SafeguardingIngest.Catalogue;

/// <summary>A locality (district) that indicators can be broken down by.</summary>
public sealed record Locality(string Code, string Name)
{
    /// <summary>The code that stands for the whole partnership area.</summary>
    public const string WholeAreaCode = "ALL";
}
