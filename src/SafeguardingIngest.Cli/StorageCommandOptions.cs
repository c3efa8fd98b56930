using System.CommandLine;
using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Cli;

/// <summary>The options every storage command takes: where storage is, and which reference data to publish.</summary>
internal sealed class StorageCommandOptions
{
    public Option<FileInfo?> Reference { get; } = CommonOptions.Reference();

    public Option<bool> ForceReference { get; } = new("--force-reference")
    {
        Description = "Publish --reference even where it changes a quarter already released (listing what changes).",
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "Storage connection string; default the AzureWebJobsStorage environment variable, else " +
            "UseDevelopmentStorage=true (Azurite).",
        HelpName = "STRING",
    };

    public Option<string?> Account { get; } = new("--account")
    {
        Description = "Storage account name in Azure, signed in to as the Azure CLI's (or environment's) identity " +
            "instead of a connection string.",
        HelpName = "NAME",
    };

    public Option<string?> Prefix { get; } = new("--storage-prefix")
    {
        Description = "Prefix of container and table names, where several partnerships share one account (lower-case " +
            "letters and digits).",
        HelpName = "PREFIX",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public Command AddTo(Command command)
    {
        command.Options.Add(Reference);
        command.Options.Add(ForceReference);
        command.Options.Add(Connection);
        command.Options.Add(Account);
        command.Options.Add(Prefix);
        return command;
    }

    /// <summary>Connects to storage as the options say; see <see cref="StorageHost.StartAsync"/>.</summary>
    public Task<(StorageHost Host, Partnership Partnership)> StartAsync(
        ParseResult result, CliConsole console, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? extraSettings = null, bool alwaysPublish = false) =>
        StorageHost.StartAsync(result, this, console, cancellationToken, extraSettings, alwaysPublish);
}
