using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Storage;

namespace SafeguardingIngest.Cli;

/// <summary>
/// The storage-backed services for a command: the same AddSafeguardingIngest registration the
/// Functions app makes, configured from the environment (AzureWebJobsStorage, Storage__*, Limits__*)
/// and the command's --connection and --storage-prefix options.
/// </summary>
internal sealed class StorageHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StorageHost(ServiceProvider services) => _services = services;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// Connects, creates what is missing, and makes sure reference data is published: the file given
    /// with --reference is uploaded; otherwise the default sample is uploaded only where none is there yet.
    /// </summary>
    public static async Task<(StorageHost Host, Partnership Partnership)> StartAsync(
        ParseResult result, StorageCommandOptions options, CliConsole console, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? extraSettings = null, bool alwaysPublish = false)
    {
        var (connection, prefix, reference) = (options.Connection, options.Prefix, options.Reference);
        var settings = new Dictionary<string, string?>(extraSettings ?? new Dictionary<string, string?>());
        if (result.GetValue(connection) is { } given)
        {
            settings[StorageOptions.ConnectionSetting] = given;
        }

        if (result.GetValue(options.Account) is { } accountName)
        {
            settings[$"{StorageOptions.ConnectionSetting}:accountName"] = accountName;
        }

        if (result.GetValue(prefix) is { } namePrefix)
        {
            settings[$"{StorageOptions.SectionName}:NamePrefix"] = namePrefix;
        }

        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddSafeguardingIngest(configuration)
            .AddSingleton<UploadWatcher>()
            .BuildServiceProvider();
        var host = new StorageHost(services);
        try
        {
            // Every option is checked here as a host checks them at start-up, so a bad setting fails before any work.
            SettingsCheck.Run(services);
            await host.Get<StorageLayout>().EnsureCreatedAsync(cancellationToken);
            var source = host.Get<IPartnershipSource>();
            if (result.GetValue(reference) is { } file || alwaysPublish)
            {
                var path = CommonOptions.ResolveReferencePath(result.GetValue(reference));
                var force = result.GetValue(options.ForceReference);
                await RefuseChangeToReleasedQuartersAsync(host, source, path, force, console, cancellationToken);
                await PublishAsync(source, path, console, cancellationToken);
            }

            try
            {
                return (host, await source.GetAsync(cancellationToken));
            }
            catch (InvalidOperationException) when (result.GetValue(reference) is null)
            {
                await PublishAsync(source, CommonOptions.ResolveReferencePath(null), console, cancellationToken);
                return (host, await source.GetAsync(cancellationToken));
            }
        }
        catch (UsageException)
        {
            await host.DisposeAsync();
            throw;
        }
        catch (Exception e) when (StorageFailure.Describe(e) is { } message)
        {
            await host.DisposeAsync();
            throw new UsageException(message);
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>
    /// Refuses a reference file that would change a quarter already released (an indicator's dates moved
    /// into the past, a target of a released year) unless forced; a release records what was published.
    /// </summary>
    private static async Task RefuseChangeToReleasedQuartersAsync(
        StorageHost host,
        IPartnershipSource source,
        string path,
        bool force,
        CliConsole console,
        CancellationToken cancellationToken)
    {
        Partnership published;
        try
        {
            published = await source.GetAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return;
        }

        if (!File.Exists(path))
        {
            return;
        }

        Partnership proposed;
        try
        {
            proposed = PartnershipReader.ReadFile(path);
        }
        catch (ReferenceDataException e)
        {
            throw new UsageException($"{Path.GetFileName(path)}: {e.Message}");
        }

        if (proposed.Digest == published.Digest)
        {
            return;
        }

        var released = (await host.Get<Releases.IReleaseStore>().ListAsync(null, cancellationToken))
            .Select(r => Periods.ReportingPeriod.TryParse(r.Period, out var q) ? q : (Periods.ReportingPeriod?)null)
            .OfType<Periods.ReportingPeriod>();
        var changes = ReleasedQuarters.Changes(published, proposed, released);
        if (changes.Count == 0)
        {
            return;
        }

        var list = string.Join(Environment.NewLine, changes.Select(c => "  " + c));
        if (!force)
        {
            throw new UsageException(
                $"{Path.GetFileName(path)} would change {changes.Count} things in quarters already released:" +
                $"{Environment.NewLine}{list}" +
                $"{Environment.NewLine}Publish it anyway with --force-reference, then compile those quarters again.");
        }

        await console.Error.WriteLineAsync(
            "Publishing although it changes quarters already released (--force-reference):" +
            Environment.NewLine + list);
    }

    private static async Task PublishAsync(
        IPartnershipSource source,
        string path,
        CliConsole console,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"Reference data not found: {path}. Give one with --reference FILE.");
        }

        await using var stream = File.OpenRead(path);
        try
        {
            await source.PublishAsync(stream, cancellationToken);
        }
        catch (ReferenceDataException e)
        {
            throw new UsageException($"{Path.GetFileName(path)}: {e.Message}");
        }

        await console.Error.WriteLineAsync($"Published reference data from {path} to config/partnership.json.");
    }
}
