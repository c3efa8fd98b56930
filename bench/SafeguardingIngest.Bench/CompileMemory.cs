using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Bench;

/// <summary>
/// Where a compile's memory goes, stage by stage, with the figures held in memory (no storage): the managed heap
/// after a full collection once the figures are held, compiled, planned (the decisions spooled as a release's are),
/// the csv written, the other reports and the decisions; and the process's peak working set so far at each.
/// </summary>
internal static class CompileMemory
{
    public static void Run(int agencies, int indicators, int localities)
    {
        var partnership = PartnershipReader.Parse(CompileBenchmark.PartnershipJson(agencies, indicators, localities));
        var random = new Random(11);
        // The collector's settings as the runtime took them: what the figures below were measured under.
        Console.WriteLine(
            $"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, "
            + $"{System.Runtime.GCSettings.LatencyMode}, "
            + $"conserve memory {AppContext.GetData("System.GC.ConserveMemory") ?? 0}");
        Print("catalogue");
        var data = Compiler.PeriodsNeeded(CompileBenchmark.Period).ToDictionary(
            period => period,
            period => new PeriodData(
                period,
                // Packed as the reader packs what it reads, an agency's load at a time.
                PackedObservations.Pack(partnership.Agencies.SelectMany(
                    a => CompileBenchmark.Observations(partnership, a, period, random, 60))),
                [],
                [],
                []));
        Print("observations held");
        var report = Compiler.Compile(partnership, CompileBenchmark.Period, data, [], DateTimeOffset.UnixEpoch);
        // As a compile does: the figures as read go once compiled, the report holding them packed.
        data.Clear();
        Print("compiled");
        // As a release is built: each family's decisions go to the spool (a temporary file) as the plan makes them.
        using var spool = new DecisionSpool(CompileBenchmark.Period.Key, 1);
        var plan = DisclosurePlan.For(report, new PublicationOptions(), TimeProvider.System, [], spool.Add);
        Print("plan, decisions spooled");
        var context = ReleaseContext.First(ReleaseStatus.Published);
        using (var csv = new CountingSink())
        {
            CsvReport.WriteAsync(report, partnership, plan, context, csv, CancellationToken.None)
                .GetAwaiter()
                .GetResult();
            Print($"csv written, {csv.Length / 1e6:N0} MB");
        }

        var page = HtmlReport.Render(report, plan, context);
        var book = XlsxReport.Render(report, context);
        using (var json = new CountingSink())
        {
            // Written as a release writes it, as it is made.
            JsonReport.WriteAsync(report, context, json, CancellationToken.None).GetAwaiter().GetResult();
            Print($"page {page.Length / 1e6:N1} book {book.Length / 1e6:N1} json {json.Length / 1e6:N1} MB");
        }
        using (var decisions = new CountingSink())
        {
            spool.CopyToAsync(decisions, CancellationToken.None).GetAwaiter().GetResult();
            var figures = plan.FiguresShown + plan.FiguresHidden;
            Print($"decisions written, {decisions.Length / 1e6:N0} MB, {figures:N0} whole figures");
        }
    }

    private static void Print(string stage)
    {
        var heap = GC.GetTotalMemory(true);
        var process = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine(
            $"{stage,-40}: heap {heap / 1e6,8:N0} MB, peak working set {process.PeakWorkingSet64 / 1e6,8:N0} MB");
    }
}
