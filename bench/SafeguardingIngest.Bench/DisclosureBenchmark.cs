using System.Diagnostics;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Bench;

/// <summary>
/// Disclosure benchmark: the compile benchmark's partnership and figures, held in memory (no storage),
/// compiled, then the disclosure plan worked out and all four reports written, each timed; with how many
/// csv cells are small and how many the plan hides. Numerators run from 0 to <c>--below</c> − 1, so a
/// low value makes nearly every cell small, the plan's hardest case. The plan is one release's (one
/// compile's): its time, the managed heap's peak growth while it is made and what it allocates, the
/// indicators it fell back on, and the process's peak working set at the end.
/// </summary>
internal static class DisclosureBenchmark
{
    public static void Run(int agencies, int indicators, int localities, int below)
    {
        var partnership = PartnershipReader.Parse(CompileBenchmark.PartnershipJson(agencies, indicators, localities));
        var random = new Random(11);
        var data = Compiler.PeriodsNeeded(CompileBenchmark.Period).ToDictionary(
            period => period,
            period =>
                new PeriodData(
                    period,
                    partnership.Agencies
                        .SelectMany(a => CompileBenchmark.Observations(partnership, a, period, random, below))
                        .ToList(),
                    [],
                    [],
                    []));
        var publication = new PublicationOptions();

        var clock = Stopwatch.StartNew();
        var report = Compiler.Compile(partnership, CompileBenchmark.Period, data, [], DateTimeOffset.UnixEpoch);
        var compile = clock.Elapsed;
        DisclosurePlan? made = null;
        var planning = Measure.Once(() =>
        {
            made = DisclosurePlan.For(report, publication);
            return report.Indicators.Count;
        });
        var plan = made!;
        clock.Restart();
        var files = ReportSet.Render(report, partnership, publication);
        var render = clock.Elapsed;

        var threshold = publication.SmallCountThreshold;
        var small = report.Observations.Count(o => SmallCounts.IsSmallFigure(
            o.Unit,
            o.Numerator,
            o.Denominator,
            threshold));
        var hidden = report.Observations.Count(plan.Hides);
        Console.WriteLine(
            $"Disclosure benchmark: {agencies} agencies × {indicators} indicators × {localities} localities × " +
            $"{Compiler.SeriesLength} quarters = {report.Observations.Count:N0} observations, numerators 0 to " +
            $"{below - 1}");
        Console.WriteLine($"compile                                   : {compile.TotalSeconds,8:N2} s");
        Console.WriteLine($"disclosure plan (one release)             : {planning.Elapsed.TotalSeconds,8:N2} s, "
            + $"{planning.Elapsed.TotalSeconds / planning.Rows:N3} s an indicator; peak heap growth "
            + $"{planning.PeakHeapGrowth / 1e6:N1} MB, {planning.Allocated / 1e6:N1} MB allocated");
        var fallbacks = plan.Fallbacks.GroupBy(f => f.Reason)
            .Select(g => $"{g.Count()} {g.Key} ({string.Join(' ', g.Select(f => f.Indicator).Take(5))})");
        Console.WriteLine(
            $"indicators whose plan fell back           : {plan.Fallbacks.Count,8:N0} {string.Join("; ", fallbacks)}");
        Console.WriteLine(
            $"all four reports (plan included)          : {render.TotalSeconds,8:N2} s " +
            $"({files.Sum(f => f.Content.Length) / 1e6:N1} MB)");
        Console.WriteLine(
            $"csv cells small / hidden                  : {small,8:N0} / {hidden:N0} " +
            $"({(hidden - small) * 100.0 / Math.Max(1, small):N1}% more for secondary suppression)");
        Console.WriteLine($"slowest indicator's plan alone            : {Slowest(report, publication)}");
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"peak working set of the process           : {peak / 1e6,8:N0} MB");
    }

    /// <summary>Each indicator planned on its own (a plan is made indicator by indicator): the slowest.</summary>
    private static string Slowest(ConsolidatedReturn report, PublicationOptions publication)
    {
        var observations = report.Observations.ToLookup(o => o.Indicator, StringComparer.Ordinal);
        var (code, seconds) = report.Indicators
            .Select(result =>
            {
                var alone = report with
                {
                    Indicators = [result],
                    Observations = [.. observations[result.Indicator.Code]],
                };
                var clock = Stopwatch.StartNew();
                DisclosurePlan.For(alone, publication);
                return (result.Indicator.Code, clock.Elapsed.TotalSeconds);
            })
            .MaxBy(x => x.TotalSeconds);
        return $"{seconds,8:N2} s ({code})";
    }
}
