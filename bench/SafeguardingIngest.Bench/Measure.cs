using System.Diagnostics;

namespace SafeguardingIngest.Bench;

/// <summary>
/// One timed run: rows read, wall time, the process's processor time, bytes allocated on the running thread, and
/// peak managed heap growth. Processor time is the steadier figure on a shared machine: waiting for a core is not
/// counted in it.
/// </summary>
internal readonly record struct Run(int Rows, TimeSpan Elapsed, TimeSpan Processor, long Allocated, long PeakHeapGrowth)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    public double RowsPerProcessorSecond => Rows / Processor.TotalSeconds;
}

internal static class Measure
{
    /// <summary>
    /// Runs <paramref name="work"/> once after a full collection, sampling the managed heap every millisecond for its
    /// peak.
    /// </summary>
    public static Run Once(Func<int> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(false);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = GC.GetTotalMemory(false);
                if (now > Interlocked.Read(ref peak))
                {
                    Interlocked.Exchange(ref peak, now);
                }

                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        sampler.Start();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        using var process = Process.GetCurrentProcess();
        var processor = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var rows = work();
        clock.Stop();
        process.Refresh();
        processor = process.TotalProcessorTime - processor;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        stop.Cancel();
        sampler.Join();
        return new Run(rows, clock.Elapsed, processor, allocated, Math.Max(0, Interlocked.Read(ref peak) - baseline));
    }

    /// <summary>
    /// "median (min to max)" of <paramref name="values"/>, each shown with <paramref name="format"/>.
    /// </summary>
    public static string Spread(IEnumerable<double> values, string format)
    {
        var sorted = values.Order().ToList();
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return $"{Median(sorted).ToString(format, culture)} "
            + $"({sorted[0].ToString(format, culture)} to {sorted[^1].ToString(format, culture)})";
    }

    public static T Median<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
