using System.Reflection;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Notifications;
using SafeguardingIngest.Storage;

namespace SafeguardingIngest.Functions.Tests;

/// <summary>The Functions app's service container, composed as Program.cs composes it.</summary>
public class HostCompositionTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSafeguardingIngestFunctions();
        return builder.Build();
    }

    private static Dictionary<string, string?> Sample() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["CompileSchedule"] = "0 0 6 * * *",
        ["SweepSchedule"] = "0 30 * * * *",
        ["ReconcileSchedule"] = "0 */10 * * * *",

        // The Functions host hands the worker its address; nothing connects to it in these tests.
        ["Functions:Worker:HostEndpoint"] = "http://127.0.0.1:7071",
    };

    private static IEnumerable<Type> FunctionClasses() =>
        typeof(HostComposition).Assembly.GetTypes().Where(
            t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null));

    public static TheoryData<Type> Functions() => [.. FunctionClasses()];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Build_EveryFunction_ResolvesFromTheHostsContainer(Type function)
    {
        using var host = Build(Sample());

        var instance = ActivatorUtilities.CreateInstance(host.Services, function);

        Assert.IsType(function, instance);
    }

    [Fact]
    public void Functions_TheAppDeclares_AreTheIngestCompileSweepAndReconcile()
    {
        var names = FunctionClasses()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order();

        Assert.Equal(["CompileQuarterlyReturn", "IngestReturn", "ReconcileUploads", "SweepOrphanRows"], names);
    }

    [Fact]
    public void Build_SettingsOfTheSample_AreValidAndReachTheServices()
    {
        var settings = Sample();
        settings["Ingest:OrphanMinutes"] = "90";
        settings["Storage:NamePrefix"] = "board";
        using var host = Build(settings);

        Assert.Equal(90, host.Services.GetRequiredService<IOptions<IngestOptions>>().Value.OrphanMinutes);
        Assert.Equal("boardreturns", host.Services.GetRequiredService<StorageNames>().Returns);
        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is StorageLayoutInitializer);
    }

    [Fact]
    public void Build_WebhookSet_ResolvesTheWebhookNotifierAndItsClient()
    {
        var settings = Sample();
        settings["Notify:WebhookUrl"] = "https://hooks.example/board";
        using var host = Build(settings);

        Assert.IsType<WebhookNotifier>(host.Services.GetRequiredService<INotifier>());
        using var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(
            WebhookNotifier.ClientName);
        Assert.NotNull(client);
    }

    [Fact]
    public void Build_StorageByAccountName_SignsInAsTheManagedIdentity()
    {
        var settings = Sample();
        settings.Remove("AzureWebJobsStorage");
        settings["AzureWebJobsStorage:accountName"] = "boardstore";
        settings["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001";
        using var host = Build(settings);

        Assert.IsType<ManagedIdentityCredential>(host.Services.GetRequiredService<TokenCredential>());
        Assert.Equal(
            new Uri("https://boardstore.blob.core.windows.net/"),
            host.Services.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Fact]
    public void Build_NoWebhook_ResolvesNoNotifier()
    {
        using var host = Build(Sample());

        Assert.IsType<NoNotifier>(host.Services.GetRequiredService<INotifier>());
    }

    [Fact]
    public void Build_BadSetting_FailsAtStartWithTheSettingsName()
    {
        var settings = Sample();
        settings["Ingest:OrphanMinutes"] = "0";
        using var host = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(
            () => host.Services.GetRequiredService<IOptions<IngestOptions>>().Value);

        Assert.Contains("Ingest:OrphanMinutes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("601")]
    public void Build_AuditSecondsPerIndicatorOutOfRange_FailsAtStartWithTheSettingsName(string seconds)
    {
        var settings = Sample();
        settings["Publication:AuditSecondsPerIndicator"] = seconds;
        using var host = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(
            () => host.Services.GetRequiredService<IOptions<PublicationOptions>>().Value);

        Assert.Contains("Publication:AuditSecondsPerIndicator", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        "AzureWebJobsStorage",
        "DefaultEndpointsProtocol=https;AccountNam=board;AccountKey=a2V5",
        "AzureWebJobsStorage")]
    [InlineData("AzureWebJobsStorage:accountName", "Board_Storage", "AzureWebJobsStorage:accountName")]
    [InlineData("Storage:NamePrefix", "board-a", "Storage:NamePrefix")]
    [InlineData("Notify:WebhookUrl", "ftp://hooks.example/board", "Notify:WebhookUrl")]
    [InlineData("Notify:TimeoutSeconds", "0", "Notify:TimeoutSeconds")]
    [InlineData("Notify:TimeoutSeconds", "121", "Notify:TimeoutSeconds")]
    public async Task Start_MalformedStorageSetting_FailsWithTheSettingsName(string key, string value, string named)
    {
        var settings = Sample();
        settings[key] = value;
        using var host = Build(settings);

        // The host's own start-up check (ValidateOnStart) runs before any hosted service.
        var error = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionTimeout_InHostJson_IsTheOneTheSweepAllowsFor()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));

        var timeout = TimeSpan.Parse(
            host.RootElement.GetProperty("functionTimeout").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TimeSpan.FromMinutes(IngestOptions.FunctionTimeoutMinutes), timeout);
    }

    [Theory]
    [InlineData("15")] // the 10-minute function timeout plus the 5-minute margin: a live run may be that old
    [InlineData("1")]
    public void Build_OrphanMinutesWithinTheFunctionTimeoutAndMargin_FailsAtStart(string minutes)
    {
        var settings = Sample();
        settings["Ingest:OrphanMinutes"] = minutes;
        using var host = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(
            () => host.Services.GetRequiredService<IOptions<IngestOptions>>().Value);

        Assert.StartsWith("Ingest:OrphanMinutes must be 16 to 10080", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IngestReturn_TriggerPath_TakesEveryBlobInTheReturnsContainer()
    {
        var method = typeof(IngestReturnFunction).GetMethod(nameof(IngestReturnFunction.RunAsync))!;
        var trigger = method.GetParameters()
            .Select(p => p.GetCustomAttribute<BlobTriggerAttribute>())
            .OfType<BlobTriggerAttribute>()
            .Single();

        // {name} is the whole blob name, folders and all: returns/POL/return.xlsx is seen, and the service
        // (not the trigger's pattern) decides it is a folder too shallow.
        Assert.Equal("returns/{name}", trigger.BlobPath);
        Assert.Equal(BlobTriggerSource.EventGrid, trigger.Source);
    }
}
