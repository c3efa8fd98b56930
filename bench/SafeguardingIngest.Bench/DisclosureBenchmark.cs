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
/// low value makes nearly every cell small, the plan's hardest case.
/// </summary>
internal static class DisclosureBenchmark
{
    public static void Run(int agencies, int indicators, int localities, int below)
    {
        var partnership = PartnershipReader.Parse(CompileBenchmark.PartnershipJson(agencies, indicators, localities));
        var random = new Random(11);
        var data = Compiler.PeriodsNeeded(CompileBenchmark.Period).ToDictionary(
            period => period,
            period => new PeriodData(period, partnership.Agencies.SelectMany(a => CompileBenchmark.Observations(partnership, a, period, random, below)).ToList(), [], [], []));
        var publication = new PublicationOptions();

        var clock = Stopwatch.StartNew();
        var report = Compiler.Compile(partnership, CompileBenchmark.Period, data, [], DateTimeOffset.UnixEpoch);
        var compile = clock.Elapsed;
        clock.Restart();
        var plan = DisclosurePlan.For(report, publication);
        var planning = clock.Elapsed;
        clock.Restart();
        var files = ReportSet.Render(report, partnership, publication);
        var render = clock.Elapsed;

        var threshold = publication.SmallCountThreshold;
        var small = report.Observations.Count(o => SmallCounts.IsSmallFigure(o.Unit, o.Numerator, o.Denominator, threshold));
        var hidden = report.Observations.Count(plan.Hides);
        Console.WriteLine($"Disclosure benchmark: {agencies} agencies × {indicators} indicators × {localities} localities × {Compiler.SeriesLength} quarters = {report.Observations.Count:N0} observations, numerators 0 to {below - 1}");
        Console.WriteLine($"compile                                   : {compile.TotalSeconds,8:N2} s");
        Console.WriteLine($"disclosure plan                           : {planning.TotalSeconds,8:N2} s");
        Console.WriteLine($"all four reports (plan included)          : {render.TotalSeconds,8:N2} s ({files.Sum(f => f.Content.Length) / 1e6:N1} MB)");
        Console.WriteLine($"csv cells small / hidden                  : {small,8:N0} / {hidden:N0} ({(hidden - small) * 100.0 / Math.Max(1, small):N1}% more for secondary suppression)");
    }
}
