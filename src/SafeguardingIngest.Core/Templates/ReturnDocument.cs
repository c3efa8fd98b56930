using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Templates;

/// <summary>One row of a return to write: an indicator and locality, with figures where known.</summary>
public sealed record ReturnRow(
    Indicator Indicator,
    string Locality,
    double? Numerator = null,
    double? Denominator = null,
    double? Value = null,
    string? Commentary = null);

/// <summary>A return to write as a template v1 workbook: blank for an agency to fill, or filled.</summary>
public sealed record ReturnDocument(Agency Agency, ReportingPeriod Period, IReadOnlyList<ReturnRow> Rows)
{
    /// <summary>Who filled it in.</summary>
    public string? SubmittedBy { get; init; }

    /// <summary>Their email.</summary>
    public string? Email { get; init; }

    /// <summary>When the return is due, shown on the Cover.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>Delivery actions with RAG self-assessments.</summary>
    public IReadOnlyList<ActionItem> Actions { get; init; } = [];

    /// <summary>Risks with impact and likelihood.</summary>
    public IReadOnlyList<RiskItem> Risks { get; init; } = [];
}
