namespace SafeguardingIngest.Cli.Tests;

public sealed class SgiAppTests
{
    [Fact]
    public async Task Run_UnknownOptionBeforeAValue_NamesTheOptionAndTheCommand()
    {
        var (exit, _, error) = await SgiRunner.RunAsync("validate", "--bogus", "x");

        Assert.Equal(2, exit);
        Assert.Contains("'--bogus' is not an option of 'sgi validate'.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("'x'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownOptionAlone_IsNotTakenForTheFile()
    {
        var (exit, _, error) = await SgiRunner.RunAsync("validate", "--bogus");

        Assert.Equal(2, exit);
        Assert.Contains("'--bogus' is not an option of 'sgi validate'.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("File not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownOptionOfTheRoot_NamesItAndSgi()
    {
        var (exit, _, error) = await SgiRunner.RunAsync("--bogus");

        Assert.Equal(2, exit);
        Assert.Contains("'--bogus' is not an option of 'sgi'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FileNamedLikeAnOptionAfterDoubleDash_IsTakenAsTheFile()
    {
        var (exit, _, error) = await SgiRunner.RunAsync("validate", "--", "-odd.xlsx");

        Assert.Equal(2, exit);
        Assert.Contains("File not found", error, StringComparison.Ordinal);
        Assert.Contains("-odd.xlsx", error, StringComparison.Ordinal);
    }
}
