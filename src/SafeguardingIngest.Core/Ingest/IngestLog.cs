using Microsoft.Extensions.Logging;

namespace SafeguardingIngest.Ingest;

/// <summary>
/// The ingest pipeline's log lines: stable event ids, templates carrying blob, submission, agency, period and outcome.
/// </summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Ingesting {Blob}")]
    public static partial void Started(ILogger logger, string blob);

    [LoggerMessage(
        EventId = 1001,
        Level = LogLevel.Information,
        Message = "Return {SubmissionId} from {Agency} for {Period} {Outcome}: {Rows} rows, {Errors} errors, " +
            "{Warnings} warnings, supersedes {Supersedes}, in {ElapsedMs} ms")]
    public static partial void Finished(
        ILogger logger,
        string submissionId,
        string agency,
        string period,
        IngestResult outcome,
        int rows,
        int errors,
        int warnings,
        string? supersedes,
        long elapsedMs);

    [LoggerMessage(
        EventId = 1002,
        Level = LogLevel.Information,
        Message = "Return {SubmissionId} from {Agency} for {Period} was already processed; finished its remaining " +
            "steps for {Blob}")]
    public static partial void AlreadyProcessed(
        ILogger logger,
        string submissionId,
        string agency,
        string period,
        string blob);

    [LoggerMessage(
        EventId = 1003,
        Level = LogLevel.Information,
        Message = "Upload {Blob} is no longer there; another run processed it")]
    public static partial void NotFound(ILogger logger, string blob);

    [
        LoggerMessage(
            EventId = 1004,
            Level = LogLevel.Warning,
            Message = "Upload {Blob} refused before reading: {Reason}")]
    public static partial void RefusedUnread(ILogger logger, string blob, string reason);

    [LoggerMessage(
        EventId = 1005,
        Level = LogLevel.Information,
        Message = "Switch of {Agency} {Period} to {SubmissionId} lost a race on attempt {Attempt}; reading the " +
            "pointer again")]
    public static partial void SwitchConflict(
        ILogger logger,
        string agency,
        string period,
        string submissionId,
        int attempt);

    [LoggerMessage(
        EventId = 1007,
        Level = LogLevel.Information,
        Message = "Record of {SubmissionId} from {Agency} for {Period} kept: a later run of it made load {LoadId} " +
            "current")]
    public static partial void RecordKept(
        ILogger logger,
        string submissionId,
        string agency,
        string period,
        string? loadId);

    [LoggerMessage(
        EventId = 1008,
        Level = LogLevel.Warning,
        Message = "Load {LoadId} of {Agency} for {Period} could not be discarded after its run failed ({Failure}); "
            + "the sweep will clear it")]
    public static partial void DiscardFailed(
        ILogger logger, string loadId, string agency, string period, string failure, Exception exception);
}
