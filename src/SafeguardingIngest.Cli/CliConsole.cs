using Spectre.Console;

namespace SafeguardingIngest.Cli;

/// <summary>Where the command line writes: a styled console for people, plain writers for data and errors.</summary>
public sealed record CliConsole(IAnsiConsole Ansi, TextWriter Out, TextWriter Error)
{
    /// <summary>
    /// The width given to output that is not a terminal (piped, redirected, or captured by a test): wide enough
    /// that a table prints one record a line and no line is wrapped, where Spectre would assume 80 columns.
    /// </summary>
    public const int UnwrappedWidth = 16_384;

    /// <summary>
    /// The process's own console: a terminal's own width, so tables fit it, and no wrapping at all when the
    /// output is piped or redirected.
    /// </summary>
    public static CliConsole System()
    {
        var ansi = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            ansi.Profile.Width = UnwrappedWidth;
        }

        return new(ansi, Console.Out, Console.Error);
    }

    /// <summary>
    /// A console writing plain text (no colour codes) to the given writers, as output that is not a terminal is
    /// written: for tests and redirection. <paramref name="width"/> stands for a terminal's width where given.
    /// </summary>
    public static CliConsole Plain(TextWriter output, TextWriter error, int width = UnwrappedWidth)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        ansi.Profile.Width = width;
        return new(ansi, output, error);
    }
}
