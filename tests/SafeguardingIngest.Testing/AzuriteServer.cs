using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SafeguardingIngest.Testing;

/// <summary>
/// An Azurite emulator for one test run: started from the repository's node_modules on free
/// loopback ports with in-memory data, and stopped (process tree and all) when disposed.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key.</summary>
    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process? _process;
    private readonly string? _folder;

    private AzuriteServer(string connectionString, Process? process, string? folder)
    {
        ConnectionString = connectionString;
        _process = process;
        _folder = folder;
    }

    /// <summary>The connection string for the emulator's blob, queue and table endpoints.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts Azurite, or uses the one named by SGI_TEST_STORAGE.</summary>
    public static async Task<AzuriteServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable("SGI_TEST_STORAGE") is { Length: > 0 } given)
        {
            return new AzuriteServer(given, null, null);
        }

        var root = RepositoryRoot();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed: run 'npm ci' in {root} (scripts/test.sh does it).");
        }

        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        // Data stays in memory; the folder holds only Azurite's debug log, kept until the server stops.
        var folder = Directory.CreateTempSubdirectory("sgi-azurite-").FullName;
        var start = new ProcessStartInfo(azurite)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--silent",
            "--skipApiVersionCheck",
            "--loose",
            "--inMemoryPersistence",
            "--debug",
            Path.Combine(folder, "debug.log"),
            "--blobHost", "127.0.0.1", "--blobPort", Port(blob), "--queueHost", "127.0.0.1", "--queuePort", Port(queue),
            "--tableHost", "127.0.0.1", "--tablePort", Port(table),
        })
        {
            start.ArgumentList.Add(argument);
        }

        const int StartSeconds = 120;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AzuriteServer(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{Port(blob)}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{Port(queue)}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{Port(table)}/devstoreaccount1;",
            process,
            folder);
        // Node starts Azurite in a second or two on an idle machine; on a shared one under load it can take far longer.
        var deadline = DateTime.UtcNow.AddSeconds(StartSeconds);
        while (!(await Listening(blob, cancellationToken) && await Listening(table, cancellationToken)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException(
                    $"Azurite did not start listening on 127.0.0.1:{blob} and :{table} within {StartSeconds} seconds.");
            }

            await Task.Delay(100, cancellationToken);
        }

        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The folder holding package.json, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "package.json"))
                && File.Exists(Path.Combine(folder.FullName, "SafeguardingIngest.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No repository root (package.json beside SafeguardingIngest.sln) above {AppContext.BaseDirectory}.");
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> Listening(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
