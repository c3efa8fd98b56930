namespace SafeguardingIngest.Validation;

/// <summary>How much a finding matters to the return.</summary>
public enum Severity
{
    /// <summary>The return is refused until it is corrected.</summary>
    Error,

    /// <summary>The return is accepted, with a query back to the agency.</summary>
    Warning,
}
