using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Ingest;

/// <summary>What happened to an upload.</summary>
public enum IngestResult
{
    /// <summary>Accepted and made the agency's current submission.</summary>
    Accepted,

    /// <summary>Accepted with queries, and made current.</summary>
    AcceptedWithWarnings,

    /// <summary>Accepted, but a later upload for the same quarter was already current, so it stands.</summary>
    AcceptedButSuperseded,

    /// <summary>Refused; the previous submission, if any, stays current.</summary>
    Rejected,

    /// <summary>The same content had already been processed for this agency and period; nothing changed.</summary>
    AlreadyProcessed,

    /// <summary>The upload was no longer there (processed by another run).</summary>
    NotFound,
}

/// <summary>The outcome of one IngestReturn run.</summary>
public sealed record IngestOutcome(IngestResult Result, Submission? Submission, ValidationReport? Report, string Message);
