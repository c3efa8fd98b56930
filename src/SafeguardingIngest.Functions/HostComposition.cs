using Azure.Core;
using Azure.Identity;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SafeguardingIngest.Storage;

namespace SafeguardingIngest.Functions;

/// <summary>
/// Everything Program.cs registers, in one place, so a test can compose the host's service container
/// exactly as the Functions app does and resolve each function's dependencies.
/// </summary>
public static class HostComposition
{
    /// <summary>
    /// Registers telemetry, logging rules, the pipeline shared with `sgi`, and the start-up storage check.
    /// </summary>
    public static IHostApplicationBuilder AddSafeguardingIngestFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Logs go to Application Insights from the worker itself, so each line keeps its message
        // template's properties (SubmissionId, Agency, Period, Outcome, ElapsedMs) as custom dimensions.
        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();

        // The Application Insights provider keeps only warnings by default; the outcome of every upload is
        // logged at Information and must reach it.
        builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
        {
            var warningsOnly = options.Rules.FirstOrDefault(r =>
                r.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
            if (warningsOnly is not null)
            {
                options.Rules.Remove(warningsOnly);
            }
        });

        // In Azure the app signs in to storage as its managed identity, and only so: the default chain's other
        // sources (environment, developer tools) have no place there. `sgi` keeps the default chain.
        builder.Services.AddSingleton<TokenCredential>(sp => ManagedIdentity(sp.GetRequiredService<StorageOptions>()));

        // The same registration as `sgi`: one pipeline, two hosts.
        builder.Services.AddSafeguardingIngest(builder.Configuration);
        builder.Services.AddHostedService<StorageLayoutInitializer>();
        return builder;
    }

    // AzureWebJobsStorage:clientId names a user-assigned identity; without it, the app's system-assigned one.
    private static ManagedIdentityCredential ManagedIdentity(StorageOptions options) =>
        new(string.IsNullOrEmpty(options.ClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
}
