using Spectre.Console;

namespace SafeguardingIngest.Cli;

/// <summary>Where the command line writes: a styled console for people, plain writers for data and errors.</summary>
public sealed record CliConsole(IAnsiConsole Ansi, TextWriter Out, TextWriter Error)
{
    /// <summary>The process's own console.</summary>
    public static CliConsole System() => new(AnsiConsole.Console, Console.Out, Console.Error);

    /// <summary>A console writing plain text (no colour codes) to the given writers, for tests and redirection.</summary>
    public static CliConsole Plain(TextWriter output, TextWriter error) =>
        new(AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        }), output, error);
}
