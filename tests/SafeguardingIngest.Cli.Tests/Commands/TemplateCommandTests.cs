namespace SafeguardingIngest.Cli.Tests.Commands;

public sealed class TemplateCommandTests : IDisposable
{
    private readonly SgiRunner _sgi = new();

    public void Dispose() => _sgi.Dispose();

    [Fact]
    public async Task Template_ThenFillThenValidate_IsAccepted()
    {
        var path = _sgi.PathOf("csc.xlsx");

        var (exit, output, _) = await SgiRunner.RunAsync(
            "template",
            "--agency",
            "CSC",
            "--period",
            "2025-26 Q2",
            "-o",
            path);

        Assert.Equal(0, exit);
        Assert.Contains("65 indicator rows", output, StringComparison.Ordinal);
        TemplateFiller.Fill(path);
        var (validated, json) = await SgiRunner.RunJsonAsync("validate", path);
        Assert.True(validated == 0, json.ToString());
        Assert.Equal(65, json.GetProperty("observations").GetInt32());
        Assert.Equal("CSC", json.GetProperty("agency").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Template_OutputIsAFolder_WritesTheTemplatesOwnNameInIt(bool exists)
    {
        var folder = _sgi.PathOf(exists ? "existing" : "new-folder");
        if (exists)
        {
            Directory.CreateDirectory(folder);
        }

        var (exit, output, error) = await SgiRunner.RunAsync(
            "template",
            "--agency",
            "POL",
            "--period",
            "2025-26 Q2",
            "-o",
            exists ? folder : folder + Path.DirectorySeparatorChar);

        Assert.True(exit == 0, error);
        Assert.True(File.Exists(Path.Combine(folder, "POL-2025-26-Q2-return.xlsx")), output);
    }

    [Fact]
    public async Task Template_Unfilled_IsRejectedRowByRow()
    {
        var path = _sgi.PathOf("pol.xlsx");
        await SgiRunner.RunAsync("template", "--agency", "Staffordshire Police", "--period", "2025-26 Q2", "-o", path);

        var (exit, json) = await SgiRunner.RunJsonAsync("validate", path);

        Assert.Equal(1, exit);
        Assert.All(
            json.GetProperty("findings").EnumerateArray(),
            f => Assert.Equal("value-missing", f.GetProperty("code").GetString()));
        Assert.Equal(4, json.GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task Template_DefaultOutput_IsNamedForAgencyAndPeriod()
    {
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _sgi.Folder;
        try
        {
            var (exit, _, _) = await SgiRunner.RunAsync(
                "template",
                "--agency",
                "POL",
                "--period",
                "2025-26 Q3",
                "--reference",
                Path.Combine(AppContext.BaseDirectory, "samples", "partnership.json"));

            Assert.Equal(0, exit);
            Assert.True(File.Exists(_sgi.PathOf("POL-2025-26-Q3-return.xlsx")));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    [Fact]
    public async Task Template_UnknownAgency_ExitsTwoWithSuggestion()
    {
        var (exit, _, error) = await SgiRunner.RunAsync("template", "--agency", "POLL", "--period", "2025-26 Q2");

        Assert.Equal(2, exit);
        Assert.Contains("did you mean 'POL'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_MissingPeriod_ExitsTwo()
    {
        var (exit, _, _) = await SgiRunner.RunAsync("template", "--agency", "POL");

        Assert.Equal(2, exit);
    }
}
