using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SafeguardingIngest.Bench;

/// <summary>
/// What a benchmark's figures were measured on, printed before them so that a run can be compared with
/// another: the date, the machine, the runtime and the commit of the code measured.
/// </summary>
internal static class BenchMachine
{
    public static void Print(string benchmark)
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        Console.WriteLine($"{benchmark}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine(
            $"machine: {Environment.ProcessorCount} cores ({Processor()}), {memory:N0} GiB, "
            + RuntimeInformation.OSDescription);
        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}; commit {Commit()}");
    }

    private static string Processor()
    {
        const string CpuInfo = "/proc/cpuinfo";
        var model = File.Exists(CpuInfo)
            ? File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            : null;
        return model?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>The checkout's commit, marked where files differ from it; "unknown" outside a git checkout.</summary>
    private static string Commit()
    {
        var head = Git("rev-parse --short=12 HEAD");
        if (head is null)
        {
            return "unknown";
        }

        var changed = !string.IsNullOrEmpty(Git("status --porcelain --untracked-files=no"));
        return changed ? head + " with local changes" : head;
    }

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
