using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Spreadsheets;

namespace SafeguardingIngest.Cli.Tests;

/// <summary>
/// Every row of the "Rules" table in docs/validation-rules.md, given the smallest realistic input that breaks
/// its rule: the example message in the row must be one `sgi validate` gives for that input (the upload path
/// rule, which the pipeline checks before a file is read, is asked of <see cref="UploadPath"/>, which words it).
/// A row without an input here, or whose example stops being given, fails.
/// </summary>
public sealed class ValidationRulesTableTests : IDisposable
{
    private const string PoliceHeader = "Indicator,Locality,Numerator,Denominator,Value\n";
    private const string PoliceRows = "NI 32,All,45,160,\nDA01,All,30,100,\nDA02,All,,,40\nNEG04,All,,,12\n";
    private const string PoliceReturn = "POL-2025-26-Q2.csv";
    private const string SocialCareReturn = "CSC-2025-26-Q2.csv";

    private static readonly Lazy<IReadOnlyList<(string Code, string Example)>> s_rows = new(() => ParseTable());

    private static readonly Dictionary<string, Func<SgiRunner, Task<IReadOnlyList<string>>>> s_inputs = new()
    {
        ["upload-path-invalid"] = _ => Task.FromResult<IReadOnlyList<string>>(
            UploadPath.TryParse("return.xlsx", out var problem) is null ? [problem!] : []),
        ["file-empty"] = sgi => Csv(sgi, PoliceReturn, string.Empty),
        ["file-unrecognised"] = sgi => Fixture(sgi, "corpus/pdf-renamed.xlsx", "POL-2025-26-Q2.xlsx"),
        ["file-corrupt"] = sgi => Fixture(sgi, "corpus/truncated-half.xlsx", "POL-2025-26-Q2.xlsx"),
        ["file-password-protected"] = sgi => Fixture(sgi, "corpus/encrypted-package.xlsx", "POL-2025-26-Q2.xlsx"),
        ["file-macro-enabled"] = sgi => Fixture(sgi, "corpus/macro-enabled.xlsm", "POL-2025-26-Q2.xlsm"),
        ["file-too-large"] = sgi => Sparse(sgi, "POL-2025-26-Q2.xlsx", 31L * 1024 * 1024),
        ["file-decompressed-too-large"] = sgi => Fixture(sgi, "corpus/zip-bomb-300mb.xlsx", "POL-2025-26-Q2.xlsx"),
        ["sheet-too-many-rows"] = sgi => Fixture(sgi, "corpus/million-rows.csv", PoliceReturn),
        ["sheet-too-many-columns"] = sgi => Fixture(sgi, "corpus/ten-thousand-columns.csv", PoliceReturn),
        ["cell-too-long"] = sgi => Fixture(sgi, "corpus/five-megabyte-cell.xlsx", "POL-2025-26-Q2.xlsx"),
        ["file-type-mismatch"] = sgi => Csv(
            sgi, "return.xlsx", PoliceHeader + PoliceRows, "--agency", "POL", "--period", "2025-26 Q2"),
        ["indicators-missing"] = sgi => Workbook(
            sgi,
            "POL-2025-26-Q2.xlsx",
            TestWorkbook.Empty()
                .Sheet("Sheet1", ["Ind", "Area", "Value"], ["DA02", "All", 40])
                .Sheet("Notes", ["Figures from the case system"])),
        ["column-unrecognised"] = sgi => Csv(
            sgi, PoliceReturn, "Indicator,Locality,Numbr,Denominator,Value\n" + PoliceRows),
        ["column-ambiguous"] = sgi => Csv(
            sgi, PoliceReturn, "Indicator,Locality,Numerator,Denominator,Value,Commentary,Result\n" + PoliceRows),
        ["column-missing"] = sgi => Csv(
            sgi,
            PoliceReturn,
            "Staffordshire Police quarterly return\n\nIndicator,Locality,Denominator\nNI 32,All,160\nDA01,All,100\n"),
        ["agency-missing"] = sgi => Workbook(
            sgi, "return.xlsx", TestWorkbook.Good("POL").Set("Cover", "B2", SheetCell.Empty)
                .Set("Cover", "B3", SheetCell.Empty)),
        ["agency-unknown"] = sgi => Workbook(
            sgi, "return.xlsx", TestWorkbook.Good("POL").Set("Cover", "B2", "Staffordshire Polce")
                .Set("Cover", "B3", SheetCell.Empty)),
        ["agency-mismatch"] = sgi => Workbook(sgi, "return.xlsx", TestWorkbook.Good("CSC"), "--agency", "POL"),
        ["period-missing"] = sgi => Workbook(
            sgi, "return.xlsx", TestWorkbook.Good("POL").Set("Cover", "B4", SheetCell.Empty)),
        ["period-invalid"] = sgi => Workbook(
            sgi, "return.xlsx", TestWorkbook.Good("POL").Set("Cover", "B4", "Autumn 2025")),
        ["period-mismatch"] = sgi => Workbook(
            sgi,
            "return.xlsx",
            TestWorkbook.Good("POL", ReportingPeriod.Parse("2025-26 Q1")),
            "--period",
            "2025-26 Q2"),
        ["file-name-disagrees"] = sgi => Workbook(sgi, "POL-2025-26-Q1.xlsx", TestWorkbook.Good("CSC")),
        ["agency-not-owing"] = sgi => Csv(sgi, "CHS-2026-27-Q2.csv", "Indicator,Locality,Value\nNEG05,All,4\n"),
        ["indicator-unknown"] = sgi => Csv(sgi, SocialCareReturn, "Indicator,Locality,Value\nCH0l,Tamworth,20\n"),
        ["indicator-not-collected"] = sgi => Csv(
            sgi, "CSC-2026-27-Q1.csv", "Indicator,Locality,Numerator,Denominator\nNEG06,All,30,40\n"),
        ["indicator-not-owed"] = sgi => Csv(sgi, PoliceReturn, PoliceHeader + PoliceRows + "NI 68,All,90,100,\n"),
        ["locality-unknown"] = sgi => Csv(sgi, SocialCareReturn, "Indicator,Locality,Value\nCSC-REF,Stafferd,12\n"),
        ["locality-not-in-force"] = sgi => ThreeYears(sgi, "Indicator,Locality,Value\nREF,Eastfield,5\n"),
        ["locality-required"] = sgi => Csv(sgi, SocialCareReturn, "Indicator,Locality,Numerator\nCH01,All,600\n"),
        ["locality-not-expected"] = sgi => Csv(
            sgi, PoliceReturn, PoliceHeader + "NI 32,Tamworth,45,160,\nDA01,All,30,100,\nDA02,All,,,40\n"),
        ["row-duplicate"] = sgi => Csv(
            sgi, SocialCareReturn, "Indicator,Locality,Value\nCSC-REF,Tamworth,120\nCSC-REF,Tamworth,121\n"),
        ["indicator-missing"] = sgi => Csv(sgi, SocialCareReturn, "Indicator,Locality,Value\nCSC-REF,Tamworth,120\n"),
        ["locality-missing"] = sgi => Csv(
            sgi,
            SocialCareReturn,
            "Indicator,Locality,Numerator\n" + string.Concat(
                new[] { "East Staffordshire", "Lichfield", "Newcastle", "South Staffordshire", "Stafford" }
                    .Concat(["Staffordshire Moorlands"])
                    .Select(l => $"CH01,{l},60\n"))),
        ["value-missing"] = sgi => Csv(sgi, SocialCareReturn, "Indicator,Locality,Numerator,Value\nCH141,Tamworth,,\n"),
        ["value-not-number"] = sgi => Csv(
            sgi, PoliceReturn, PoliceHeader + "NI 32,All,45,n/a,\nDA01,All,30,100,\nDA02,All,,,40\n"),
        ["value-negative"] = sgi => Csv(sgi, PoliceReturn, PoliceHeader + "DA02,All,,,-3\n"),
        ["value-not-whole"] = sgi => Csv(sgi, PoliceReturn, PoliceHeader + "DA02,All,,,12.5\n"),
        ["numerator-above-denominator"] = sgi => Csv(sgi, PoliceReturn, PoliceHeader + "NI 32,All,120,100,\n"),
        ["percentage-out-of-range"] = sgi => Csv(sgi, PoliceReturn, PoliceHeader + "NI 32,All,45,160,147\n"),
        ["denominator-zero"] = sgi => Csv(sgi, PoliceReturn, PoliceHeader + "NI 32,All,3,0,\n"),
        ["denominator-missing"] = sgi => Csv(sgi, PoliceReturn, PoliceHeader + "NI 32,All,45,,\n"),
        ["population-missing"] = sgi => Csv(
            sgi, "CSC-2027-28-Q1.csv", "Indicator,Locality,Numerator,Denominator\nCH01,Cannock,60,\n"),
        ["value-mismatch"] = sgi => Csv(sgi, PoliceReturn, PoliceHeader + "NI 32,All,22,150,16.2\n"),
        ["value-suppressed"] = sgi => Csv(sgi, PoliceReturn, PoliceHeader + "NEG04,All,,,<5\n"),
        ["value-formula-error"] = sgi => Workbook(
            sgi,
            "POL-2025-26-Q2.xlsx",
            TestWorkbook.Good("POL").SetInRow("NI 32", "G", SheetCell.Error("#DIV/0!"))),
        ["personal-data"] = sgi => Csv(
            sgi, PoliceReturn, "Indicator,Locality,Date of birth,Numerator,Denominator,Value\nDA02,All,,,,40\n"),
        ["action-rag-invalid"] = sgi => Workbook(
            sgi,
            "POL-2025-26-Q2.xlsx",
            TestWorkbook.Good("POL").Append("Actions", "1", "Joint protocol for police protection", "On track")),
        ["action-recovery-missing"] = sgi => Workbook(
            sgi,
            "POL-2025-26-Q2.xlsx",
            TestWorkbook.Good("POL").Append("Actions", "3", "Joint work on missing children", "Red", "Behind plan")),
        ["risk-score-invalid"] = sgi => Workbook(
            sgi, "POL-2025-26-Q2.xlsx", TestWorkbook.Good("POL").Append("Risks", "1", "Capacity", 7, 3)),
        ["value-outside-range"] = sgi => Csv(sgi, PoliceReturn, PoliceHeader + "DA02,All,,,5000\n"),
        ["value-large-change"] = sgi => LargeChange(sgi),
    };

