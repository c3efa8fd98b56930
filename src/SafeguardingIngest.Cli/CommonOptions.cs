using System.CommandLine;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Cli;

/// <summary>Options several commands share, and how their values are turned into domain values.</summary>
internal static class CommonOptions
{
    public const string DefaultReference = "samples/partnership.json";

    public static Option<FileInfo?> Reference() => new("--reference")
    {
        Description = $"Partnership reference data (JSON); default {DefaultReference}.",
        HelpName = "FILE",
    };

    public static Option<string?> Agency(bool required) => new("--agency")
    {
        Description = "Agency code or name.",
        HelpName = "CODE",
        Required = required,
    };

    public static Option<string?> Period(bool required) => new("--period")
    {
        Description = "Reporting period, such as 2025-26 Q2.",
        HelpName = "PERIOD",
        Required = required,
    };

    /// <summary>
    /// The reference file to use: the one named, else samples/partnership.json under the current
    /// folder, else the copy shipped beside the tool.
    /// </summary>
    public static string ResolveReferencePath(FileInfo? named)
    {
        if (named is not null)
        {
            return named.FullName;
        }

        var local = Path.GetFullPath(DefaultReference);
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, DefaultReference);
    }

    public static Partnership LoadPartnership(FileInfo? named)
    {
        var path = ResolveReferencePath(named);
        if (!File.Exists(path))
        {
            throw new UsageException($"Reference data not found: {path}. Give one with --reference FILE.");
        }

        try
        {
            return PartnershipReader.ReadFile(path);
        }
        catch (ReferenceDataException e)
        {
            throw new UsageException($"{Path.GetFileName(path)}: {e.Message}");
        }
    }

    public static ReportingPeriod? ParsePeriod(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return ReportingPeriod.TryParse(text, out var period)
            ? period
            : throw new UsageException($"'{text}' is not a reporting period; write it like 2025-26 Q2.");
    }

    public static Agency FindAgency(Partnership partnership, string text)
    {
        if (partnership.FindAgency(text) is { } agency)
        {
            return agency;
        }

        var suggestion = partnership.SuggestAgency(text);
        throw new UsageException($"'{text}' is not a partner agency of {partnership.Name}" +
            (suggestion is null
                ? $"; agencies: {string.Join(", ", partnership.Agencies.Select(a => a.Code))}."
                : $"; did you mean '{suggestion}'?"));
    }
}

/// <summary>A mistake in how a command was called, reported with exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
