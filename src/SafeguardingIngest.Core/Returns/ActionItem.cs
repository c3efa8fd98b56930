namespace SafeguardingIngest.Returns;

/// <summary>A delivery-plan action with its quarterly RAG self-assessment, from a return's Actions sheet.</summary>
public sealed record ActionItem(
    string Reference,
    string? Description,
    Rag Rag,
    string? Commentary,
    string? RecoveryActions,
    string Source);
