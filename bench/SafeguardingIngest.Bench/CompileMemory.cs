using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Bench;

/// <summary>
/// Where a compile's memory goes, stage by stage, with the figures held in memory (no storage): the managed heap
/// after a full collection once the figures are held, compiled, planned, the csv built and written, the other
/// reports and the decisions; and the process's peak working set so far at each.
/// </summary>
internal static class CompileMemory
{
    public static void Run(int agencies, int indicators, int localities)
    {
        var partnership = PartnershipReader.Parse(CompileBenchmark.PartnershipJson(agencies, indicators, localities));
        var random = new Random(11);
        Print("catalogue");
        var data = Compiler.PeriodsNeeded(CompileBenchmark.Period).ToDictionary(
            period => period,
            period => new PeriodData(
                period,
                [
                    .. partnership.Agencies.SelectMany(
                        a => CompileBenchmark.Observations(partnership, a, period, random, 60)),
                ],
                [],
                [],
                []));
        Print("observations held");
        var report = Compiler.Compile(partnership, CompileBenchmark.Period, data, [], DateTimeOffset.UnixEpoch);
        Print("compiled");
        var plan = DisclosurePlan.For(report, new PublicationOptions());
        Print("plan");
        var context = ReleaseContext.First(ReleaseStatus.Published);
        var csv = CsvReport.Table(report, partnership, plan, context);
        Print("csv table");
        var bytes = csv.Write();
        Print($"csv bytes {bytes.Length / 1e6:N0} MB");
        var page = HtmlReport.Render(report, plan, context);
        var book = XlsxReport.Render(report, context);
        var json = JsonReport.Render(report, context);
        Print($"page {page.Length / 1e6:N1} book {book.Length / 1e6:N1} json {json.Length / 1e6:N1} MB");
        var decisions = ReleaseJson.Write(new ReleaseDecisions("x", 1, plan.Decisions));
        Print($"decisions json {decisions.Length / 1e6:N0} MB, {plan.Decisions.Sum(d => d.Figures.Count):N0} figures");
        GC.KeepAlive(data);
    }

    private static void Print(string stage)
    {
        var heap = GC.GetTotalMemory(true);
        var process = System.Diagnostics.Process.GetCurrentProcess();
        Console.WriteLine(
            $"{stage,-40}: heap {heap / 1e6,8:N0} MB, peak working set {process.PeakWorkingSet64 / 1e6,8:N0} MB");
    }
}
