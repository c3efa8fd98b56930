using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SafeguardingIngest.Cli;

/// <summary>Runs the hosts' start-up check of every setting, and says what it finds in one line.</summary>
internal static class SettingsCheck
{
    /// <summary>
    /// Validates every option registered to be validated on start; a bad one is a <see cref="UsageException"/>.
    /// </summary>
    public static void Run(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            throw new UsageException(message);
        }
    }

    /// <summary>
    /// One line naming each bad setting, or null when <paramref name="exception"/> is not about settings.
    /// </summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid => string.Join(" ", invalid.Failures),
        AggregateException many when many.InnerExceptions.All(e => Describe(e) is not null) =>
            string.Join(" ", many.InnerExceptions.Select(e => Describe(e))),

        // The configuration binder's own words name the setting: "Failed to convert configuration value
        // 'x' at 'Storage:ParallelBatches' to type 'System.Int32'."
        InvalidOperationException { Message: var text }
            when text.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => text,
        _ => null,
    };
}
