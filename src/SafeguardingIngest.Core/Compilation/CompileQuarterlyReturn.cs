using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Submissions;

namespace SafeguardingIngest.Compilation;

/// <summary>What a compile produced.</summary>
public sealed record CompileOutcome(ReportingPeriod Period, ConsolidatedReturn Report, IReadOnlyList<string> Written, TimeSpan ReadTime, TimeSpan CompileAndWriteTime);

/// <summary>
/// The one code path that compiles the consolidated quarterly return, for every host: reads the
/// current submissions of the period and the seven quarters before it, compiles, and writes the
/// workbook, the page, the csv and the JSON to reports/{period}/. Running it again gives the same
/// reports for the same submissions.
/// </summary>
public sealed partial class CompileQuarterlyReturn(
    ISubmissionRecords records,
    IPeriodReader reader,
    IPartnershipSource reference,
    IReportStore reports,
    ICompileWatermarks watermarks,
    IOptions<PublicationOptions> publication,
    Notifications.INotifier notifier,
    TimeProvider time,
    ILogger<CompileQuarterlyReturn> logger)
{
    /// <summary>Compiles <paramref name="period"/> and writes its reports; <paramref name="notify"/> tells the performance team.</summary>
    public async Task<CompileOutcome> CompileAsync(ReportingPeriod period, CancellationToken cancellationToken, bool notify = true)
    {
        var clock = Stopwatch.StartNew();
        var partnership = await reference.GetAsync(cancellationToken);
        var periods = Compiler.PeriodsNeeded(period);
        var reads = periods.Select(p => reader.ReadPeriodAsync(p, cancellationToken)).ToList();
        var submissions = records.ListAsync(period, cancellationToken);
        var current = records.ListCurrentAsync(period, cancellationToken);
        var data = (await Task.WhenAll(reads)).ToDictionary(d => d.Period);
        var states = ReturnTracker.States(partnership, period, await submissions, await current, UkTime.Today(time));
        var readTime = clock.Elapsed;

        clock.Restart();
        var report = Compiler.Compile(partnership, period, data, states, time.GetUtcNow());
        var written = new List<string>();
        foreach (var file in ReportSet.Render(report, partnership, publication.Value))
        {
            written.Add(await reports.WriteAsync(period, file, cancellationToken));
        }

        var compileTime = clock.Elapsed;
        var outstanding = states.Count(s => s.State is ReturnStateKind.Missing or ReturnStateKind.Refused);
        var files = string.Join(", ", written);
        Compiled(logger, period.Key, report.Indicators.Count, report.Observations.Count, outstanding, (long)readTime.TotalMilliseconds, (long)compileTime.TotalMilliseconds, files);
        var outcome = new CompileOutcome(period, report, written, readTime, compileTime);
        if (notify)
        {
            await notifier.NotifyAsync(Notifications.Notifications.Compiled(outcome), cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// The scheduled run: the current reporting period (the last quarter that is over, in UK time), and every period whose
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
            // The routine daily compile of an unchanged quarter is not news; a compile with changes is.
            outcomes.Add(await CompileAsync(period, cancellationToken, notify: changed is not null));
            await watermarks.MarkCompiledAsync(period, changed, time.GetUtcNow(), cancellationToken);
        }

        // The run on the day after the due date tells the team which returns are still outstanding.
        var current = outcomes.Single(o => o.Period == currentPeriod);
        var today = UkTime.DateOf(now);
        var due = current.Report.Submissions.Count > 0 ? current.Report.Submissions[0].DueDate : (DateOnly?)null;
        var outstanding = current.Report.Submissions.Where(s => s.State is ReturnStateKind.Missing or ReturnStateKind.Refused).ToList();
        if (due is { } dueDate && today == dueDate.AddDays(1) && outstanding.Count > 0)
        {
            await notifier.NotifyAsync(Notifications.Notifications.Overdue(currentPeriod, dueDate, outstanding), cancellationToken);
        }

        return outcomes;
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Compiled {Period}: {Indicators} indicators from {Observations} observations, {Outstanding} returns missing or refused; read in {ReadMs} ms, compiled and written in {CompileMs} ms: {Written}")]
    private static partial void Compiled(ILogger logger, string period, int indicators, int observations, int outstanding, long readMs, long compileMs, string written);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Scheduled compile: current period {Current}; compiling {Periods}")]
    private static partial void Scheduled(ILogger logger, string current, string periods);
}
