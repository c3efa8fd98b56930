using System.Text;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Spreadsheets;
using SafeguardingIngest.Tests.Support;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

/// <summary>
/// One real file for every rule: each case writes the bytes a data officer might send (or loads a
/// committed fixture), runs the validator and expects that rule's finding at the cell named.
/// Columns of the template's Indicators sheet: A indicator, D locality, E numerator, F denominator,
/// G value, H commentary.
/// </summary>
public class RuleCoverageTests
{
    private static readonly ReturnContext s_police = new("POL", Samples.Q2);
    private static readonly ReturnContext s_socialCare = new("CSC", Samples.Q2);

    public static TheoryData<string> RuleCodes() => [.. s_cases.Keys];

    private static readonly Dictionary<string, (Func<ReturnResult> Run, string? Cell)> s_cases = new()
    {
        ["file-empty"] = (() => Bytes([]), null),
        ["file-unrecognised"] = (() => Bytes("%PDF-1.4 quarterly return"u8.ToArray()), null),
        ["file-corrupt"] = (() => Bytes(Truncated(TestWorkbook.Good("POL"))), null),
        ["file-password-protected"] = (
            () => Bytes(CompoundFileBuilder.Build(("EncryptionInfo", 2), ("EncryptedPackage", 2))),
            null),
        ["file-macro-enabled"] = (
            () => Bytes(ZipParts.WithEntry(Xlsx(TestWorkbook.Good("POL")), "xl/vbaProject.bin", [1, 2, 3])),
            null),
        ["file-too-large"] = (
            () => Bytes(Xlsx(TestWorkbook.Good("POL")), ReaderLimits.Default with { MaxFileBytes = 2048 }),
            null),
        ["file-decompressed-too-large"] = (
            () => Bytes(
                ZipParts.WithEntry(Xlsx(TestWorkbook.Good("POL")), "xl/media/big.bin", new byte[2 * 1024 * 1024]),
                ReaderLimits.Default with { MaxDecompressedBytes = 1024 * 1024 }),
            null),
        ["file-type-mismatch"] = (
            () => Bytes(
                File.ReadAllBytes(Samples.TestData("masquerades/indicators-text-named.xlsx")),
                null,
                new ReturnContext("CSC", Samples.Q2, "indicators-text-named.xlsx")),
            null),
        ["sheet-too-many-rows"] = (
            () => Bytes(
                Encoding.UTF8.GetBytes("Indicator,Value\n" + string.Concat(Enumerable.Repeat("DA02,3\n", 30))),
                ReaderLimits.Default with { MaxRows = 10 },
                s_police),
            null),
        ["sheet-too-many-columns"] = (
            () => Bytes(
                Encoding.UTF8.GetBytes("Indicator,Value\n" + "DA02,3" + new string(',', 300) + "\n"),
                null,
                s_police),
            null),
        ["cell-too-long"] = (
            () => Run(TestWorkbook.Good("POL").Set("Indicators", "H2", new string('x', 40_000)), s_police),
            "H2"),
        ["indicators-missing"] = (
            () => Run(
                TestWorkbook.Good("POL").RenameSheet("Indicators", "Sheet1").Set(
                    "Sheet1",
                    "A1",
                    "Figures for the board"),
                s_police),
            null),
        ["column-unrecognised"] = (
            () => Run(TestWorkbook.Good("POL").Set("Indicators", "I1", "Numbr"), s_police),
            "I1"),
        ["column-ambiguous"] = (() => Run(TestWorkbook.Good("POL").Set("Indicators", "I1", "Result"), s_police), "I1"),
        ["column-missing"] = (
            () => Run(
                TestWorkbook.Good("POL").Set("Indicators", "E1", "Comments").Set("Indicators", "G1", "Notes"),
                s_police),
            "A1"),
        ["agency-missing"] = (
            () => Run(TestWorkbook.Good("POL").Set("Cover", "B2", SheetCell.Empty).Set("Cover", "B3", SheetCell.Empty)),
            null),
        ["agency-unknown"] = (
            () => Run(TestWorkbook.Good("POL").Set("Cover", "B2", "Staffs Polce").Set("Cover", "B3", SheetCell.Empty)),
            "B2"),
        ["agency-mismatch"] = (() => Run(TestWorkbook.Good("POL"), new ReturnContext("CSC", Samples.Q2)), "B2"),
        ["period-missing"] = (() => Run(TestWorkbook.Good("POL").Set("Cover", "B4", SheetCell.Empty)), null),
        ["period-invalid"] = (() => Run(TestWorkbook.Good("POL").Set("Cover", "B4", "Autumn 2025")), "B4"),
        ["period-mismatch"] = (
            () => Run(TestWorkbook.Good("POL"), new ReturnContext("POL", ReportingPeriod.Parse("2025-26 Q1"))),
            "B4"),
        ["file-name-disagrees"] = (
            () => Run(TestWorkbook.Good("POL"), new ReturnContext(FileName: "CSC-2025-26-Q1.xlsx")),
            null),
        ["indicator-unknown"] = (() => Run(TestWorkbook.Good("POL").SetInRow("DA02", "A", "DA2O"), s_police), "A4"),
        ["indicator-not-owed"] = (
            () => Run(TestWorkbook.Good("POL").Append("Indicators", "NI 68", "", "", "All", 90, 100), s_police),
            "A6"),
        ["locality-unknown"] = (
            () => Run(
                TestWorkbook.Good("CSC").SetInRow("CH01", "D", "Stafford North", locality: "Stafford"),
                s_socialCare),
            "D7"),
        ["locality-required"] = (
            () => Run(TestWorkbook.Good("CSC").SetInRow("CH01", "D", "All", locality: "Tamworth"), s_socialCare),
            "D9"),
        ["locality-not-expected"] = (
            () => Run(TestWorkbook.Good("POL").SetInRow("NI 32", "D", "Tamworth"), s_police),
            "D2"),
        ["row-duplicate"] = (
            () => Run(
                TestWorkbook.Good("POL").Append(
                    "Indicators",
                    "DA02",
                    "",
                    "",
                    "All",
                    SheetCell.Empty,
                    SheetCell.Empty,
                    40),
                s_police),
            "A6"),
        ["indicator-missing"] = (() => Run(TestWorkbook.Good("POL").DeleteRow("Indicators", 2), s_police), null),
        ["locality-missing"] = (() => Run(TestWorkbook.Good("CSC").DeleteRow("Indicators", 2), s_socialCare), null),
        ["value-missing"] = (
            () => Run(TestWorkbook.Good("POL").SetInRow("DA02", "G", SheetCell.Empty), s_police),
            "G4"),
        ["value-not-number"] = (() => Run(TestWorkbook.Good("POL").SetInRow("DA02", "G", "n/a"), s_police), "G4"),
        ["value-negative"] = (() => Run(TestWorkbook.Good("POL").SetInRow("DA02", "G", -3), s_police), "G4"),
        ["value-not-whole"] = (() => Run(TestWorkbook.Good("POL").SetInRow("DA02", "G", 12.5), s_police), "G4"),
        ["numerator-above-denominator"] = (
            () => Run(Figures(TestWorkbook.Good("POL"), "NI 32", 200, 100, null), s_police),
            "E2"),
        ["percentage-out-of-range"] = (
            () => Run(Figures(TestWorkbook.Good("POL"), "NI 32", 45, 160, 147), s_police),
            "G2"),
        ["denominator-zero"] = (() => Run(Figures(TestWorkbook.Good("POL"), "NI 32", 3, 0, null), s_police), "F2"),
        ["denominator-missing"] = (
            () => Run(Figures(TestWorkbook.Good("POL"), "NI 32", 45, null, null), s_police),
            "F2"),
        ["population-missing"] = (
            () => Run(
                TestWorkbook.Good("CSC", ReportingPeriod.Parse("2030-31 Q1")),
                new ReturnContext("CSC", ReportingPeriod.Parse("2030-31 Q1"))),
            null),
        ["value-mismatch"] = (() => Run(Figures(TestWorkbook.Good("POL"), "NI 32", 45, 160, 50), s_police), "G2"),
        ["value-suppressed"] = (() => Run(TestWorkbook.Good("POL").SetInRow("NEG04", "G", "<5"), s_police), "G5"),
        ["value-formula-error"] = (
            () => Run(TestWorkbook.Good("POL").SetInRow("DA02", "G", SheetCell.Error("#DIV/0!")), s_police),
            "G4"),
        ["personal-data"] = (
            () => Run(TestWorkbook.Good("POL").Set("Indicators", "I1", "Date of birth"), s_police),
            "I1"),
        ["action-rag-invalid"] = (
            () => Run(
                TestWorkbook.Good("POL").Append("Actions", "1", "Joint protocol for police protection", "On track"),
                s_police),
            "C2"),
        ["action-recovery-missing"] = (
            () => Run(
                TestWorkbook.Good("POL").Append("Actions", "3", "Joint work on missing children", "Red", "Behind plan"),
                s_police),
            "E2"),
        ["risk-score-invalid"] = (
            () => Run(TestWorkbook.Good("POL").Append("Risks", "1", "Capacity", 7, 3), s_police),
            "C2"),
        ["indicator-not-collected"] = (
            () => ThreeYears("Indicator,Numerator,Denominator\nOLD,3,20\n", "CSC", "2026-27 Q1"),
            "A2"),
        ["agency-not-owing"] = (() => ThreeYears("Indicator,Value\nHEA,4\n", "CCG", "2025-26 Q2"), null),
        ["locality-not-in-force"] = (
            () => ThreeYears("Indicator,Locality,Value\nREF,Eastfield,5\n", "CSC", "2025-26 Q2"),
            "B2"),
        ["value-outside-range"] = (() => Run(TestWorkbook.Good("POL").SetInRow("DA02", "G", 5000), s_police), "G4"),
        ["value-large-change"] = (
            () => Run(TestWorkbook.Good("POL").SetInRow("DA02", "G", 400), s_police, new PreviousValues([
            new Observation(
                Samples.Q2.Previous(),
                "POL",
                "DA02",
                "ALL",
                100,
                null,
                100,
                SafeguardingIngest.Catalogue.IndicatorUnit.Count,
                null,
                "Indicators!G4")])), "G4"),
    };

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public void Validate_FileBreakingRule_ReportsThatRule(string code)
    {
        var (run, cell) = s_cases[code];
        var rule = Rules.All.Single(r => r.Code == code);

        var result = run();

        var finding = result.Report.Findings.FirstOrDefault(f => f.Code == code);
        Assert.True(finding is not null, $"Expected '{code}'. Findings:\n{Check.Describe(result)}");
        Assert.Equal(rule.Severity, finding.Severity);
        if (cell is not null)
        {
            Assert.Equal(cell, finding.Cell);
            Assert.StartsWith(cell + ": ", finding.Message, StringComparison.Ordinal);
        }

        Assert.Equal(
            rule.Severity == Severity.Error ? ReturnStatus.Rejected : ReturnStatus.AcceptedWithWarnings,
            result.Report.Status);
    }