    private readonly SgiRunner _sgi = new();

    public void Dispose() => _sgi.Dispose();

    public static TheoryData<string> Codes() => [.. s_rows.Value.Select(r => r.Code)];

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task RulesTable_Row_ExampleIsGivenForItsInput(string code)
    {
        var example = s_rows.Value.Single(r => r.Code == code).Example;
        Assert.True(s_inputs.TryGetValue(code, out var input), $"The rules table's row '{code}' has no input here.");

        var given = await input(_sgi);

        Assert.True(
            given.Contains(example),
            $"'{code}': expected\n  {example}\ngiven\n  {string.Join("\n  ", given)}");
    }

    [Fact]
    public void RulesTable_EveryRowHasAnInputAndEveryInputARow()
    {
        var codes = s_rows.Value.Select(r => r.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(s_inputs.Keys.Order(), codes.Order());
    }

    private static async Task<IReadOnlyList<string>> Validate(params string[] args)
    {
        var (_, json) = await SgiRunner.RunJsonAsync(["validate", .. args]);
        return [.. json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString()!)];
    }

    private static async Task<IReadOnlyList<string>> Csv(SgiRunner sgi, string name, string csv, params string[] args)
    {
        var path = sgi.PathOf(name);
        await File.WriteAllTextAsync(path, csv);
        return await Validate([path, .. args]);
    }

