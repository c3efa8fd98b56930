using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SafeguardingIngest.Cli.Commands;

namespace SafeguardingIngest.Cli;

/// <summary>The `sgi` command line: parses arguments, runs a command, maps failures to exit codes.</summary>
public static class SgiApp
{
    /// <summary>
    /// Runs `sgi` with <paramref name="args"/>, writing to <paramref name="console"/>; returns the exit code.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args,
        CliConsole console,
        CancellationToken cancellationToken = default)
    {
        var root = new RootCommand(
            "SafeguardingIngest: check, template, ingest and compile partner agencies' quarterly safeguarding " +
            "returns into the board's consolidated return.")
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
            if (rest is [var topic, ..] && !topic.StartsWith('-') && !root.Subcommands.Any(c => c.Name == topic))
            {
                await console.Error.WriteLineAsync($"sgi: there is no command called '{topic}'.");
                await console.Error.WriteLineAsync("Run 'sgi help' for the list of commands.");
                return ExitCodes.UsageOrSystemError;
            }

            args = [.. rest, "--help"];
        }

        var parsed = root.Parse(args);
        if (UnknownOption(parsed, args) is { } unknown)
        {
            await console.Error.WriteLineAsync($"sgi: {unknown}");
            await console.Error.WriteLineAsync($"Run '{CommandPath(parsed)} --help' for its options.");
            return ExitCodes.UsageOrSystemError;
        }

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
            return await parsed.InvokeAsync(
                new InvocationConfiguration
                {
                    Output = console.Out,
                    Error = console.Error,
                    EnableDefaultExceptionHandler = false
                },
                cancellationToken);
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
        catch (Exception e)
            when (e is not OperationCanceledException { CancellationToken.IsCancellationRequested: true })
        {
            // A fault of sgi's own, or a time-out no one asked for: one line saying so, then the detail for
            // whoever looks after it, and the documented exit code rather than the runtime's abort.
            await console.Error.WriteLineAsync(
                $"sgi: the command stopped on an error it does not expect ({e.GetType().Name}: {e.Message}); "
                + "the detail follows for whoever looks after sgi.");
            await console.Error.WriteLineAsync(e.ToString());
            return ExitCodes.UsageOrSystemError;
        }
    }

    /// <summary>
    /// The first word that looks like an option but is none of the command's, in words; null when there is none.
    /// The parser takes such a word as the command's argument (`sgi validate --bogus x` would look for a file
    /// called --bogus and complain of 'x'), so it is looked for among the argument values and the unmatched words.
    /// A word after "--" is a value by the user's choice, and a negative number is a value.
    /// </summary>
    private static string? UnknownOption(ParseResult parsed, string[] args)
    {
        var end = Array.IndexOf(args, "--");
        var words = parsed.CommandResult.Children
            .OfType<ArgumentResult>()
            .SelectMany(argument => argument.Tokens.Select(token => token.Value))
            .Concat(parsed.UnmatchedTokens);
        var unknown = words.FirstOrDefault(word =>
            word.Length > 1
            && word[0] == '-'
            && !double.TryParse(word, CultureInfo.InvariantCulture, out _)
            && (end < 0 || Array.IndexOf(args, word) < end));
        return unknown is null ? null : $"'{unknown}' is not an option of '{CommandPath(parsed)}'.";
    }

    /// <summary>The command as typed: "sgi validate", "sgi credential".</summary>
    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var command = parsed.CommandResult; command.Parent is CommandResult parent;
            command = parent)
        {
            names.Insert(0, command.Command.Name);
        }

        return string.Join(' ', ["sgi", .. names]);
    }
}
