namespace SafeguardingIngest.Cli.Tests;

/// <summary>The tests that share one Azurite (the fixture lives in SafeguardingIngest.Testing; xunit wants the
/// collection here).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
