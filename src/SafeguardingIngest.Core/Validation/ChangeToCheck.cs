using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Validation;

/// <summary>A figure whose quarterly change waits for last quarter's figures, and where its finding goes.</summary>
internal sealed record ChangeToCheck(
    Indicator Indicator,
    Observation Observation,
    string Sheet,
    string Cell,
    int Position);
