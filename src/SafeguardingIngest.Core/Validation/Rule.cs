namespace SafeguardingIngest.Validation;

/// <summary>A validation rule: a stable code, its severity, what it checks and an example message.</summary>
public sealed record Rule(string Code, Severity Severity, string Title, string Example);
