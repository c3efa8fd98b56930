using System.CommandLine;
using SafeguardingIngest.Cli.Commands;

namespace SafeguardingIngest.Cli;

/// <summary>The `sgi` command line: parses arguments, runs a command, maps failures to exit codes.</summary>
public static class SgiApp
{
    /// <summary>Runs `sgi` with <paramref name="args"/>, writing to <paramref name="console"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("SafeguardingIngest: check, template, ingest and compile partner agencies' quarterly safeguarding returns into the board's consolidated return.")
        {
            ValidateCommand.Create(console),
            CatalogueCommand.Create(console),
            TemplateCommand.Create(console),
            IngestCommand.Create(console),
            SubmissionsCommand.Create(console),
            CompileCommand.Create(console),
            ReleasesCommand.Create(console),
            DemoCommand.Create(console),
            CredentialCommand.Create(console),
            ReprocessCommand.Create(console),
            SweepCommand.Create(console),
            WatchCommand.Create(console),
        };

        // `sgi help` and `sgi help COMMAND` are the root's and the command's --help.
        if (args is ["help", .. var rest])
        {
            args = [.. rest, "--help"];
        }

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await console.Error.WriteLineAsync($"sgi: {error.Message}");
            }

            await console.Error.WriteLineAsync("Run 'sgi --help' for usage.");
            return ExitCodes.UsageOrSystemError;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (UsageException e)
        {
            await console.Error.WriteLineAsync($"sgi: {e.Message}");
            return ExitCodes.UsageOrSystemError;
        }
        catch (Exception e) when (SettingsCheck.Describe(e) is { } message)
        {
            await console.Error.WriteLineAsync($"sgi: {message}");
            return ExitCodes.UsageOrSystemError;
        }
        catch (Exception e) when (StorageFailure.Describe(e) is { } message)
        {
            await console.Error.WriteLineAsync($"sgi: {message}");
            return ExitCodes.UsageOrSystemError;
        }
        catch (IOException e)
        {
            await console.Error.WriteLineAsync($"sgi: {e.Message}");
            return ExitCodes.UsageOrSystemError;
        }
        catch (UnauthorizedAccessException e)
        {
            await console.Error.WriteLineAsync($"sgi: {e.Message}");
            return ExitCodes.UsageOrSystemError;
        }
    }
}
