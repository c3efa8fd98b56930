using System.Text.Json;

namespace SafeguardingIngest.Cli.Tests;

/// <summary>Runs `sgi` in process with captured output, from a scratch folder of its own.</summary>
public sealed class SgiRunner : IDisposable
{
    public SgiRunner()
    {
        Folder = Directory.CreateTempSubdirectory("sgi-cli-").FullName;
    }

    public string Folder { get; }

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public string PathOf(string name) => Path.Combine(Folder, name);

    public static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SgiApp.RunAsync(args, CliConsole.Plain(output, error));
        return (exit, output.ToString(), error.ToString());
    }

    public static async Task<(int Exit, JsonElement Json)> RunJsonAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync([.. args, "--format", "json"]);
        Assert.True(output.Length > 0, error);
        using var document = JsonDocument.Parse(output);
        return (exit, document.RootElement.Clone());
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
