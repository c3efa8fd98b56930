using Microsoft.Extensions.Hosting;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Creates missing containers and tables when a host starts, so a fresh emulator or account works at once.
/// </summary>
public sealed class StorageLayoutInitializer(StorageLayout layout) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => layout.EnsureCreatedAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
