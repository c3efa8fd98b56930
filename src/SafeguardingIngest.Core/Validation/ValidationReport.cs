using SafeguardingIngest.Periods;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Validation;

/// <summary>The verdict on a return.</summary>
public enum ReturnStatus
{
    /// <summary>No findings.</summary>
    Accepted,

    /// <summary>Warnings only: accepted, with queries back to the agency.</summary>
    AcceptedWithWarnings,

    /// <summary>At least one error: refused until corrected.</summary>
    Rejected,
}

/// <summary>
/// The outcome of checking a return: verdict, findings (at most the configured number, with a
/// count of the rest), how many observations it yields, and whose return it is.
/// </summary>
public sealed record ValidationReport(
    ReturnStatus Status,
    IReadOnlyList<Finding> Findings,
    int ErrorCount,
    int WarningCount,
    int FindingsNotShown,
    int ObservationCount,
    string? Agency,
    ReportingPeriod? Period,
    ReturnFileKind? FileKind)
{
    /// <summary>
    /// Where the agency came from: "the Cover", "the command line", "the upload path" or "the file name".
    /// </summary>
    public string? AgencyFrom { get; init; }

    /// <summary>Where the period came from, in the same words.</summary>
    public string? PeriodFrom { get; init; }

    /// <summary>True unless the return was refused.</summary>
    public bool IsAccepted => Status != ReturnStatus.Rejected;
}

/// <summary>A checked return: the report, and the actions and risks it holds (observations went to the sink).</summary>
public sealed record ReturnResult(
    ValidationReport Report,
    IReadOnlyList<ActionItem> Actions,
    IReadOnlyList<RiskItem> Risks);
