using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Notifications;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Releases;

namespace SafeguardingIngest.Storage;

/// <summary>
/// The one registration both hosts make: options, storage clients, adapters and application services.
/// </summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the pipeline. Storage comes from the AzureWebJobsStorage setting (default Azurite);
    /// sections Storage, Limits and Ingest tune it, and are validated when the host starts.
    /// </summary>
    public static IServiceCollection AddSafeguardingIngest(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<BlobClientOptions, TableClientOptions>? configureClients = null)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(o =>
            {
                var connection = configuration.GetSection(StorageOptions.ConnectionSetting);
                o.ConnectionString = connection.Value ?? o.ConnectionString;
                o.AccountName = connection["accountName"] ?? o.AccountName;
                o.ClientId = connection["clientId"] ?? o.ClientId;
            })
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddOptions<ReaderLimits>()
            .Bind(configuration.GetSection(ReaderLimits.SectionName))
            .Validate(
                l => l.MaxFileBytes > 0 && l.MaxDecompressedBytes > 0 && l.MaxRows > 0 && l.MaxColumns > 0 &&
                    l.MaxCellLength > 0 && l.MaxFindings > 0,
                "Every Limits setting must be above 0.")
            .ValidateOnStart();
        services.AddOptions<PublicationOptions>()
            .Bind(configuration.GetSection(PublicationOptions.SectionName))
            .Validate(
                p => p.SmallCountThreshold is >= 1 and <= 100 && !string.IsNullOrEmpty(p.Symbol),
                "Publication:SmallCountThreshold must be 1 to 100 (1 turns suppression off) and Publication:Symbol " +
                "must not be empty.")
            .Validate(
                p => p.AuditSecondsPerIndicator is > 0 and <= 600,
                "Publication:AuditSecondsPerIndicator must be more than 0 and at most 600.")
            .ValidateOnStart();
        services.AddOptions<IngestOptions>()
            .Bind(configuration.GetSection(IngestOptions.SectionName))
            .Validate(o => o.SwitchAttempts is >= 1 and <= 100, "Ingest:SwitchAttempts must be 1 to 100.")
            .Validate(o => o.ParallelWrites is >= 1 and <= 32, "Ingest:ParallelWrites must be 1 to 32.")
            .Validate(
                o => o.StaleUploadMinutes is >= 1 and <= 1440,
                "Ingest:StaleUploadMinutes must be 1 to 1440 (a day).")
            .Validate(
                o => o.OrphanMinutes is >= IngestOptions.MinOrphanMinutes and <= 10_080,
                $"Ingest:OrphanMinutes must be {IngestOptions.MinOrphanMinutes} to 10080 (a week): more than the " +
                "function "
                + $"timeout ({IngestOptions.FunctionTimeoutMinutes} minutes, host.json) plus a "
                + $"{IngestOptions.SweepMarginMinutes}-minute margin, so a run still inside its time is never swept.")
            .ValidateOnStart();

        // A Compile:Time that is not an instant fails at start-up, the binder's message naming the setting.
        services.AddOptions<CompileOptions>()
            .Bind(configuration.GetSection(CompileOptions.SectionName))
            .ValidateOnStart();

        services.AddOptions<NotifyOptions>()
            .Bind(configuration.GetSection(NotifyOptions.SectionName))
            .Validate(
                o => o.WebhookUrl is not { Length: > 0 } url ||
                    (Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
                        (uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback)),
                "Notify:WebhookUrl must be an absolute https URL (http only to this machine).")
            .Validate(o => o.TimeoutSeconds is >= 1 and <= 120, "Notify:TimeoutSeconds must be 1 to 120.")
            .ValidateOnStart();

        var (blobOptions, tableOptions) = ClientOptions(configureClients);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenCredential>(sp => DefaultChain(sp.GetRequiredService<StorageOptions>()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value);
        services.AddSingleton(sp => new StorageNames(sp.GetRequiredService<StorageOptions>().NamePrefix));
        services.AddSingleton(sp => sp.GetRequiredService<StorageOptions>() is { AccountName: { Length: > 0 } account }
            ? new BlobServiceClient(
                new Uri($"https://{account}.blob.core.windows.net"),
                sp.GetRequiredService<TokenCredential>(),
                blobOptions)
            : new BlobServiceClient(sp.GetRequiredService<StorageOptions>().ConnectionString, blobOptions));
        services.AddSingleton(sp => sp.GetRequiredService<StorageOptions>() is { AccountName: { Length: > 0 } account }
            ? new TableServiceClient(
                new Uri($"https://{account}.table.core.windows.net"),
                sp.GetRequiredService<TokenCredential>(),
                tableOptions)
            : new TableServiceClient(sp.GetRequiredService<StorageOptions>().ConnectionString, tableOptions));
        services.AddSingleton(sp => sp.GetRequiredService<StorageOptions>() is { AccountName: { Length: > 0 } account }
            ? new QueueServiceClient(
                new Uri($"https://{account}.queue.core.windows.net"),
                sp.GetRequiredService<TokenCredential>())
            : new QueueServiceClient(sp.GetRequiredService<StorageOptions>().ConnectionString));
        services.AddSingleton<IPoisonUploads, QueuePoisonUploads>();
        services.AddSingleton<ReconcileUploads>();
        services.AddSingleton<StorageLayout>();
        services.AddSingleton<IReturnFiles, BlobReturnFiles>();
        services.AddSingleton<ISubmissionRecords, TableSubmissionRecords>();
        services.AddSingleton<IRowWriter, TableRowWriter>();
        services.AddSingleton<IRowCleanup, TableRowCleanup>();
        services.AddSingleton<IPeriodReader, TablePeriodReader>();
        services.AddSingleton<IPartnershipSource, BlobPartnershipSource>();
        services.AddSingleton<ICompileWatermarks, TableCompileWatermarks>();
        services.AddSingleton<IReleaseStore, BlobReleaseStore>();
        services.AddSingleton<Access.AgencyAccess>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<NotifyOptions>>().Value);
        AddWebhook(services);
        services.AddSingleton<LoadCleanup>();
        services.AddSingleton<LoadProtocol>();
        services.AddSingleton<IngestReturn>();
        services.AddSingleton<CompileQuarterlyReturn>();
        return services;
    }

    /// <summary>
    /// The webhook's client, through the standard resilience handler: Notify:TimeoutSeconds bounds the whole
    /// delivery, retries included; each try has half of it, and two retries follow a transient failure (a 5xx, a
    /// 408 or 429, a refused connection, a try that timed out) after a short, growing, jittered pause.
    /// </summary>
    private static void AddWebhook(IServiceCollection services)
    {
        services.AddHttpClient(WebhookNotifier.ClientName, (sp, http) =>
            {
                // The handler's total timeout is what cuts a slow webhook off; this only stops the client's own
                // 100-second default from cutting in first when Notify:TimeoutSeconds is set longer.
                var total = TimeSpan.FromSeconds(sp.GetRequiredService<NotifyOptions>().TimeoutSeconds);
                http.Timeout = total + TimeSpan.FromSeconds(5);
            })
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) => WebhookResilience(resilience, WebhookTimeout(sp)));
        services.AddSingleton<INotifier>(sp => sp.GetRequiredService<NotifyOptions>().WebhookUrl is { Length: > 0 }
            ? ActivatorUtilities.CreateInstance<WebhookNotifier>(sp)
            : new NoNotifier());
    }

    // The handler's options are checked at start-up too, and read Notify:TimeoutSeconds: while that section is
    // bad, NotifyOptions' own check reports it (once), and the handler is checked with the default meanwhile.
    private static TimeSpan WebhookTimeout(IServiceProvider sp)
    {
        try
        {
            return TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<NotifyOptions>>().Value.TimeoutSeconds);
        }
        catch (OptionsValidationException)
        {
            return TimeSpan.FromSeconds(new NotifyOptions().TimeoutSeconds);
        }
    }

    private static void WebhookResilience(HttpStandardResilienceOptions resilience, TimeSpan total)
    {
        resilience.TotalRequestTimeout.Timeout = total;
        resilience.AttemptTimeout.Timeout = total / 2;
        resilience.Retry.MaxRetryAttempts = 2;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;

        // A tenth of the wait, then a fifth: the pauses (three tenths) leave most of it for the tries.
        resilience.Retry.Delay = total / 10;

        // The handler asks that the breaker sample at least two tries' worth of time.
        resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, total.TotalSeconds));
    }

    // In Azure there is no storage key: the Functions app registers its managed identity as the credential
    // before this runs; `sgi` keeps this default chain, and signs in as whoever the Azure CLI (or the
    // environment, or a managed identity where it runs in Azure) has signed in.
    private static DefaultAzureCredential DefaultChain(StorageOptions options) =>
        new(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrEmpty(options.ClientId) ? null : options.ClientId,
        });

    private static (BlobClientOptions Blob, TableClientOptions Table) ClientOptions(
        Action<BlobClientOptions, TableClientOptions>? configure)
    {
        var blob = new BlobClientOptions();
        var table = new TableClientOptions();
        foreach (var retry in new RetryOptions[] { blob.Retry, table.Retry })
        {
            // Storage throttles and blips are retried here first; what is left goes to the host's retry.
            retry.Mode = RetryMode.Exponential;
            retry.MaxRetries = 4;
            retry.Delay = TimeSpan.FromMilliseconds(200);
            retry.MaxDelay = TimeSpan.FromSeconds(5);
        }

        configure?.Invoke(blob, table);
        return (blob, table);
    }
}
