namespace SafeguardingIngest.Storage;

/// <summary>Where the pipeline keeps its data (configuration section "Storage", plus AzureWebJobsStorage).</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Storage";

    /// <summary>The setting holding the storage connection, shared with the Functions host.</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";

    /// <summary>Connection string; default "UseDevelopmentStorage=true" (Azurite on 127.0.0.1:10000-10002).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>
    /// The account name for an identity-based connection (AzureWebJobsStorage__accountName, as the
    /// Functions host uses it): when set, the app signs in with its managed identity and no key is used.
    /// </summary>
    public string? AccountName { get; set; }

    /// <summary>
    /// Client id of a user-assigned managed identity (AzureWebJobsStorage__clientId); none for system-assigned.
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>
    /// Prefix for every container and table name, so several partnerships (or test runs) can share an
    /// account: lower-case letters and digits, at most 12. Default none.
    /// </summary>
    public string NamePrefix { get; set; } = string.Empty;

    /// <summary>How often the reference data's ETag is checked for a new version, in seconds. Default 30.</summary>
    public int ReferenceRefreshSeconds { get; set; } = 30;

    /// <summary>Table transactions (of up to 100 rows) in flight at once when writing a return. Default 4.</summary>
    public int ParallelBatches { get; set; } = 4;

    /// <summary>
    /// Key-range queries in flight at once when a compile reads the current submissions (one per agency and
    /// quarter, across the eight quarters it reads). Default 8.
    /// </summary>
    public int ParallelQueries { get; set; } = 8;
}
