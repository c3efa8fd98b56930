using System.Diagnostics;

namespace SafeguardingIngest.Bench;

/// <summary>
/// The process's working set, sampled on a thread of its own from when it is made until it is disposed, so that a
/// peak can be placed in a stage of the work (the kernel's peak says how high, not when).
/// </summary>
internal sealed class WorkingSetSampler : IDisposable
{
    private readonly List<(TimeSpan At, long Bytes)> _samples = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public WorkingSetSampler(TimeSpan every)
    {
        _thread = new Thread(() =>
        {
            while (!_stop.IsCancellationRequested)
            {
                lock (_samples)
                {
                    _samples.Add((_clock.Elapsed, Environment.WorkingSet));
                }

                Thread.Sleep(every);
            }
        }) { IsBackground = true };
        _thread.Start();
    }

    /// <summary>The highest sample before <paramref name="split"/> (from the start) and the highest after it.</summary>
    public (long Before, long After) PeaksAround(TimeSpan split)
    {
        lock (_samples)
        {
            return (
                _samples.Where(s => s.At < split).Select(s => s.Bytes).DefaultIfEmpty().Max(),
                _samples.Where(s => s.At >= split).Select(s => s.Bytes).DefaultIfEmpty().Max());
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }
}
