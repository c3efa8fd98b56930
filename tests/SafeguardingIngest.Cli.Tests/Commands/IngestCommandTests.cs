namespace SafeguardingIngest.Cli.Tests.Commands;

[Collection(AzuriteCollection.Name)]
public sealed class IngestCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Ingest_GoodThenBadReturn_ReportsEachAndSubmissionsShowsTheState()
    {
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };

        var good = await SgiRunner.RunAsync(
            [
                "ingest",
                SgiRunner.TestData("csc-good-libreoffice.xlsx"),
                "--agency",
                "csc",
                "--period",
                "2025-26 Q2",
                .. storage]);
        var bad = await SgiRunner.RunAsync(
            [
                "ingest",
                SgiRunner.TestData("edu-formula-errors-libreoffice.xls"),
                "--agency",
                "EDU",
                "--period",
                "2025-26-Q2",
                .. storage]);
        var (listed, json) = await SgiRunner.RunJsonAsync(["submissions", "--period", "2025-26 Q2", .. storage]);

        Assert.Equal(0, good.Exit);
        Assert.Contains("Accepted as submission", good.Out, StringComparison.Ordinal);
        Assert.Contains("feedback/CSC/2025-26-Q2/", good.Out, StringComparison.Ordinal);
        Assert.Equal(1, bad.Exit);
        Assert.Contains("Indicators!E3", bad.Out, StringComparison.Ordinal);

        // The cell is named once, in its column, and the verdict word once.
        Assert.DoesNotContain("E3: the cell", bad.Out, StringComparison.Ordinal);
        Assert.Contains("the cell shows #DIV/0!", bad.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Accepted: Accepted", good.Out, StringComparison.Ordinal);
        Assert.Equal(0, listed);
        var states = json
            .GetProperty("agencies")
            .EnumerateArray()
            .ToDictionary(a => a.GetProperty("agency").GetString()!, a => a.GetProperty("state").GetString());

        // Received today (2026), long after the 30 October 2025 due date.
        Assert.Equal("Late", states["CSC"]);
        Assert.Equal("Refused", states["EDU"]);
        Assert.Equal("Missing", states["POL"]);
    }

    [Fact]
    public async Task Ingest_ReturnWithOneQuery_SaysOneQueryAndSubmissionsShowsTheStateInWordsOnOneLine()
    {
        string[] storage = ["--connection", azurite.ConnectionString, "--storage-prefix", AzuriteFixture.NewPrefix()];

        // The council-style headings draw one query and no error (sgi validate says so too).
        var ingest = await SgiRunner.RunAsync(
            ["ingest", SgiRunner.TestData("headings-council-style.xlsx"), "--agency", "CSC", "--period", "2025-26 Q2",
                .. storage]);
        var (exit, output, error) = await SgiRunner.RunAsync(["submissions", "--period", "2025-26 Q2", .. storage]);

        Assert.True(ingest.Exit == 0, ingest.Out + ingest.Error);
        Assert.Contains("Accepted with 1 query as submission", ingest.Out, StringComparison.Ordinal);
        Assert.Contains("│ query ", ingest.Out, StringComparison.Ordinal);
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("AcceptedWithWarnings", output, StringComparison.Ordinal);
        var row = Assert.Single(output.Split('\n'), line => line.Contains("│ CSC ", StringComparison.Ordinal));
        Assert.Contains("│ Accepted with queries ", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_WithReferenceFile_PublishesItFirst()
    {
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };
        var reference = Path.Combine(Path.GetTempPath(), $"sgi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(
            reference,
            (await File.ReadAllTextAsync(Samples.PartnershipPath)).Replace(
                "Children's Social Care, Staffordshire County Council",
                "Renamed Social Care",
                StringComparison.Ordinal));
        try
        {
            await SgiRunner.RunAsync(
                [
                    "ingest",
                    SgiRunner.TestData("csc-good-libreoffice.xlsx"),
                    "--agency",
                    "CSC",
                    "--period",
                    "2025-26 Q2",
                    "--reference",
                    reference,
                    .. storage]);
            var (_, json) = await SgiRunner.RunJsonAsync(["submissions", "--period", "2025-26 Q2", .. storage]);

            // The published reference data names the agency anew.
            Assert.Equal("Renamed Social Care", json.GetProperty("agencies")[0].GetProperty("name").GetString());
        }
        finally
        {
            File.Delete(reference);
        }
    }

    [Fact]
    public async Task Ingest_StorageUnreachable_ExitsTwoSayingSo()
    {
        var (exit, _, error) = await SgiRunner.RunAsync(
            "ingest", SgiRunner.TestData("csc-good-libreoffice.xlsx"), "--agency", "CSC", "--period", "2025-26 Q2",
            "--connection",
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AzuriteServer.AccountKey +
            ";BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;");

        Assert.Equal(2, exit);
        Assert.Contains("Cannot reach storage", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_NoOptions_TakesAgencyAndPeriodFromTheCoverOrTheFileName()
    {
        using var sgi = new SgiRunner();
        var storage = new[]
        {
            "--connection",
            azurite.ConnectionString,
            "--storage-prefix",
            AzuriteFixture.NewPrefix()
        };
        var named = sgi.PathOf("CHS-2025-26-Q2.csv");
        var unnamed = sgi.PathOf("figures.csv");
        File.Copy(SgiRunner.TestData("chs-1252-semicolon-libreoffice.csv"), named);
        File.Copy(SgiRunner.TestData("chs-1252-semicolon-libreoffice.csv"), unnamed);

        var workbook = await SgiRunner.RunAsync(
            ["ingest", SgiRunner.TestData("csc-good-libreoffice.xlsx"), .. storage]);
        var csv = await SgiRunner.RunAsync(["ingest", named, .. storage]);
        var nothing = await SgiRunner.RunAsync(["ingest", unnamed, .. storage]);

        Assert.True(workbook.Exit == 0, workbook.Out + workbook.Error);
        Assert.Contains("returns/CSC/2025-26-Q2/csc-good-libreoffice.xlsx", workbook.Out, StringComparison.Ordinal);
        Assert.True(csv.Exit == 0, csv.Out + csv.Error);
        Assert.Contains("returns/CHS/2025-26-Q2/CHS-2025-26-Q2.csv", csv.Out, StringComparison.Ordinal);
        Assert.Equal(1, nothing.Exit);
        Assert.Contains("Not uploaded", nothing.Out, StringComparison.Ordinal);
    }
}
