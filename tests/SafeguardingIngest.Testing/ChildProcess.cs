using System.Diagnostics;

namespace SafeguardingIngest.Testing;

/// <summary>Runs a program to its end, as a test drives a script or tool, and gives back what it printed.</summary>
public static class ChildProcess
{
    /// <summary>Runs <paramref name="program"/> in <paramref name="folder"/>, waiting at most five minutes.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(
        string program,
        string folder,
        params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await output, await error);
    }
}
