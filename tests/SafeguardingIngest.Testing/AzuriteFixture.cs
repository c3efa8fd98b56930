using Xunit;

namespace SafeguardingIngest.Testing;

/// <summary>
/// One Azurite for a whole test assembly (shared through an xunit collection); each test isolates
/// itself with a name prefix of its own.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    /// <summary>The emulator's connection string.</summary>
    public string ConnectionString => _server!.ConnectionString;

    /// <summary>A fresh container and table name prefix.</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    /// <inheritdoc />
    public async Task InitializeAsync() => _server = await AzuriteServer.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
