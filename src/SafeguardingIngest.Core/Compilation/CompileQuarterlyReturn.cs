using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Submissions;

namespace SafeguardingIngest.Compilation;

/// <summary>
/// What a compile produced: the release it wrote (its files and where they went), or, where nothing it
/// reads has changed since the quarter's latest release, that release and no files (<see cref="Unchanged"/>).
/// <see cref="Files"/> holds the files rendered whole; the csv and its metadata, written as they were produced,
/// are read from the store.
/// </summary>
public sealed record CompileOutcome(
    ReportingPeriod Period,
    ConsolidatedReturn Report,
    ReleaseManifest Release,
    IReadOnlyList<ReportFile> Files,
    IReadOnlyList<string> Written,
    TimeSpan ReadTime,
    TimeSpan CompileAndWriteTime)
{
    /// <summary>Whether the compile found its inputs as the latest release had them, and wrote nothing.</summary>
    public bool Unchanged => Files.Count == 0;
}

/// <summary>
/// The one code path that compiles the consolidated quarterly return, for every host: reads the
/// current submissions of the period and the seven quarters before it, compiles, and writes a release
/// (<see cref="ReleaseBuilder"/>): the page, the csv and its metadata to publish, the workbook and the JSON
/// for the team. Where nothing it reads has changed since the quarter's latest release, it writes nothing.
/// </summary>
public sealed partial class CompileQuarterlyReturn(
    ISubmissionRecords records,
    IPeriodReader reader,
    IPartnershipSource reference,
    IReleaseStore releases,
    ICompileWatermarks watermarks,
    IOptions<PublicationOptions> publication,
    Notifications.INotifier notifier,
    TimeProvider time,
    ILogger<CompileQuarterlyReturn> logger,
    IOptions<CompileOptions> compile)
{
    /// <summary>
    /// Compiles <paramref name="period"/> and writes its reports; <paramref name="notify"/> tells the performance team.
    /// </summary>
    public async Task<CompileOutcome> CompileAsync(
        ReportingPeriod period,
        CancellationToken cancellationToken,
        bool notify = true)
    {
        var clock = Stopwatch.StartNew();
        var partnership = await reference.GetAsync(cancellationToken);
        var periods = Compiler.PeriodsNeeded(period);
        var reads = periods.Select(p => reader.ReadPeriodAsync(p, cancellationToken)).ToList();
        var currents = periods.Select(p => records.ListCurrentAsync(p, cancellationToken)).ToList();
        var submissions = records.ListAsync(period, cancellationToken);
        var latest = releases.LatestAsync(period, cancellationToken);
        var data = (await Task.WhenAll(reads)).ToDictionary(d => d.Period);
        var read = (await Task.WhenAll(currents)).SelectMany(c => c).ToList();
        // The setting, where given, stands for the clock: the same returns then give the same reports.
        var compiledAt = compile.Value.Time ?? time.GetUtcNow();
        var today = UkTime.DateOf(compiledAt);
        var states = ReturnTracker.States(
            partnership,
            period,
            await submissions,
            [.. read.Where(c => c.Period == period)],
            today);
        var status = period.HasEnded(today) ? ReleaseStatus.Published : ReleaseStatus.Provisional;
        var inputs = read.Select(c => new ReleaseInput(c.Agency, c.Period.Key, c.SubmissionId, c.ReceivedAt))
            .OrderBy(i => i.Period, StringComparer.Ordinal).ThenBy(i => i.Agency, StringComparer.Ordinal).ToList();
        var digest = ReleaseBuilder.InputsDigest(
            partnership.Digest ?? string.Empty, publication.Value, status, inputs,
            states.Select(s => $"{s.Agency} {s.State}"));
        var readTime = clock.Elapsed;

        clock.Restart();
        var report = Compiler.Compile(partnership, period, data, states, compiledAt);
        // The figures as read are garbage once compiled (the report has them in a file), but this method's state would
        // keep them, and the tasks that read them, to its end: let them go before the plan and the writing.
        data.Clear();
        reads.Clear();
        var outstanding = states.Count(s => s.State is ReturnStateKind.Missing or ReturnStateKind.Refused);
        if (await latest is { } standing && standing.InputsDigest == digest)
        {
            Unchanged(logger, period.Key, standing.Number);
            return new CompileOutcome(period, report, standing, [], [], readTime, clock.Elapsed);
        }

        using var earlier = await EarlierDecisionsAsync(period, cancellationToken);
        var number = await releases.NextNumberAsync(period, cancellationToken);
        // The csv goes to the store a row at a time as it is written: the one output that grows with every figure.
        using var draft = ReleaseBuilder.BuildStreamed(
            new ReleaseRequest(report, partnership, publication.Value, status, number, earlier, inputs, digest),
            time);
        foreach (var fallback in draft.Fallbacks)
        {
            FellBack(logger, period.Key, fallback.Indicator, fallback.Reason);
        }

        if (partnership.Geography is null)
        {
            // Said once for the release, not per row: the csv is written all the same, for Power BI and Excel.
            NoGeography(logger, period.Key, number);
        }

        var written = await releases.WriteAsync(draft, cancellationToken);
        var compileTime = clock.Elapsed;
        var files = string.Join(", ", written.Locations);
        var manifest = written.Manifest;
        Compiled(
            logger,
            period.Key,
            number,
            manifest.Status,
            manifest.Revisions,
            report.Indicators.Count,
            report.Observations.Count,
            outstanding,
            (long)readTime.TotalMilliseconds,
            (long)compileTime.TotalMilliseconds,
            files);
        var outcome = new CompileOutcome(
            period, report, manifest, draft.Files, written.Locations, readTime, compileTime);
        if (notify)
        {
            await notifier.NotifyAsync(Notifications.Notifications.Compiled(outcome), cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// The decisions of every release, of any quarter, whose eight quarters overlap this one's: each may have
    /// published or hidden a figure this release shows again. Oldest first, each read as it streams from the store
    /// and kept a family at a time, so that no release's decisions are held whole.
    /// </summary>
    private async Task<EarlierDecisions> EarlierDecisionsAsync(
        ReportingPeriod period,
        CancellationToken cancellationToken)
    {
        // Only the quarters whose releases can share a figure with this one: its own eight and the seven after.
        var window = new List<ReportingPeriod>(Compiler.PeriodsNeeded(period));
        for (var q = 0; q < 7; q++)
        {
            window.Add(window[^1].Next());
        }

        var listed = await Task.WhenAll(window.Select(p => releases.ListAsync(p, cancellationToken)));
        var overlapping = listed.SelectMany(r => r)
            .OrderBy(r => r.CompiledAt).ThenBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Number)
            .ToList();
        return await EarlierDecisions.SpoolAsync(
            overlapping.Select(
                r => (Func<CancellationToken, Task<Stream>>)(token => releases.OpenDecisionsAsync(r, token))),
            cancellationToken);
    }

    /// <summary>
    /// The scheduled run: the current reporting period (the last quarter that is over, in UK time), and every period
    /// whose
    /// submissions changed since its last compile. The watermark is read before compiling, so a change
    /// that lands during a compile is picked up by the next run.
    /// </summary>
    public async Task<IReadOnlyList<CompileOutcome>> RunScheduledAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var currentPeriod = ReportingPeriod.LastEndedBefore(UkTime.DateOf(now));
        var pending = await watermarks.PendingAsync(cancellationToken);
        // A quarter not yet over stays pending (an ingest marks the seven after its own) until it is.
        var work = pending
            .Where(p => p.Period <= currentPeriod)
            .ToDictionary(p => p.Period, p => (DateTimeOffset?)p.Changed);
        work.TryAdd(currentPeriod, null);
        var periods = string.Join(", ", work.Keys.Order().Select(p => p.Key));
        Scheduled(logger, currentPeriod.Key, periods);
        var outcomes = new List<CompileOutcome>();
        foreach (var (period, changed) in work.OrderBy(w => w.Key))
        {
            // The routine daily compile of an unchanged quarter is not news, and writes no release; a compile with
            // changes is.
            outcomes.Add(await CompileAsync(period, cancellationToken, notify: changed is not null));
            await watermarks.MarkCompiledAsync(period, changed, time.GetUtcNow(), cancellationToken);
        }

        // The run on the day after the due date tells the team which returns are still outstanding.
        var current = outcomes.Single(o => o.Period == currentPeriod);
        var today = UkTime.DateOf(now);
        var due = current.Report.Submissions.Count > 0 ? current.Report.Submissions[0].DueDate : (DateOnly?)null;
        var outstanding = current.Report.Submissions
            .Where(s => s.State is ReturnStateKind.Missing or ReturnStateKind.Refused)
            .ToList();
        if (due is { } dueDate && today == dueDate.AddDays(1) && outstanding.Count > 0)
        {
            await notifier.NotifyAsync(
                Notifications.Notifications.Overdue(currentPeriod, dueDate, outstanding),
                cancellationToken);
        }

        return outcomes;
    }

    [LoggerMessage(
        EventId = 3000,
        Level = LogLevel.Information,
        Message = "Compiled {Period} release {Release} ({Status}, {Revisions} figures revised): {Indicators} " +
            "indicators from {Observations} observations, {Outstanding} returns missing or refused; read in {ReadMs} " +
            "ms, compiled and written in {CompileMs} ms: {Written}")]
    private static partial void Compiled(
        ILogger logger,
        string period,
        int release,
        ReleaseStatus status,
        int revisions,
        int indicators,
        int observations,
        int outstanding,
        long readMs,
        long compileMs,
        string written);

    [LoggerMessage(
        EventId = 3002,
        Level = LogLevel.Information,
        Message = "Compiled {Period}: nothing it reads has changed since release {Release}, so no release was written")]
    private static partial void Unchanged(ILogger logger, string period, int release);

    [LoggerMessage(
        EventId = 3001,
        Level = LogLevel.Information,
        Message = "Scheduled compile: current period {Current}; compiling {Periods}")]
    private static partial void Scheduled(ILogger logger, string current, string periods);

    [LoggerMessage(
        EventId = 3100,
        Level = LogLevel.Warning,
        Message = "Compiling {Period}: the disclosure audit of {Indicator} could not pass ({Reason}); "
            + "the page and csv hide its whole breakdown")]
    private static partial void FellBack(ILogger logger, string period, string indicator, FallbackReason reason);

    [LoggerMessage(
        EventId = 3101,
        Level = LogLevel.Warning,
        Message = "Compiling {Period} release {Release}: the reference data declares no geography, so the csv's "
            + "country, region and local authority codes are empty, and it will not pass the explore education "
            + "statistics screener until the reference data declares one (docs/reference-data.md, Geography)")]
    private static partial void NoGeography(ILogger logger, string period, int release);
}
