using System.Text.RegularExpressions;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Validation;

/// <summary>
/// Reads an agency and a quarter from a file named the way the template names it:
/// {AGENCY}-{PERIOD}[-anything].{ext}, such as "CHS-2025-26-Q2.csv" or "POL-2025-26-Q2-return.xlsx".
/// The weakest of the three sources of a return's identity (after the Cover, and the command line or
/// upload path): used only where the others say nothing.
/// </summary>
public static partial class FileNameIdentity
{
    /// <summary>
    /// The agency (a partner agency's code or name before the period) and the period the name holds; either may be
    /// null.
    /// </summary>
    public static (Agency? Agency, ReportingPeriod? Period) Read(string? fileName, Partnership partnership)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return (null, null);
        }

        var name = Path.GetFileNameWithoutExtension(fileName);
        var match = PeriodInName().Match(name);
        if (!match.Success ||
            !ReportingPeriod.TryParse(
                $"{match.Groups["start"].Value}-{match.Groups["end"].Value} Q{match.Groups["quarter"].Value}",
                out var period))
        {
            return (null, null);
        }

        var before = name[..match.Index].Trim(' ', '-', '_', '.');
        return (before.Length == 0 ? null : partnership.FindAgency(before), period);
    }

    [GeneratedRegex(
        @"(?<![0-9])(?<start>20[0-9]{2})[-_/](?<end>[0-9]{2})[-_ ]?Q(?<quarter>[1-4])(?![0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeriodInName();
}
