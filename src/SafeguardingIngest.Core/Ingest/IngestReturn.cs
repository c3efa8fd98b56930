using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Ingest;

/// <summary>
/// The one code path that takes an uploaded return from the returns container to stored
/// observations and the agency's feedback, for every host. Each step can be run again with the
/// same result, so a blob delivered twice, or a run retried after a storage fault, ends with one
/// submission and nothing lost or doubled. Readers see an agency's old submission or its new one,
/// never a mix: rows are written under the new submission's id first, then one conditional write
/// switches the current pointer, then the superseded rows are removed.
/// </summary>
public sealed class IngestReturn(
    IReturnFiles files,
    ISubmissionStore store,
    IPartnershipSource reference,
    ICompileWatermarks watermarks,
    IOptions<ReaderLimits> limits,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<IngestReturn> logger)
{
    /// <summary>Processes the upload named <paramref name="blobName"/> in the returns container.</summary>
    public Task<IngestOutcome> RunAsync(string blobName, CancellationToken cancellationToken) =>
        RunAsync(blobName, reprocess: false, cancellationToken);

    /// <summary>
    /// Runs a refused submission again, after the reference data was fixed: its original goes back from
    /// quarantine to its upload path with its original receipt time, and is processed as if just arrived.
    /// </summary>
    public async Task<IngestOutcome> ReprocessAsync(ReportingPeriod period, string agency, string submissionId, CancellationToken cancellationToken)
    {
        var refused = await store.FindAsync(period, agency, submissionId, cancellationToken)
            ?? throw new InvalidOperationException($"No submission {submissionId} of {agency} for {period}.");
        if (refused.Status != ReturnStatus.Rejected)
        {
            throw new InvalidOperationException($"Submission {submissionId} of {agency} for {period} was {refused.Status}, not refused; only refused returns are reprocessed.");
        }

        var quarantined = refused.StoredAt[(refused.StoredAt.IndexOf('/', StringComparison.Ordinal) + 1)..];
        await files.RestoreFromQuarantineAsync(quarantined, refused.BlobName, refused.ReceivedAt, cancellationToken);
        return await RunAsync(refused.BlobName, reprocess: true, cancellationToken);
    }

    private async Task<IngestOutcome> RunAsync(string blobName, bool reprocess, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        var clock = Stopwatch.StartNew();
        IngestLog.Started(logger, blobName);
        using var upload = await files.OpenUploadAsync(blobName, limits.Value.MaxFileBytes, cancellationToken);
        if (upload is null)
        {
            IngestLog.NotFound(logger, blobName);
            return new IngestOutcome(IngestResult.NotFound, null, null, $"{blobName} is no longer waiting; it was processed already.");
        }

        var path = UploadPath.TryParse(blobName, out var pathProblem);
        var partnership = await reference.GetAsync(cancellationToken);

        // A known agency is filed under its code, so "pol" and "POL" uploads meet in one place.
        var owner = path is null ? null : partnership.FindAgency(path.Agency);
        var agency = owner?.Code ?? (path is null ? Unattributed : Sanitize(path.Agency));
        var period = path?.Period;
        var readable = upload.Length <= limits.Value.MaxFileBytes;
        var sha256 = readable ? Convert.ToHexStringLower(await SHA256.HashDataAsync(upload.Content, cancellationToken)) : Unread(upload);
        upload.Content.Position = 0;
        var id = sha256[..24];
        var periodKey = period?.Key ?? "unknown";

        if (!reprocess && period is { } known && await store.FindAsync(known, agency, id, cancellationToken) is { } earlier &&
            await IsSettledAsync(earlier, cancellationToken))
        {
            await FinishAsync(earlier, upload, cancellationToken);
            IngestLog.AlreadyProcessed(logger, id, agency, periodKey, blobName);
            return new IngestOutcome(IngestResult.AlreadyProcessed, earlier, null,
                $"The same file was already processed as submission {earlier.Id} ({earlier.Status}); nothing changed.");
        }

        var context = new ReturnContext(path?.Agency, period, path?.FileName ?? blobName);
        StreamingRowWriter? writer = null;
        ReturnResult result;
        if (pathProblem is not null)
        {
            IngestLog.RefusedUnread(logger, blobName, pathProblem);
            result = ReturnValidator.Refuse(Finding.Of(Rules.UploadPathInvalid, null, null, blobName, pathProblem), context);
        }
        else if (!readable)
        {
            var message = $"The file is {FileSniffer.Megabytes(upload.Length)}, over the {FileSniffer.Megabytes(limits.Value.MaxFileBytes)} limit; remove extra sheets or images and resend it.";
            IngestLog.RefusedUnread(logger, blobName, message);
            result = ReturnValidator.Refuse(Finding.Of(Rules.FileTooLarge, null, null, null, message), context);
        }
        else
        {
            // Last quarter's figures are read only where some owed indicator has a change to check.
            var previous = options.Value.CompareWithPreviousQuarter && owner is not null &&
                           partnership.IndicatorsOwedBy(owner.Code).Any(i => i.MaxQuarterlyChange is not null)
                ? new PreviousValues(await store.ReadCurrentObservationsAsync(path!.Period.Previous(), owner.Code, cancellationToken))
                : null;

            // Rows of a known agency are written while the file is read; nobody sees them before the switch.
            writer = owner is null ? null : new StreamingRowWriter(store, path!.Period, owner.Code, id, options.Value.ParallelWrites, cancellationToken);
            // The read runs on a thread of its own: it waits whenever the write queue is full, and a
            // thread-pool thread waiting there would starve the very writes it waits for.
            var sink = (IObservationSink?)writer ?? new ObservationBuffer();
            result = await Task.Factory.StartNew(
                () => Validate(partnership, upload, context, sink, previous), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            if (writer is not null)
            {
                await writer.CompleteAsync();
            }
        }

        var report = result.Report;
        var submission = new Submission
        {
            Id = id,
            Agency = agency,
            Period = period ?? default,
            BlobName = blobName,
            Sha256 = sha256,
            Size = upload.Length,
            ReceivedAt = (reprocess || options.Value.AllowBackdatedUploads) && upload.DeclaredReceivedAt is { } declared ? declared : upload.ReceivedAt,
            ProcessedAt = time.GetUtcNow(),
            Status = report.Status,
            Rows = report.IsAccepted ? writer?.Count ?? 0 : 0,
            Errors = report.ErrorCount,
            Warnings = report.WarningCount,
            FeedbackPath = $"{agency}/{periodKey}/{id}",
            StoredAt = report.IsAccepted ? $"archive/{agency}/{periodKey}/{id}/{FileNameOf(blobName)}" : $"quarantine/{agency}/{periodKey}/{id}/{FileNameOf(blobName)}",
            DueDate = period?.DueDate(partnership.ReturnsDueDays),
        };

        IngestResult outcome;
        if (report.IsAccepted)
        {
            (outcome, submission) = await AcceptAsync(submission, result, partnership, cancellationToken);
        }
        else
        {
            if (writer is { Count: > 0 })
            {
                await store.DeleteRowsAsync(submission.Period, agency, id, cancellationToken);
            }

            outcome = IngestResult.Rejected;
            submission = await RecordAsync(submission, report, isCurrent: false, partnership, cancellationToken);
        }

        await FinishAsync(submission, upload, cancellationToken);
        IngestLog.Finished(logger, id, agency, periodKey, outcome, submission.Rows, report.ErrorCount, report.WarningCount, submission.Supersedes, clock.ElapsedMilliseconds);
        return new IngestOutcome(outcome, submission, report, Describe(outcome, submission));
    }

    private ReturnResult Validate(Partnership partnership, UploadedFile upload, ReturnContext context, IObservationSink sink, IPreviousValues? previous)
    {
        try
        {
            return new ReturnValidator(partnership, limits.Value).Validate(upload.Content, context, sink, previous);
        }
        catch (ChannelClosedException e) when (e.InnerException is not null)
        {
            // A write failed while the file was being read: surface the storage fault itself, so the host retries.
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private async Task<(IngestResult Outcome, Submission Recorded)> AcceptAsync(Submission submission, ReturnResult result, Partnership partnership, CancellationToken cancellationToken)
    {
        await store.WriteRowsAsync(submission.Period, submission.Agency, submission.Id, [], result.Actions, result.Risks, cancellationToken);
        var queries = result.Report.Findings.Where(f => f.Severity == Severity.Warning).ToList();
        if (queries.Count > 0)
        {
            await store.WriteQueriesAsync(submission.Period, submission.Agency, submission.Id, queries, cancellationToken);
        }

        // The switch: one conditional write. A later upload already current wins; a race is retried.
        string? supersedes = null;
        var isCurrent = false;
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.GetCurrentAsync(submission.Period, submission.Agency, cancellationToken);
            if (current?.SubmissionId == submission.Id)
            {
                isCurrent = true;
                supersedes = (await store.FindAsync(submission.Period, submission.Agency, submission.Id, cancellationToken))?.Supersedes;
                break;
            }

            if (current is not null && current.ReceivedAt > submission.ReceivedAt)
            {
                break;
            }

            if (await store.TrySwitchCurrentAsync(submission.Period, submission.Agency, current, submission.Id, submission.ReceivedAt, cancellationToken))
            {
                isCurrent = true;
                supersedes = current?.SubmissionId;
                break;
            }

            IngestLog.SwitchConflict(logger, submission.Agency, submission.Period.Key, submission.Id, attempt);
            if (attempt >= options.Value.SwitchAttempts)
            {
                throw new InvalidOperationException(
                    $"The current submission of {submission.Agency} for {submission.Period} kept changing during {attempt} attempts to switch it to {submission.Id}; the run will be retried.");
            }
        }

        var recorded = await RecordAsync(submission with { Supersedes = supersedes }, result.Report, isCurrent, partnership, cancellationToken);
        var outcome = !isCurrent ? IngestResult.AcceptedButSuperseded
            : result.Report.Status == ReturnStatus.Accepted ? IngestResult.Accepted
            : IngestResult.AcceptedWithWarnings;
        return (outcome, recorded);
    }

    private async Task<Submission> RecordAsync(Submission submission, ValidationReport report, bool isCurrent, Partnership partnership, CancellationToken cancellationToken)
    {
        var fileName = FileNameOf(submission.BlobName);
        await Task.WhenAll(
            files.WriteFeedbackAsync(submission.FeedbackPath + ".json", "application/json; charset=utf-8", Feedback.Json(submission, report, fileName, isCurrent), cancellationToken),
            files.WriteFeedbackAsync(submission.FeedbackPath + ".html", "text/html; charset=utf-8", Feedback.Html(submission, report, fileName, partnership.Name, isCurrent), cancellationToken));

        // Recorded last: a run that stops before this point is redone in full by the retry.
        await store.SaveAsync(submission, cancellationToken);
        if (submission.Period != default)
        {
            await watermarks.MarkChangedAsync(submission.Period, submission.ProcessedAt, cancellationToken);
        }

        return submission;
    }

    /// <summary>The steps after recording, each safe to repeat: keep the original, remove the upload, drop superseded rows.</summary>
    private async Task FinishAsync(Submission submission, UploadedFile upload, CancellationToken cancellationToken)
    {
        var storedName = submission.StoredAt[(submission.StoredAt.IndexOf('/', StringComparison.Ordinal) + 1)..];
        if (submission.Status == ReturnStatus.Rejected)
        {
            await files.QuarantineAsync(upload, storedName, cancellationToken);
        }
        else
        {
            await files.ArchiveAsync(upload, storedName, cancellationToken);
        }

        await files.DeleteUploadAsync(upload.Name, upload.Version, cancellationToken);
        if (submission.Status == ReturnStatus.Rejected || submission.Period == default)
        {
            return;
        }

        // Superseded rows go only after the switch. A first submission has nothing to clear, so the
        // key-range scan is skipped; rows of a run that never finished stay invisible until then.
        var current = await store.GetCurrentAsync(submission.Period, submission.Agency, cancellationToken);
        var removed = 0;
        if (current?.SubmissionId != submission.Id)
        {
            await store.DeleteRowsAsync(submission.Period, submission.Agency, submission.Id, cancellationToken);
        }
        else if (submission.Supersedes is not null)
        {
            removed = await store.DeleteOtherReturnsAsync(submission.Period, submission.Agency, current.SubmissionId, cancellationToken);
        }

        if (removed > 0)
        {
            IngestLog.CleanedUp(logger, removed, submission.Agency, submission.Period.Key);
        }
    }

    /// <summary>
    /// True when a run with the same content needs only finishing: the submission was refused, or it
    /// is current. An accepted submission since superseded by other content is processed again, so
    /// an agency can go back to an earlier file.
    /// </summary>
    private async Task<bool> IsSettledAsync(Submission earlier, CancellationToken cancellationToken)
    {
        if (earlier.Status == ReturnStatus.Rejected)
        {
            return true;
        }

        var current = await store.GetCurrentAsync(earlier.Period, earlier.Agency, cancellationToken);
        return current?.SubmissionId == earlier.Id;
    }

    private static string Describe(IngestResult outcome, Submission submission) => outcome switch
    {
        IngestResult.Accepted => $"Accepted as submission {submission.Id}: {submission.Rows} observations stored.",
        IngestResult.AcceptedWithWarnings => $"Accepted with {submission.Warnings} queries as submission {submission.Id}: {submission.Rows} observations stored.",
        IngestResult.AcceptedButSuperseded => $"Accepted as submission {submission.Id}, but a later upload for {submission.Period} is current and stands.",
        _ => $"Refused with {submission.Errors} errors; the previous submission, if any, stays current.",
    };

    private const string Unattributed = "_unattributed";

    private static string FileNameOf(string blobName) => blobName[(blobName.LastIndexOf('/') + 1)..];

    // Path segments come from whoever uploaded the file; keep them to characters safe in keys and names.
    private static string Sanitize(string segment)
    {
        var clean = new string(segment.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').ToArray());
        return clean.Length == 0 ? Unattributed : clean;
    }

    private static string Unread(UploadedFile upload) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{upload.Name}|{upload.Length}|{upload.Version}")));
}