    private static Task<IReadOnlyList<string>> Workbook(
        SgiRunner sgi,
        string name,
        TestWorkbook workbook,
        params string[] args) =>
        Validate([workbook.Save(sgi.PathOf(name)), .. args]);

    private static Task<IReadOnlyList<string>> Fixture(SgiRunner sgi, string fixture, string name)
    {
        var path = sgi.PathOf(name);
        File.Copy(SgiRunner.TestData(fixture), path);
        return Validate(path);
    }

    /// <summary>A file of <paramref name="length"/> bytes that takes no room on disk: only its size is read.</summary>
    private static Task<IReadOnlyList<string>> Sparse(SgiRunner sgi, string name, long length)
    {
        var path = sgi.PathOf(name);
        using (var file = File.Create(path))
        {
            file.SetLength(length);
        }

        return Validate(path);
    }

    /// <summary>A csv checked against reference data whose localities have dates, which the sample's lack.</summary>
    private static async Task<IReadOnlyList<string>> ThreeYears(SgiRunner sgi, string csv)
    {
        var reference = sgi.PathOf("three-years.json");
        await File.WriteAllTextAsync(reference, ThreeYearCatalogue.Json);
        return await Csv(sgi, SocialCareReturn, csv, "--reference", reference);
    }

    private static Task<IReadOnlyList<string>> LargeChange(SgiRunner sgi)
    {
        var previous = TestWorkbook.Good("CSC", ReportingPeriod.Parse("2025-26 Q1"))
            .SetInRow("CSC-REF", "G", 120, "Tamworth");
        var current = TestWorkbook.Good("CSC").SetInRow("CSC-REF", "G", 190, "Tamworth");
        return Validate(
            current.Save(sgi.PathOf("CSC-2025-26-Q2.xlsx")),
            "--previous",
            previous.Save(sgi.PathOf("CSC-2025-26-Q1.xlsx")));
    }

    /// <summary>The rows of "## Rules": | `code` | severity | what it checks | example message |.</summary>
    private static List<(string Code, string Example)> ParseTable()
    {
        var lines = ValidationRulesDocTests.DocText().ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(lines, "## Rules");
        Assert.True(start >= 0, "docs/validation-rules.md has no '## Rules' section");
        var rows = lines.Skip(start + 1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split(" | "))
            .Select(cells => (cells[0].Trim().Trim('`'), cells[^1].Trim()))
            .ToList();
        Assert.NotEmpty(rows);
        return rows;
    }
}