    [Fact]
    public void Cases_CoverEveryRuleOfTheValidator() =>
        Assert.Equal(Rules.All.Except(Rules.IngestOnly).Select(r => r.Code).Order(), s_cases.Keys.Order());

    [Fact]
    public void Rules_CodesAreUniqueAndDocumented()
    {
        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "validation-rules.md"));

        Assert.Equal(Rules.All.Count, Rules.All.Select(r => r.Code).Distinct().Count());
        foreach (var rule in Rules.All)
        {
            Assert.Contains($"`{rule.Code}`", docs, StringComparison.Ordinal);
            Assert.Contains(rule.Example, docs, StringComparison.Ordinal);
        }
    }

    private static ReturnResult Run(
        TestWorkbook workbook,
        ReturnContext? context = null,
        IPreviousValues? previous = null) =>
        Check.Return(workbook, context, previous: previous);

    /// <summary>A csv return checked against the three-year catalogue, whose dates these rules need.</summary>
    private static ReturnResult ThreeYears(string csv, string agency, string quarter)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return new ReturnValidator(ThreeYearCatalogue.Partnership)
            .Validate(stream, new ReturnContext(agency, ReportingPeriod.Parse(quarter)));
    }

    private static ReturnResult Bytes(byte[] bytes, ReaderLimits? limits = null, ReturnContext? context = null)
    {
        using var stream = new MemoryStream(bytes);
        return Check.Return(stream, context ?? s_police, limits: limits);
    }

    private static byte[] Xlsx(TestWorkbook workbook) => workbook.ToStream().ToArray();

    private static byte[] Truncated(TestWorkbook workbook)
    {
        var bytes = Xlsx(workbook);
        return bytes[..(bytes.Length * 2 / 3)];
    }

    private static TestWorkbook Figures(
        TestWorkbook workbook,
        string indicator,
        double? numerator,
        double? denominator,
        double? value)
    {
        workbook.SetInRow(indicator, "E", SheetCell.Of(numerator));
        workbook.SetInRow(indicator, "F", SheetCell.Of(denominator));
        return workbook.SetInRow(indicator, "G", SheetCell.Of(value));
    }
}
