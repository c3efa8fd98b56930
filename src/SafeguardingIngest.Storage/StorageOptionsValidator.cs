using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Checks where storage is before anything connects: a connection string the SDK cannot parse, an
/// account name Azure would never issue, or a client id that is not a GUID is refused with the
/// setting's name, rather than surfacing later as a FormatException from inside a client.
/// </summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var problems = new List<string>();
        if (options.NamePrefix.Length > 12
            || !options.NamePrefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
        {
            problems.Add(
                "Storage:NamePrefix (sgi's --storage-prefix) must be at most 12 lower-case letters or digits.");
        }

        if (options.ReferenceRefreshSeconds < 0
            || options.ParallelBatches is < 1 or > 32
            || options.ParallelQueries is < 1 or > 32)
        {
            problems.Add(
                "Storage:ReferenceRefreshSeconds must be 0 or more, and Storage:ParallelBatches and "
                + "Storage:ParallelQueries 1 to 32.");
        }

        if (options.AccountName is { Length: > 0 } account)
        {
            // Azure's rule for account names; anything else would only fail later as an unreachable host.
            if (account.Length is < 3 or > 24
                || !account.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
            {
                problems.Add("AzureWebJobsStorage:accountName (sgi's --account) must be a storage account name: "
                    + "3 to 24 lower-case letters and digits.");
            }

            if (options.ClientId is { Length: > 0 } clientId && !Guid.TryParse(clientId, out _))
            {
                problems.Add("AzureWebJobsStorage:clientId must be a managed identity's client id (a GUID).");
            }
        }
        else if (ConnectionProblem(options.ConnectionString) is { } problem)
        {
            problems.Add(problem);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>
    /// Why <paramref name="connection"/> cannot reach a storage account, or null when it can be parsed.
    /// </summary>
    private static string? ConnectionProblem(string connection)
    {
        const string Setting = "AzureWebJobsStorage (sgi's --connection)";
        if (string.IsNullOrWhiteSpace(connection))
        {
            return $"{Setting} must name a storage account.";
        }

        try
        {
            // Both clients parse the string without a request; each is as strict as the service it reaches.
            _ = new BlobServiceClient(connection);
            _ = new TableServiceClient(connection);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's reason names a missing or malformed part, never the key itself.
            return $"{Setting} is not a storage connection string ({FirstLine(e.Message)}): give "
                + "UseDevelopmentStorage=true, or DefaultEndpointsProtocol, AccountName and AccountKey.";
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Split(" (Parameter")[0].Trim().TrimEnd('.');
}
