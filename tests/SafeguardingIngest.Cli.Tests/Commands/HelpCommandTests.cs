namespace SafeguardingIngest.Cli.Tests.Commands;

public sealed class HelpCommandTests : IDisposable
{
    private readonly SgiRunner _sgi = new();

    public void Dispose() => _sgi.Dispose();

    [Fact]
    public async Task Help_NoCommand_ListsEveryCommand()
    {
        var (exit, output, _) = await SgiRunner.RunAsync("help");

        Assert.Equal(0, exit);
        foreach (var command in new[]
        {
            "validate",
            "template",
            "ingest",
            "submissions",
            "compile",
            "demo",
            "credential",
            "reprocess",
            "sweep"
        })
        {
            Assert.Contains(command, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_Command_ShowsThatCommandsOptions()
    {
        var (exit, output, _) = await SgiRunner.RunAsync("help", "compile");

        Assert.Equal(0, exit);
        Assert.Contains(" compile [options]", output, StringComparison.Ordinal);
        Assert.Contains("--force", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_UnknownCommand_SaysThereIsNoneAndExitsTwo()
    {
        var (exit, output, error) = await SgiRunner.RunAsync("help", "nosuch");

        Assert.Equal(2, exit);
        Assert.Contains("there is no command called 'nosuch'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Commands:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_AskedForItsOwnHelp_ListsEveryCommand()
    {
        var (exit, output, _) = await SgiRunner.RunAsync("help", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("validate", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallScript_ToolPath_GivesAnSgiCommandThatWorksFromAnyFolder()
    {
        // The repository's own script packs and installs the tool; then sgi runs from a folder of its own.
        var root = AzuriteServer.RepositoryRoot();
        var tools = _sgi.PathOf("tools");
        var install = await RunAsync(
            "bash",
            root,
            Path.Combine(root, "scripts", "install-sgi.sh"),
            "--tool-path",
            tools);
        Assert.True(install.Exit == 0, install.Output);

        var elsewhere = Directory.CreateDirectory(_sgi.PathOf("elsewhere")).FullName;
        File.Copy(
            Path.Combine(root, "samples", "returns", "CSC-2025-26-Q2.xlsx"),
            Path.Combine(elsewhere, "CSC-2025-26-Q2.xlsx"));
        var validated = await RunAsync(Path.Combine(tools, "sgi"), elsewhere, "validate", "CSC-2025-26-Q2.xlsx");

        Assert.True(validated.Exit == 0, validated.Output);
        Assert.Contains("Accepted: 0 errors", validated.Output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, string folder, params string[] args)
    {
        var (exit, output, error) = await ChildProcess.RunAsync(program, folder, args);
        return (exit, output + error);
    }
}
