using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Reading;

/// <summary>Why a file cannot be read as a return at all: the rule it breaks and the message.</summary>
public sealed record FileProblem(Rule Rule, string Message, string? Sheet = null, string? Cell = null)
{
    /// <summary>The problem as a finding.</summary>
    public Finding ToFinding() => Finding.Of(Rule, Sheet, Cell, null, Message);
}
