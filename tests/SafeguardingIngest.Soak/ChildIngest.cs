using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Storage;
using SafeguardingIngest.Testing;

namespace SafeguardingIngest.Soak;

/// <summary>How one child ingest ended.</summary>
/// <param name="Killed">Killed with SIGKILL (the child's exit status was 128 + 9).</param>
/// <param name="Completed">The run ended by itself with exit 0.</param>
/// <param name="Requests">Storage requests the child began.</param>
/// <param name="LastStep">
/// The last request it began, such as "table POST $batch Observations": where a killed child stopped.
/// </param>
/// <param name="Exit">The child's exit status.</param>
/// <param name="Error">
/// What it printed on stderr, or its last output line, when it neither completed nor was killed.
/// </param>
public sealed record ChildResult(bool Killed, bool Completed, int Requests, string LastStep, int Exit, string Error)
{
    /// <summary>From the child's start to its first storage request: the process's start-up.</summary>
    public TimeSpan StartUp { get; init; }

    /// <summary>From the child's start to its end.</summary>
    public TimeSpan Lasted { get; init; }

    /// <summary>Killed as the host stops a run at its function timeout, rather than at a chosen request.</summary>
    public bool TimedOut { get; init; }
}

/// <summary>
/// An ingest run in a process of its own, as a Functions host runs it: IngestReturn on one blob,
/// built by AddSafeguardingIngest on the soak's storage and prefix, its clock set to the soak's. The
/// child prints a line before each storage request it sends (after the client's own retries, so each
/// line is one request on the wire); the parent may kill it with SIGKILL as a chosen request begins,
/// so it stops there, with that request sent or not, as a host would when its machine goes away.
/// </summary>
public static class ChildIngest
{
    /// <summary>The first argument that makes the soak's program a child ingest.</summary>
    public const string Flag = "--child-ingest";

    /// <summary>Exit status of a run that threw (a storage fault, a refused switch): the host retries it.</summary>
    public const int FailedExit = 3;

    /// <summary>Exit status of a process killed by SIGKILL on Linux (128 + 9).</summary>
    public const int KilledExit = 137;

    /// <summary>The child's side: soak --child-ingest CONNECTION PREFIX NOW BLOB.</summary>
    public static async Task<int> MainAsync(string[] args)
    {
        var (connection, prefix, blob) = (args[1], args[2], args[4]);
        var now = DateTimeOffset.Parse(args[3], CultureInfo.InvariantCulture);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connection,
            ["Storage:NamePrefix"] = prefix,
            ["Storage:ReferenceRefreshSeconds"] = "0",
        }).Build();
        var names = new StorageNames(prefix);
        var trace = new StepTrace(names);
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(new FakeTimeProvider(now))
            .AddSafeguardingIngest(configuration, (blobs, tables) =>
            {
                blobs.AddPolicy(trace, HttpPipelinePosition.PerRetry);
                tables.AddPolicy(trace, HttpPipelinePosition.PerRetry);
            })
            .BuildServiceProvider();
        try
        {
            var outcome = await services.GetRequiredService<IngestReturn>().RunAsync(blob, CancellationToken.None);
            Console.WriteLine($"done {outcome.Result}");
            return 0;
        }
#pragma warning disable CA1031 // A run that throws is a failed run, retried by the parent as the host retries it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Console.WriteLine($"failed {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return FailedExit;
        }
    }

    /// <summary>
    /// Runs one child ingest of <paramref name="blob"/>; with <paramref name="killAt"/>, kills it with
    /// SIGKILL as its request of that number begins (if it gets that far); and kills it whenever
    /// <paramref name="timeout"/> fires, as the Functions host stops a run at its function timeout.
    /// </summary>
    public static async Task<ChildResult> RunAsync(
        string connection,
        string prefix,
        DateTimeOffset now,
        string blob,
        int? killAt,
        CancellationToken timeout,
        CancellationToken cancellationToken)
    {
        var (program, leading) = Command();
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var at = now.ToString("O", CultureInfo.InvariantCulture);
        foreach (var argument in leading.Concat([Flag, connection, prefix, at, blob]))
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        var startUp = TimeSpan.Zero;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var (requests, lastStep, lastLine, killed) = (0, "(before its first request)", string.Empty, false);
        using var hung = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var timedOut = false;
        using var stop = timeout.Register(() =>
        {
            timedOut = true;
            try
            {
                process.Kill(entireProcessTree: false);
            }
            catch (InvalidOperationException)
            {
                // It had ended already.
            }
        });
        try
        {
            while (await process.StandardOutput.ReadLineAsync(hung.Token) is { } line)
            {
                lastLine = line;
                if (!line.StartsWith("> ", StringComparison.Ordinal))
                {
                    continue;
                }

                requests++;
                lastStep = line[2..];
                startUp = requests == 1 ? clock.Elapsed : startUp;
                if (!killed && requests == killAt)
                {
                    // Process.Kill sends SIGKILL on Linux: no handler runs, nothing is flushed or finished.
                    process.Kill(entireProcessTree: false);
                    killed = true;
                }
            }

            await process.WaitForExitAsync(hung.Token);
        }
        catch (OperationCanceledException) when (hung.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            var hungFor = $"hung for two minutes after {lastStep}";
            return new ChildResult(false, false, requests, lastStep, process.ExitCode, hungFor);
        }

        var exit = process.ExitCode;
        var stderr = (await error).Trim();
        killed |= timedOut;
        return new ChildResult(
            killed && exit == KilledExit,
            exit == 0,
            requests,
            lastStep,
            exit,
            exit == 0 || (killed && exit == KilledExit) ? string.Empty : stderr.Length > 0 ? stderr : lastLine)
        {
            TimedOut = timedOut && exit == KilledExit,
            StartUp = startUp,
            Lasted = clock.Elapsed,
        };
    }

    /// <summary>How to start this program again: its apphost, or dotnet and its dll.</summary>
    private static (string Program, string[] Leading) Command()
    {
        var dll = typeof(ChildIngest).Assembly.Location;
        var apphost = Path.ChangeExtension(dll, null);
        if (!OperatingSystem.IsWindows() && File.Exists(apphost))
        {
            return (apphost, []);
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return (dotnet, [dll]);
    }

    /// <summary>
    /// Prints "&gt; step resource" before each request is sent, such as "table POST $batch Observations".
    /// </summary>
    private sealed class StepTrace(StorageNames names) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Print(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Print(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Print(HttpMessage message) =>
            Console.WriteLine($"> {FaultInjection.StepOf(message)} {ResourceOf(message)}");

        private string ResourceOf(HttpMessage message)
        {
            var path = message.Request.Uri.Path;
            if (path.EndsWith("$batch", StringComparison.Ordinal) && message.Request.Content is { } content)
            {
                // A transaction names its table in each operation of its body.
                using var body = new MemoryStream();
                content.WriteTo(body, message.CancellationToken);
                path = System.Text.Encoding.UTF8.GetString(body.ToArray());
            }

            foreach (var (name, label) in new[]
            {
                (names.Observations, "Observations"), (names.Submissions, "Submissions"),
                (names.Compilations, "Compilations"),
                (names.Returns, "returns"), (names.Feedback, "feedback"), (names.Archive, "archive"),
                (names.Quarantine, "quarantine"), (names.Config, "config"),
            })
            {
                if (path.Contains("/" + name, StringComparison.Ordinal))
                {
                    return label;
                }
            }

            return "other";
        }
    }
}
