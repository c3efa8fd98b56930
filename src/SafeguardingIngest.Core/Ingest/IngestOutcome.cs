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

/// <summary>What happened to an upload, in words for people.</summary>
public static class IngestResultWords
{
    /// <summary>
    /// <paramref name="result"/> in lower case ("accepted with queries"), in the words of the feedback page
    /// where a return's status is meant.
    /// </summary>
    public static string Of(IngestResult result) => result switch
    {
        IngestResult.Accepted => Feedback.Verdict(ReturnStatus.Accepted).ToLowerInvariant(),
        IngestResult.AcceptedWithWarnings => Feedback.Verdict(ReturnStatus.AcceptedWithWarnings).ToLowerInvariant(),
        IngestResult.AcceptedButSuperseded => "accepted, but a later upload stands",
        IngestResult.Rejected => Feedback.Verdict(ReturnStatus.Rejected).ToLowerInvariant(),
        IngestResult.AlreadyProcessed => "already processed",
        _ => "no longer there",
    };
}

/// <summary>The outcome of one IngestReturn run.</summary>
public sealed record IngestOutcome(
    IngestResult Result,
    Submission? Submission,
    ValidationReport? Report,
    string Message);
