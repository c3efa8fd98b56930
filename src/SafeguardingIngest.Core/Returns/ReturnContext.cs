using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Returns;

/// <summary>
/// What the caller knows of a return before reading it: from the command line or the upload path
/// (returns/{agency}/{period}/{file}), as <see cref="GivenBy"/> says. Where given, the Cover must agree.
/// </summary>
public sealed record ReturnContext(string? Agency = null, ReportingPeriod? Period = null, string? FileName = null)
{
    /// <summary>
    /// Where <see cref="Agency"/> and <see cref="Period"/> came from, in words: "the command line" or "the upload
    /// path".
    /// </summary>
    public string GivenBy { get; init; } = "the command line";
}
