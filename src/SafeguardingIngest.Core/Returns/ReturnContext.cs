using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Returns;

/// <summary>
/// What the caller knows of a return before reading it: from the command line or the upload path
/// (returns/{agency}/{period}/{file}). Where given, the Cover must agree.
/// </summary>
public sealed record ReturnContext(string? Agency = null, ReportingPeriod? Period = null, string? FileName = null);
