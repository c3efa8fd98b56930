using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SafeguardingIngest.Storage.Tests;

/// <summary>The registration `sgi` makes as it stands, without what the Functions app adds before it.</summary>
public sealed class ServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSafeguardingIngest_NoCredentialRegistered_SignsInWithTheDefaultChain()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?> { ["AzureWebJobsStorage:accountName"] = "boardstore" })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddSafeguardingIngest(configuration)
            .BuildServiceProvider();

        Assert.IsType<DefaultAzureCredential>(services.GetRequiredService<TokenCredential>());
    }
}
