using System.Diagnostics;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Bench;

/// <summary>
/// Disclosure benchmark: the compile benchmark's partnership and figures, held in memory (no storage) and packed as
/// the reader packs them, compiled; then two releases of the quarter planned as a compile plans them, each family's
/// decisions spooled to a temporary file: the first with nothing before it, the second reading the first's decisions
/// as a compile reads an earlier release's, as they stream in, into a file it reads a family at a time. For each: the
/// plan's time, the managed heap's peak growth while it is made (the earlier decisions read included) and what it
/// allocates, the indicators it fell back on, and the process's peak working set once it is made. Then the four
/// reports, streamed as a release writes them, and how many csv cells are small and how many the plan hides.
/// Numerators run from 0 to <c>--below</c> − 1, so a low value makes nearly every cell small, the plan's
/// hardest case.
/// </summary>
internal static class DisclosureBenchmark
{
    public static void Run(int agencies, int indicators, int localities, int below)
    {
        var partnership = PartnershipReader.Parse(CompileBenchmark.PartnershipJson(agencies, indicators, localities));
        var random = new Random(11);
        var data = Compiler.PeriodsNeeded(CompileBenchmark.Period).ToDictionary(
            period => period,
            period => new PeriodData(
                period,
                PackedObservations.Pack(partnership.Agencies.SelectMany(
                    a => CompileBenchmark.Observations(partnership, a, period, random, below))),
                [],
                [],
                []));
        var publication = new PublicationOptions();

        var clock = Stopwatch.StartNew();
        var report = Compiler.Compile(partnership, CompileBenchmark.Period, data, [], DateTimeOffset.UnixEpoch);
        var compile = clock.Elapsed;
        data.Clear();
        Console.WriteLine(
            $"Disclosure benchmark: {agencies} agencies × {indicators} indicators × {localities} localities × " +
            $"{Compiler.SeriesLength} quarters = {report.Observations.Count:N0} observations, numerators 0 to " +
            $"{below - 1}");
        Console.WriteLine($"compile                                   : {compile.TotalSeconds,8:N2} s");

        var decisions = Path.GetTempFileName();
        DisclosurePlan first, second;
        try
        {
            first = Release(report, publication, 1, () => EarlierDecisions.None, decisions);
            // A compile reads an earlier release's decisions as they stream from the store, a family at a time.
            second = Release(
                report,
                publication,
                2,
                () => EarlierDecisions.SpoolAsync(
                        [_ => Task.FromResult<Stream>(File.OpenRead(decisions))],
                        CancellationToken.None)
                    .GetAwaiter()
                    .GetResult(),
                decisions);
        }
        finally
        {
            File.Delete(decisions);
        }

        clock.Restart();
        var written = 0L;
        using (var sink = new CountingSink())
        {
            var context = ReleaseContext.First(ReleaseStatus.Published);
            foreach (var file in ReportSet.Stream(report, partnership, first, context))
            {
                file.WriteAsync(sink, CancellationToken.None).GetAwaiter().GetResult();
            }

            written = sink.Length;
        }

        Console.WriteLine(
            $"all four reports, streamed                : {clock.Elapsed.TotalSeconds,8:N2} s ({written / 1e6:N1} MB)");
        var threshold = publication.SmallCountThreshold;
        var small = report.Observations.Count(o => SmallCounts.IsSmallFigure(
            o.Unit,
            o.Numerator,
            o.Denominator,
            threshold));
        var hidden = report.Observations.Count(first.Hides);
        var hiddenAgain = report.Observations.Count(second.Hides);
        Console.WriteLine(
            $"csv cells small / hidden                  : {small,8:N0} / {hidden:N0} " +
            $"({(hidden - small) * 100.0 / Math.Max(1, small):N1}% more for secondary suppression); " +
            $"release 2 hides {hiddenAgain:N0}");
        Console.WriteLine($"slowest indicator's plan alone            : {Slowest(report, publication)}");
    }

    /// <summary>
    /// Plans release <paramref name="number"/> after the releases <paramref name="earlier"/> reads (the reading timed
    /// with the plan), its decisions spooled as a release's are, then copied to <paramref name="decisions"/>; prints
    /// its figures, the peak working set taken before the copy.
    /// </summary>
    private static DisclosurePlan Release(
        ConsolidatedReturn report,
        PublicationOptions publication,
        int number,
        Func<EarlierDecisions> earlier,
        string decisions)
    {
        using var spool = new DecisionSpool(CompileBenchmark.Period.Key, number);
        DisclosurePlan? made = null;
        var planning = Measure.Once(() =>
        {
            using var before = earlier();
            made = DisclosurePlan.For(report, publication, TimeProvider.System, before, spool.Add);
            return report.Indicators.Count;
        });
        var plan = made!;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        using (var file = File.Create(decisions))
        {
            spool.CopyToAsync(file, CancellationToken.None).GetAwaiter().GetResult();
        }

        Console.WriteLine($"{$"release {number}: disclosure plan",-42}: {planning.Elapsed.TotalSeconds,8:N2} s, "
            + $"{planning.Elapsed.TotalSeconds / planning.Rows:N3} s an indicator; peak heap growth "
            + $"{planning.PeakHeapGrowth / 1e6:N1} MB, {planning.Allocated / 1e6:N1} MB allocated; decisions "
            + $"{new FileInfo(decisions).Length / 1e6:N1} MB");
        var fallbacks = plan.Fallbacks.GroupBy(f => f.Reason)
            .Select(g => $"{g.Count()} {g.Key} ({string.Join(' ', g.Select(f => f.Indicator).Take(5))})");
        Console.WriteLine(
            $"{$"release {number}: indicators that fell back",-42}: {plan.Fallbacks.Count,8:N0} "
            + string.Join("; ", fallbacks));
        Console.WriteLine($"{$"release {number}: peak working set so far",-42}: {peak / 1e6,8:N0} MB");
        return plan;
    }

    /// <summary>Each indicator planned on its own (a plan is made indicator by indicator): the slowest.</summary>
    private static string Slowest(ConsolidatedReturn report, PublicationOptions publication)
    {
        var (code, seconds) = report.Indicators
            .Select(result =>
            {
                var alone = report with
                {
                    Indicators = [result],
                    Observations = [.. report.ObservationsOf(result.Indicator.Code)],
                };
                var clock = Stopwatch.StartNew();
                DisclosurePlan.For(alone, publication);
                return (result.Indicator.Code, clock.Elapsed.TotalSeconds);
            })
            .MaxBy(x => x.TotalSeconds);
        return $"{seconds,8:N2} s ({code})";
    }
}
