using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
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
/// never a mix or nothing: each run writes its rows under a load of its own, recorded as Writing
/// before the first row; one conditional transaction then moves the current pointer to it and marks
/// the load it replaces Superseded; only then are superseded and discarded loads' rows removed
/// (<see cref="LoadProtocol"/> holds those steps). Uploads are ordered by <see cref="Arrival"/>, so the last
/// upload wins whatever order runs finish in.
/// </summary>
public sealed class IngestReturn(
    IReturnFiles files,
    ISubmissionRecords records,
    IRowWriter rowWriter,
    IPeriodReader reader,
    LoadProtocol loads,
    LoadCleanup cleanup,
    IPartnershipSource reference,
    ICompileWatermarks watermarks,
    IOptions<ReaderLimits> limits,
    IOptions<IngestOptions> options,
    Notifications.INotifier notifier,
    TimeProvider time,
    ILogger<IngestReturn> logger)
{
    /// <summary>
    /// Runs a refused submission again, after the reference data was fixed: its original goes back from
    /// quarantine under a reserved name beside the upload's (create-only, so a newer upload under the
    /// upload's own name is never touched), and is processed with its original receipt time. The trigger
    /// recognises the reserved name, so whichever run takes it first does the same.
    /// </summary>
    public async Task<IngestOutcome> ReprocessAsync(
        ReportingPeriod period,
        string agency,
        string submissionId,
        CancellationToken cancellationToken)
    {
        var refused = await records.FindAsync(period, agency, submissionId, cancellationToken)
            ?? throw new InvalidOperationException($"No submission {submissionId} of {agency} for {period}.");
        if (refused.Status != ReturnStatus.Rejected)
        {
            throw new InvalidOperationException(
                $"Submission {submissionId} of {agency} for {period} was {refused.Status}, not refused; only refused " +
                "returns are reprocessed.");
        }

        var quarantined = refused.StoredAt[(refused.StoredAt.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var restored = UploadPath.ForReprocess(agency, period, submissionId, FileNameOf(refused.BlobName));
        await files.RestoreFromQuarantineAsync(quarantined, restored, cancellationToken);
        var outcome = await RunAsync(restored, cancellationToken);
        if (outcome.Result != IngestResult.NotFound)
        {
            return outcome;
        }

        // The trigger took the restored file first: its run's record is the outcome.
        var record = await records.FindAsync(period, agency, submissionId, cancellationToken);
        return new IngestOutcome(IngestResult.AlreadyProcessed, record, null,
            $"Submission {submissionId} was run again by the pipeline as it was restored; it is now {record?.Status}.");
    }

    /// <summary>Processes the upload named <paramref name="blobName"/> in the returns container.</summary>
    public async Task<IngestOutcome> RunAsync(string blobName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        var clock = Stopwatch.StartNew();
        IngestLog.Started(logger, blobName);
        using var upload = await files.OpenUploadAsync(blobName, limits.Value.MaxFileBytes, cancellationToken);
        if (upload is null)
        {
            IngestLog.NotFound(logger, blobName);
            return new IngestOutcome(
                IngestResult.NotFound,
                null,
                null,
                $"{blobName} is no longer waiting; it was processed already.");
        }

        var path = UploadPath.TryParse(blobName, out var pathProblem);
        var (partnership, referenceVersion) = await reference.GetVersionedAsync(cancellationToken);

        // A known agency is filed under its code, so "pol" and "POL" uploads meet in one place.
        var owner = path is null ? null : partnership.FindAgency(path.Agency);
        var agency = owner?.Code ?? (path is null ? Unattributed : Sanitize(path.Agency));

        // A file a folder too shallow or too deep is unattributed, but its feedback goes where the agency
        // its first folder names can read it (an agency's role reads its own feedback folder only).
        var feedbackReader = path is null ? partnership.FindAgency(blobName.Split('/')[0])?.Code : null;
        var period = path?.Period;
        var readable = upload.Length <= limits.Value.MaxFileBytes;
        var sha256 = readable
            ? Convert.ToHexStringLower(await SHA256.HashDataAsync(upload.Content, cancellationToken))
            : Unread(upload);
        upload.Content.Position = 0;
        var id = sha256[..24];
        var periodKey = period?.Key ?? "unknown";

        // A reserved reprocess name is honoured only for the content it names, already recorded for this
        // agency: then the run takes that record's receipt time and files it under the original name.
        var restoredFrom = await RestoredFromAsync(path, agency, id, cancellationToken);
        var reprocess = restoredFrom is not null;
        var backdated = options.Value.AllowBackdatedUploads ? upload.DeclaredReceivedAt : null;
        var receivedAt = restoredFrom?.ReceivedAt ?? backdated ?? upload.ReceivedAt;
        var arrival = Arrival.Of(receivedAt, upload.Version, blobName);
        var uploadName = restoredFrom?.BlobName ?? blobName;

        if (!reprocess &&
            period is { } known &&
            await records.FindAsync(known, agency, id, cancellationToken) is { } earlier &&
            await loads.IsSettledAsync(earlier, arrival, referenceVersion, cancellationToken))
        {
            await FinishAsync(earlier, upload, cancellationToken);
            await files.WriteFeedbackAsync(
                UploadPath.FeedbackFor(agency, known, FileNameOf(blobName)) + ".json",
                "application/json; charset=utf-8",
                Feedback.AlreadyProcessedJson(earlier, blobName, upload.Version),
                cancellationToken);
            IngestLog.AlreadyProcessed(logger, id, agency, periodKey, blobName);
            return new IngestOutcome(IngestResult.AlreadyProcessed, earlier, null,
                $"The same file was already processed as submission {earlier.Id} ({earlier.Status}); nothing changed.");
        }

        var context = new ReturnContext(path?.Agency, period, ReadAs(FileNameOf(uploadName), upload.ChosenFileName))
        {
            GivenBy = "the upload path",
        };
        Load? load = null;
        StreamingRowWriter? writer = null;
        ReturnResult result;
        if (pathProblem is not null)
        {
            IngestLog.RefusedUnread(logger, blobName, pathProblem);
            result = ReturnValidator.Refuse(
                Finding.Of(Rules.UploadPathInvalid, null, null, blobName, pathProblem),
                context);
        }
        else if (!readable)
        {
            var message = $"The file is {FileSniffer.Megabytes(upload.Length)}, over the " +
                $"{FileSniffer.Megabytes(limits.Value.MaxFileBytes)} limit; remove extra sheets or images and resend " +
                "it.";
            IngestLog.RefusedUnread(logger, blobName, message);
            result = ReturnValidator.Refuse(Finding.Of(Rules.FileTooLarge, null, null, null, message), context);
        }
        else
        {
            // Last quarter's figures are read only where some owed indicator has a change to check, and
            // while the rows are read and written: the check waits for them at the end of the sheet.
            var previous = options.Value.CompareWithPreviousQuarter && owner is not null &&
                           partnership.IndicatorsOwedBy(owner.Code).Any(i => i.MaxQuarterlyChange is not null)
                ? new PreviousValuesOnTheWay(
                    reader.ReadCurrentValuesAsync(path!.Period.Previous(), owner.Code, cancellationToken))
                : null;

            // Rows of a known agency are written while the file is read, under a load recorded first as
            // Writing: nobody reads them before the switch, and nobody else deletes them while it lasts.
            if (owner is not null)
            {
                load = await loads.StartAsync(path!.Period, owner.Code, id, cancellationToken);
                writer = new StreamingRowWriter(rowWriter, load, options.Value.ParallelWrites, cancellationToken);
            }

            // The read runs on a thread of its own: it waits whenever the write queue is full, and a
            // thread-pool thread waiting there would starve the very writes it waits for.
            var sink = (IObservationSink?)writer ?? new ObservationBuffer();
            try
            {
                result = await Task.Factory.StartNew(
                    () => Validate(partnership, upload, context, sink, previous),
                    cancellationToken,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default);
                if (writer is not null)
                {
                    await writer.CompleteAsync();
                }

                if (previous is not null)
                {
                    // A failed read fails the ingest even where no check needed it: the host runs it again.
                    await previous.Read;
                }
            }
            catch (Exception failure) when (load is not null && writer is not null)
            {
                // The run fails (a write, or the read of last quarter): its rows go now, not at the sweep's bound.
                await writer.AbandonAsync();
                await loads.DiscardAfterFailureAsync(load, failure);
                throw;
            }
        }

        var report = result.Report;
        var submission = new Submission
        {
            Id = id,
            Agency = agency,
            Period = period ?? default,
            BlobName = uploadName,
            UploadVersion = upload.Version,
            Sha256 = sha256,
            Size = upload.Length,
            ReceivedAt = receivedAt,
            ProcessedAt = time.GetUtcNow(),
            Status = report.Status,
            Rows = report.IsAccepted ? writer?.Count ?? 0 : 0,
            Errors = report.ErrorCount,
            Warnings = report.WarningCount,
            FeedbackPath = $"{feedbackReader ?? agency}/{periodKey}/{id}",
            StoredAt = report.IsAccepted
                ? $"archive/{agency}/{periodKey}/{id}/{FileNameOf(uploadName)}"
                : $"quarantine/{agency}/{periodKey}/{id}/{FileNameOf(uploadName)}",
            DueDate = period?.DueDate(partnership.ReturnsDueDays),
            ReferenceVersion = referenceVersion,
        };

        IngestResult outcome;
        if (report.IsAccepted && load is not null && writer is not null)
        {
            (outcome, submission) = await AcceptAsync(
                submission, upload, load, writer.Values, arrival, result, partnership, cancellationToken);
        }
        else if (report.IsAccepted)
        {
            // The validator accepts only a return of a known agency, whose rows have a load.
            throw new InvalidOperationException($"{blobName} was accepted without a known agency to file it under.");
        }
        else
        {
            if (load is not null)
            {
                await cleanup.DiscardAsync(load, cancellationToken);
            }

            outcome = IngestResult.Rejected;
            submission = await RecordAsync(submission, report, isCurrent: false, partnership, cancellationToken);
            await notifier.NotifyAsync(Notifications.Notifications.Refused(submission), cancellationToken);
        }

        await FinishAsync(submission, upload, cancellationToken, archived: outcome != IngestResult.Rejected);
        IngestLog.Finished(
            logger,
            id,
            agency,
            periodKey,
            outcome,
            submission.Rows,
            report.ErrorCount,
            report.WarningCount,
            submission.Supersedes,
            clock.ElapsedMilliseconds);
        return new IngestOutcome(outcome, submission, report, Describe(outcome, submission));
    }

    /// <summary>
    /// The recorded submission a reserved reprocess name restores, where the name's id is this content's
    /// and the agency has a record of it; null for any other upload.
    /// </summary>
    private async Task<Submission?> RestoredFromAsync(
        UploadPath? path,
        string agency,
        string id,
        CancellationToken cancellationToken)
    {
        if (path is null
            || !UploadPath.TryReadReprocess(path.FileName, out var namedId, out _)
            || namedId != id)
        {
            return null;
        }

        return await records.FindAsync(path.Period, agency, id, cancellationToken);
    }

    private ReturnResult Validate(
        Partnership partnership,
        UploadedFile upload,
        ReturnContext context,
        IObservationSink sink,
        IPreviousValues? previous)
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

    private async Task<(IngestResult Outcome, Submission Recorded)> AcceptAsync(
        Submission submission,
        UploadedFile upload,
        Load load,
        IReadOnlyList<LoadValue> values,
        Arrival arrival,
        ReturnResult result,
        Partnership partnership,
        CancellationToken cancellationToken)
    {
        var queries = result.Report.Findings.Where(f => f.Severity == Severity.Warning).ToList();
        await Task.WhenAll(
            rowWriter.WriteRowsAsync(load, [], result.Actions, result.Risks, cancellationToken),
            rowWriter.WriteValuesAsync(load, values, cancellationToken),
            queries.Count > 0 ? rowWriter.WriteQueriesAsync(load, queries, cancellationToken) : Task.CompletedTask);

        // The original kept and the submission on record (naming no load yet) before the pointer can name this
        // load: a run that stops after its switch is finished by a retry only while the upload still holds this
        // file, and an agency that replaces it first would otherwise leave a current return with neither. The
        // record is created only where none exists, and settles nothing (see IsSettledAsync); the final one
        // follows the switch.
        await files.ArchiveAsync(upload, StoredName(submission), cancellationToken);
        await records.TrySaveAsync(submission, cancellationToken);

        var (standingLoad, supersedes) = await loads.SwitchAsync(submission, load, arrival, cancellationToken);

        // Taken after the switch, so a compile that read before it sees a later change and runs again.
        var isCurrent = standingLoad is not null;
        var changed = submission with
        {
            Supersedes = supersedes,
            LoadId = standingLoad,
            ProcessedAt = time.GetUtcNow()
        };
        var recorded = await RecordAsync(changed, result.Report, isCurrent, partnership, cancellationToken);
        var outcome = !isCurrent ? IngestResult.AcceptedButSuperseded
            : result.Report.Status == ReturnStatus.Accepted ? IngestResult.Accepted
            : IngestResult.AcceptedWithWarnings;
        return (outcome, recorded);
    }

    /// <summary>
    /// Writes the feedback and then the record, by a conditional write on the record's ETag: a record
    /// another run saved meanwhile is read again, and one naming the load that is current now is never
    /// replaced by this run's (a slow earlier run of the same content). Returns the record that stands.
    /// </summary>
    private async Task<Submission> RecordAsync(
        Submission submission,
        ValidationReport report,
        bool isCurrent,
        Partnership partnership,
        CancellationToken cancellationToken)
    {
        var feedbackWritten = false;
        for (var attempt = 1; ; attempt++)
        {
            var (period, agency, id) = (submission.Period, submission.Agency, submission.Id);
            var stored = await records.FindAsync(period, agency, id, cancellationToken);
            if (stored is not null && await loads.StandsOverAsync(stored, submission, cancellationToken))
            {
                IngestLog.RecordKept(logger, submission.Id, submission.Agency, submission.Period.Key, stored.LoadId);
                return stored;
            }

            if (!feedbackWritten)
            {
                await WriteFeedbackAsync(submission, report, isCurrent, partnership, cancellationToken);
                feedbackWritten = true;
            }

            // Recorded last: a run that stops before this point is redone in full by the retry.
            if (await records.TrySaveAsync(submission with { Version = stored?.Version }, cancellationToken))
            {
                break;
            }

            if (attempt >= options.Value.SwitchAttempts)
            {
                throw new InvalidOperationException(
                    $"The record of submission {submission.Id} of {submission.Agency} for {submission.Period} kept "
                    + $"changing during {attempt} attempts to save it; the run will be retried.");
            }
        }

        if (submission.Period != default)
        {
            // Every compile that reads this quarter is stale now, not only the quarter's own.
            await Task.WhenAll(Compilation.Compiler.PeriodsReading(submission.Period)
                .Select(p => watermarks.MarkChangedAsync(p, submission.ProcessedAt, cancellationToken)));
        }

        return submission;
    }

    private async Task WriteFeedbackAsync(
        Submission submission,
        ValidationReport report,
        bool isCurrent,
        Partnership partnership,
        CancellationToken cancellationToken)
    {
        var fileName = FileNameOf(submission.BlobName);
        var json = Feedback.Json(submission, report, fileName, isCurrent);
        var html = Feedback.Html(submission, report, fileName, partnership.Name, isCurrent);
        var writes = new List<Task>
        {
            files.WriteFeedbackAsync(
                submission.FeedbackPath + ".json",
                "application/json; charset=utf-8",
                json,
                cancellationToken),
            files.WriteFeedbackAsync(
                submission.FeedbackPath + ".html",
                "text/html; charset=utf-8",
                html,
                cancellationToken),
        };
        if (submission.Period != default && submission.Agency != Unattributed)
        {
            // Also under the upload's own name, where the upload credential can read it.
            var byUpload = UploadPath.FeedbackFor(submission.Agency, submission.Period, fileName);
            writes.Add(files.WriteFeedbackAsync(
                byUpload + ".json",
                "application/json; charset=utf-8",
                json,
                cancellationToken));
            writes.Add(
                files.WriteFeedbackAsync(byUpload + ".html", "text/html; charset=utf-8", html, cancellationToken));
        }

        await Task.WhenAll(writes);
    }

    /// <summary>
    /// The steps after recording, each safe to repeat: keep the original (unless <paramref name="archived"/>
    /// already, before the switch), remove the upload, clear dead loads.
    /// </summary>
    private async Task FinishAsync(
        Submission submission,
        UploadedFile upload,
        CancellationToken cancellationToken,
        bool archived = false)
    {
        var storedName = StoredName(submission);
        if (submission.Status == ReturnStatus.Rejected)
        {
            await files.QuarantineAsync(upload, storedName, cancellationToken);
        }
        else if (!archived)
        {
            await files.ArchiveAsync(upload, storedName, cancellationToken);
        }

        await files.DeleteUploadAsync(upload.Name, upload.Version, cancellationToken);
        if (submission.Period == default || submission.Agency == Unattributed)
        {
            return;
        }

        // Only loads that are provably dead (superseded by the pointer, or discarded) lose their rows;
        // a load another run is writing, or the current one, is never touched.
        await cleanup.ClearDeadAsync(submission.Period, submission.Agency, cancellationToken);
    }

    private static string Describe(IngestResult outcome, Submission submission) => outcome switch
    {
        IngestResult.Accepted =>
            $"Accepted as submission {submission.Id}: {Observations(submission.Rows)} stored.",
        IngestResult.AcceptedWithWarnings =>
            $"Accepted with {Counted.Of(submission.Warnings, "query", "queries")} as submission {submission.Id}: "
            + $"{Observations(submission.Rows)} stored.",
        IngestResult.AcceptedButSuperseded =>
            $"Accepted as submission {submission.Id}, "
            + $"but a later upload for {submission.Period} is current and stands.",
        _ => $"Refused with {Counted.Of(submission.Errors, "error", "errors")}; "
            + "the previous submission, if any, stays current.",
    };

    private static string Observations(int rows) => Counted.Of(rows, "observation", "observations");

    /// <summary>
    /// The name the file is read under: the upload's, with the type of the file the uploader chose where
    /// that differs (a csv chosen on a page whose link names return.xlsx). Only the type is taken from the
    /// chosen name; whose return it is and for which quarter still come from the path and the Cover.
    /// </summary>
    private static string ReadAs(string uploadName, string? chosen)
    {
        var type = Path.GetExtension(chosen ?? string.Empty).ToLowerInvariant();
        return type is ".csv" or ".xlsx" or ".xls" && !uploadName.EndsWith(type, StringComparison.OrdinalIgnoreCase)
            ? Path.ChangeExtension(uploadName, type)
            : uploadName;
    }

    private const string Unattributed = "_unattributed";

    /// <summary>The original's name in the archive or quarantine container.</summary>
    private static string StoredName(Submission submission) =>
        submission.StoredAt[(submission.StoredAt.IndexOf('/', StringComparison.Ordinal) + 1)..];

    private static string FileNameOf(string blobName) => blobName[(blobName.LastIndexOf('/') + 1)..];

    // Path segments come from whoever uploaded the file; keep them to characters safe in keys and names.
    private static string Sanitize(string segment)
    {
        var clean = new string(segment.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').ToArray());
        return clean.Length == 0 ? Unattributed : clean;
    }

    private static string Unread(UploadedFile upload) =>
        Convert.ToHexStringLower(SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{upload.Name}|{upload.Length}|{upload.Version}")));
}
