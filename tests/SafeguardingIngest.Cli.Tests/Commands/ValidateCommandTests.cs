namespace SafeguardingIngest.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly SgiRunner _sgi = new();

    public void Dispose() => _sgi.Dispose();

    [Fact]
    public async Task Validate_GoodReturn_ExitsZeroAndSaysAccepted()
    {
        var (exit, output, _) = await SgiRunner.RunAsync("validate", SgiRunner.TestData("csc-good-libreoffice.xlsx"));

        Assert.Equal(0, exit);
        Assert.Contains(
            "Accepted: 0 errors, 0 queries; 65 observations, 2 actions, 2 risks",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BadReturnAsJson_ExitsOneWithLocatedFindings()
    {
        var (exit, json) = await SgiRunner.RunJsonAsync(
            "validate",
            SgiRunner.TestData("edu-formula-errors-libreoffice.xls"));

        Assert.Equal(1, exit);
        Assert.Equal("Rejected", json.GetProperty("status").GetString());
        Assert.Equal("xls", json.GetProperty("fileType").GetString());
        // 16 owed rows, two of them broken.
        Assert.Equal(14, json.GetProperty("observations").GetInt32());
        var first = json.GetProperty("findings")[0];
        Assert.Equal("value-formula-error", first.GetProperty("code").GetString());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("Indicators", first.GetProperty("sheet").GetString());
        Assert.Equal("E3", first.GetProperty("cell").GetString());
        Assert.Equal("#DIV/0!", first.GetProperty("value").GetString());
        Assert.Equal(
            "E3: the cell shows #DIV/0!; fix the formula or type the figure.",
            first.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Validate_BadReturnAsText_ListsEachFindingWithItsPlace()
    {
        var (exit, output, _) = await SgiRunner.RunAsync(
            "validate",
            SgiRunner.TestData("edu-formula-errors-libreoffice.xlsx"));

        Assert.Equal(1, exit);
        Assert.Contains("Not accepted: 2 errors", output, StringComparison.Ordinal);
        Assert.Contains("Indicators!E3", output, StringComparison.Ordinal);
        Assert.Contains("Indicators!E12", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ReturnWithOneQuery_SaysTheStateInWordsAndCountsInAgreement()
    {
        // The council-style headings draw one query (a heading taken as a known alias) and no error.
        var (exit, output, _) = await SgiRunner.RunAsync("validate", SgiRunner.TestData("headings-council-style.xlsx"));

        Assert.Equal(0, exit);
        Assert.Contains("Accepted with queries: 0 errors, 1 query; 65 observations", output, StringComparison.Ordinal);
        Assert.DoesNotContain("AcceptedWithWarnings", output, StringComparison.Ordinal);
        Assert.Contains("│ query ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_OutputNotATerminal_PrintsEachFindingWholeOnOneLine()
    {
        var file = SgiRunner.TestData("acute-person-level-libreoffice.xlsx");
        var (_, json) = await SgiRunner.RunJsonAsync("validate", file);

        var (exit, output, _) = await SgiRunner.RunAsync("validate", file);

        Assert.Equal(1, exit);
        var lines = output.Split('\n');
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(3, findings.Count);
        foreach (var finding in findings)
        {
            // The message after the cell it names, which the table shows in a column of its own; each is
            // longer than 80 characters, where output that is not a terminal used to be cut.
            var message = finding.GetProperty("message").GetString()!.Split(": ", 2)[1];
            Assert.True(message.Length > 80);
            Assert.Single(lines, line => line.Contains(message, StringComparison.Ordinal)
                && line.Contains(finding.GetProperty("cell").GetString()!, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Validate_NarrowTerminal_TableFitsItsWidthAndBreaksOnlyBetweenWords()
    {
        var file = SgiRunner.TestData("acute-person-level-libreoffice.xlsx");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await SgiApp.RunAsync(["validate", file], CliConsole.Plain(output, error, width: 70));

        Assert.Equal(1, exit);
        var lines = output.ToString().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.All(lines, line => Assert.True(line.Length <= 70, line));

        // Every word of a message is found whole in the table's message cells, none split over two lines.
        var cells = lines.Where(line => line.StartsWith('│')).Select(line => line.Split('│')[4]);
        var words = cells.SelectMany(cell => cell.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        Assert.Contains("'Date", words);
        Assert.Contains("birth'", words);
        Assert.Contains("aggregate", words);
        Assert.Contains("resend.", words);
        Assert.DoesNotContain("aggreg", words);
    }

    [Fact]
    public async Task Validate_CsvWithAgencyAndPeriodOptions_IsAccepted()
    {
        var (exit, json) = await SgiRunner.RunJsonAsync(
            "validate",
            SgiRunner.TestData("chs-1252-semicolon-libreoffice.csv"),
            "--agency",
            "chs",
            "--period",
            "Q2 2025/26");

        Assert.Equal(0, exit);
        Assert.Equal("CHS", json.GetProperty("agency").GetString());
        Assert.Equal("2025-26 Q2", json.GetProperty("period").GetString());
    }

    [Fact]
    public async Task Validate_AgencyOptionDisagreeingWithCover_Rejects()
    {
        var (exit, json) = await SgiRunner.RunJsonAsync(
            "validate",
            SgiRunner.TestData("csc-good-libreoffice.xlsx"),
            "--agency",
            "POL");

        Assert.Equal(1, exit);
        Assert.Contains(
            json.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("code").GetString() == "agency-mismatch");
    }

    [Fact]
    public async Task Validate_PreviousReturnMuchLower_WarnsAboutTheChange()
    {
        var previous = _sgi.PathOf("previous.xlsx");
        File.Copy(SgiRunner.TestData("csc-good-libreoffice.xlsx"), previous);
        var current = _sgi.PathOf("current.xlsx");
        await SgiRunner.RunAsync("template", "--agency", "CSC", "--period", "2025-26 Q3", "-o", current);
        TemplateFiller.Fill(current);

        var (exit, json) = await SgiRunner.RunJsonAsync("validate", current, "--previous", previous);

        Assert.Equal(0, exit);
        Assert.Equal("AcceptedWithWarnings", json.GetProperty("status").GetString());
        Assert.Contains(
            json.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("code").GetString() == "value-large-change");
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwo()
    {
        var (exit, _, error) = await SgiRunner.RunAsync("validate", _sgi.PathOf("nowhere.xlsx"));

        Assert.Equal(2, exit);
        Assert.Contains("File not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownFormat_ExitsTwo()
    {
        var (exit, _, error) = await SgiRunner.RunAsync(
            "validate",
            SgiRunner.TestData("csc-good-libreoffice.xlsx"),
            "--format",
            "yaml");

        Assert.Equal(2, exit);
        Assert.Contains("yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BadPeriod_ExitsTwoWithTheExpectedForm()
    {
        var (exit, _, error) = await SgiRunner.RunAsync(
            "validate",
            SgiRunner.TestData("csc-good-libreoffice.xlsx"),
            "--period",
            "autumn");

        Assert.Equal(2, exit);
        Assert.Contains("write it like 2025-26 Q2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenReferenceFile_ExitsTwoNamingTheJsonPath()
    {
        var reference = _sgi.PathOf("partnership.json");
        await File.WriteAllTextAsync(
            reference,
            """{ "partnership": "x", "returnsDueDays": 30, "agencies": [ { "code": "A", "name": "A" } """ +
            """], "indicators": [ { "code": "X", "title": "X", "unit": "percent", "polarity": "none", "agencies": """ +
            """["B"] } ] }""");

        var (exit, _, error) = await SgiRunner.RunAsync(
            "validate",
            SgiRunner.TestData("csc-good-libreoffice.xlsx"),
            "--reference",
            reference);

        Assert.Equal(2, exit);
        Assert.Contains("$.indicators[0].unit: 'percent' is not one of", error, StringComparison.Ordinal);

        // The shape is checked first (the schema); codes that point nowhere once the shape is right.
        var mended = (await File.ReadAllTextAsync(reference))
            .Replace("\"percent\"", "\"percentage\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(reference, mended);
        var (again, _, codes) = await SgiRunner.RunAsync(
            "validate", SgiRunner.TestData("csc-good-libreoffice.xlsx"), "--reference", reference);

        Assert.Equal(2, again);
        Assert.Contains("$.indicators[0].agencies[0]: 'B' is not one of the agencies", codes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NoArguments_ExitsTwoWithUsageHint()
    {
        var (exit, _, error) = await SgiRunner.RunAsync("validate");

        Assert.Equal(2, exit);
        Assert.Contains("sgi --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_CsvNamedForAgencyAndPeriod_NeedsNoOptions()
    {
        using var sgi = new SgiRunner();
        var named = sgi.PathOf("CHS-2025-26-Q2.csv");
        File.Copy(SgiRunner.TestData("chs-1252-semicolon-libreoffice.csv"), named);

        var (exit, output, _) = await SgiRunner.RunAsync("validate", named);
        var (_, json) = await SgiRunner.RunJsonAsync("validate", named);

        Assert.Equal(0, exit);
        Assert.Contains("Agency: CHS (from the file name)", output, StringComparison.Ordinal);
        Assert.Equal("the file name", json.GetProperty("agencyFrom").GetString());
        Assert.Equal("2025-26 Q2", json.GetProperty("period").GetString());
    }
}
