namespace SafeguardingIngest.Cli.Tests.Commands;

public sealed class CatalogueCommandTests : IDisposable
{
    private readonly SgiRunner _sgi = new();

    private string Catalogue()
    {
        var path = _sgi.PathOf("partnership.json");
        File.WriteAllText(path, SafeguardingIngest.Testing.ThreeYearCatalogue.Json);
        return path;
    }

    [Fact]
    public async Task Diff_BetweenTwoYears_PrintsWhatStartsStopsAndBreaks()
    {
        var (exit, output, _) = await SgiRunner.RunAsync(
            "catalogue",
            "diff",
            "2025-26",
            "2026-27",
            "--reference",
            Catalogue());

        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "From 2025-26 to 2026-27: 3 changes",
                "  indicator OLD stops: until 2025-26",
                "  indicator NEW starts: from 2026-27",
                "  CPP breaks its series in 2026-27: Counted at quarter end from 2026-27; before, on the last " +
                "working day",
            ],
            output.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public async Task Diff_FromAndToQuarters_PrintsTheAgencyReplacedAtQ2()
    {
        var (exit, output, _) = await SgiRunner.RunAsync(
            "catalogue",
            "diff",
            "--from",
            "2025-26 Q1",
            "--to",
            "2025-26 Q2",
            "--reference",
            Catalogue());

        Assert.Equal(0, exit);
        Assert.Contains("agency CCG stops: until 2025-26 Q1", output, StringComparison.Ordinal);
        Assert.Contains("agency ICB starts: from 2025-26 Q2", output, StringComparison.Ordinal);
        Assert.DoesNotContain("EFD", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ValidFile_PrintsEachYearsIndicatorsAndAgencies()
    {
        var (exit, output, _) = await SgiRunner.RunAsync("catalogue", "check", "--reference", Catalogue());

        Assert.Equal(0, exit);
        Assert.Contains("2025-26:" + Environment.NewLine + "  indicators: REF, OLD, CPP, HEA" + Environment.NewLine +
            "  agencies: CSC, POL, CCG (until 2025-26 Q1), ICB (from 2025-26 Q2)", output, StringComparison.Ordinal);
        Assert.Contains(
            "2026-27:" + Environment.NewLine + "  indicators: REF, NEW, CPP, HEA",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BrokenFile_IsRefusedWithThePath()
    {
        var path = Catalogue();
        File.WriteAllText(
            path,
            File.ReadAllText(path).Replace(
                "\"until\": \"2025-26\"",
                "\"until\": \"2025-27\"",
                StringComparison.Ordinal));

        var (exit, _, error) = await SgiRunner.RunAsync("catalogue", "check", "--reference", path);

        Assert.Equal(2, exit);
        Assert.Contains("$.indicators[1].until", error, StringComparison.Ordinal);
    }

    public void Dispose() => _sgi.Dispose();
}
