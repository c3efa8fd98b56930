namespace SafeguardingIngest.Cli.Tests;

/// <summary>One Azurite for the storage commands' tests; each test uses a name prefix of its own.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public string ConnectionString => _server!.ConnectionString;

    public static string NewPrefix() => "c" + Guid.NewGuid().ToString("N")[..10];

    public async Task InitializeAsync() => _server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
