using System.Text;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Spreadsheets;
using SafeguardingIngest.Tests.Support;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

public class ReturnValidatorTests
{
    [Theory]
    [InlineData("csc-good-libreoffice.xlsx")]
    [InlineData("csc-good-libreoffice.xls")]
    public void Validate_LibreOfficeReturn_IsAcceptedAndNormalized(string fixture)
    {
        var sink = new ObservationBuffer();

        var result = Check.File(Samples.TestData(fixture), sink: sink);

        Assert.Equal(ReturnStatus.Accepted, result.Report.Status);
        Assert.Equal("CSC", result.Report.Agency);
        Assert.Equal(Samples.Q2, result.Report.Period);

        // 7 indicators × 8 localities + 9 whole-area indicators.
        Assert.Equal(65, result.Report.ObservationCount);
        Assert.Equal(65, sink.Items.Count);

        // NI 65: 37 of 198 → 100 × 37 / 198 = 18.687 %.
        var ni65 = sink.Items.Single(o => o.Indicator == "NI 65");
        Assert.Equal((37d, 198d), (ni65.Numerator, ni65.Denominator!.Value));
        Assert.Equal(18.687, ni65.Value, 3);
        Assert.Equal("ALL", ni65.Locality);
        Assert.Equal("Second plans reviewed at practice challenge", ni65.Commentary);

        // CH01 in Cannock: 75 children, population 20,660 in 2025-26 → 10,000 × 75 / 20,660 = 36.30.
        var ch01 = sink.Items.Single(o => o.Indicator == "CH01" && o.Locality == "CAN");
        Assert.Equal(20_660, ch01.Denominator);
        Assert.Equal(36.30, ch01.Value, 2);
        Assert.Equal("Indicators!C2", ch01.Source);

        // AVG01: 7,644 days over 1,092 assessments = 7.0 days; the written Value 7 agrees.
        Assert.Equal(7.0, sink.Items.Single(o => o.Indicator == "AVG01").Value, 3);

        Assert.Equal(2, result.Actions.Count);
        Assert.Equal(Rag.Amber, result.Actions[1].Rag);
        Assert.Equal(["1", "2"], result.Risks.Select(r => r.Reference));
        Assert.Equal(12, result.Risks[0].Score);
    }

    [Fact]
    public void Validate_MessyLibreOfficeReturn_IsToleratedAndReadRight()
    {
        var sink = new ObservationBuffer();

        var result = Check.File(
            Samples.TestData("pol-messy-libreoffice.xlsx"),
            new ReturnContext("POL", Samples.Q2),
            sink);

        Check.NoErrors(result);
        var byCode = sink.Items.ToDictionary(o => o.Indicator);

        // E5 is 0.28125 formatted as a percentage (shown 28.1%): read as 28.125, agreeing with 45 / 160.
        Assert.Equal(28.125, byCode["NI 32"].Value, 6);

        // "1,234" and "4,100" as text with "30.1%": 100 × 1,234 / 4,100 = 30.098 %, shown to one decimal as written.
        Assert.Equal((1234d, 4100d), (byCode["DA01"].Numerator, byCode["DA01"].Denominator!.Value));

        // " 312 " as text in the Value column, whole area written "Whole area".
        Assert.Equal(312, byCode["DA02"].Value);

        // "NEG 04" with the count in Num only.
        Assert.Equal(12, byCode["NEG04"].Value);
        Assert.Equal("Data!C9", byCode["NEG04"].Source);
    }

    [Fact]
    public void Validate_TemplateFilledWithPlausibleFigures_IsAcceptedForEveryAgency()
    {
        // Every agency owing a return for 2025-26 Q2, with that quarter's indicators (the ICB starts later).
        var catalogue = Samples.Partnership.For(Samples.Q2);
        foreach (var agency in Samples.Partnership.AgenciesOwing(Samples.Q2))
        {
            var result = Check.Return(TestWorkbook.Good(agency.Code), new ReturnContext(agency.Code, Samples.Q2));

            Assert.True(result.Report.ErrorCount == 0, $"{agency.Code}:\n{Check.Describe(result)}");
            Assert.Equal(
                catalogue.IndicatorsOwedBy(agency.Code).Sum(i => i.ByLocality ? 8 : 1),
                result.Report.ObservationCount);
        }
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOneInOnePass()
    {
        var workbook = TestWorkbook.Good("POL")
            .Set("Indicators", "E2", "n/a")
            .Set("Indicators", "G4", -3)
            .Set("Indicators", "G5", "<5")
            .Append("Indicators", "CH0l", "", "", "All", 1);

        var result = Check.Return(workbook, new ReturnContext("POL", Samples.Q2));

        Assert.Equal(
            ["value-not-number", "value-negative", "value-suppressed", "indicator-unknown"],
            result.Report.Findings.Select(f => f.Code));
        Assert.Equal(
            "E2: 'n/a' is not a number; enter the figure, or 0 (with 0 in Denominator) or 'no cases' if there were " +
            "none this quarter.",
            result.Report.Findings[0].Message);
        Assert.Contains("did you mean 'CH01'?", result.Report.Findings[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FormulaErrorsSavedByLibreOffice_AreFoundInXlsxAndXls()
    {
        foreach (var fixture in new[] { "edu-formula-errors-libreoffice.xlsx", "edu-formula-errors-libreoffice.xls" })
        {
            var result = Check.File(Samples.TestData(fixture));

            Assert.Equal(
                [("E3", "#DIV/0!"), ("E12", "#REF!")],
                result.Report.Findings.Select(f => (f.Cell!, f.Value!)));
            Assert.All(result.Report.Findings, f => Assert.Equal("value-formula-error", f.Code));
        }
    }

    [Fact]
    public void Validate_PersonLevelData_NamesColumnsButNeverRepeatsTheData()
    {
        var result = Check.File(Samples.TestData("acute-person-level-libreoffice.xlsx"));

        Assert.Equal(ReturnStatus.Rejected, result.Report.Status);
        var json = ReportJson.ToJson(result.Report, "return.xlsx");
        Assert.Contains("'NHS Number'", json, StringComparison.Ordinal);
        Assert.Contains("'Child name' on sheet 'Child list'", json, StringComparison.Ordinal);
        Assert.Contains("'Date of birth'", json, StringComparison.Ordinal);
        Assert.DoesNotContain("943 476 5919", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Example", json, StringComparison.Ordinal);
        Assert.DoesNotContain("2015", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NhsNumberInCommentary_IsRefusedWithoutQuotingIt()
    {
        var workbook = TestWorkbook.Good("POL").Set("Indicators", "H4", "Child seen at A&E, NHS no 943 476 5919");

        var result = Check.Return(workbook, new ReturnContext("POL", Samples.Q2));

        var finding = Check.One(result, "personal-data", "H4");
        Assert.Null(finding.Value);
        Assert.DoesNotContain("5919", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TenDigitNumberFailingNhsCheck_IsNotPersonalData()
    {
        var workbook = TestWorkbook.Good("POL").Set("Indicators", "H4", "Reference 1234567890 in the force system");

        Check.NoErrors(Check.Return(workbook, new ReturnContext("POL", Samples.Q2)));
    }

    [Theory]
    [InlineData("utf-8", false)]
    [InlineData("utf-8", true)]
    [InlineData("utf-16", true)]
    [InlineData("windows-1252", false)]
    public void Validate_CsvInEachEncoding_ReadsTextIntact(string encodingName, bool bom)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var encoding = Encoding.GetEncoding(encodingName);
        var text = "Indicator,Locality,Numerator,Denominator,Value,Commentary\r\n" +
                   "NI 32,All,45,160,,Référence – MARAC £0\r\n" +
                   "DA01,All,1234,4100,,\r\n" +
                   "DA02,All,,,312,\r\n" +
                   "NEG04,All,,,12,\r\n";
        var sink = new ObservationBuffer();

        var result = Check.Csv(text, encoding, new ReturnContext("POL", Samples.Q2), sink, bom);

        Check.NoErrors(result);
        Assert.Equal(ReturnFileKind.Csv, result.Report.FileKind);
        Assert.Equal("Référence – MARAC £0", sink.Items[0].Commentary);
    }

    [Fact]
    public void Validate_LibreOfficeSemicolonCsv_ReadsDecimalCommaAndWindows1252()
    {
        var sink = new ObservationBuffer();

        var result = Check.File(
            Samples.TestData("chs-1252-semicolon-libreoffice.csv"),
            new ReturnContext("CHS", Samples.Q2),
            sink);

        Check.NoErrors(result);
        Assert.Equal(9, sink.Items.Count);
        Assert.StartsWith("Référence", sink.Items[0].Commentary, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SemicolonCsvWithDecimalComma_ReadsTheDecimal()
    {
        var text = "Indicator;Locality;Numerator;Denominator;Value\nNI " +
            "32;All;45;160;28,1\nDA01;All;1234;4100;\nDA02;All;;;312\nNEG04;All;;;12\n";
        var sink = new ObservationBuffer();

        var result = Check.Csv(text, new UTF8Encoding(false), new ReturnContext("POL", Samples.Q2), sink);

        Check.NoErrors(result);
        Assert.Equal(28.125, sink.Items[0].Value);
    }

    [Fact]
    public void Validate_CsvWithTitleRowsAndNotes_FindsTheTable()
    {
        var text = "Police return,,\nQuarter 2,,\n\nIndicator,Value,Num,Denom\nDA02,312,,\nNEG04,12,,\nNI " +
            "32,,45,160\nDA01,,1234,4100\n\nNotes: figures from the force system,,\n";

        var result = Check.Csv(text, new UTF8Encoding(false), new ReturnContext("POL", Samples.Q2));

        Check.NoErrors(result);
        Assert.Equal(4, result.Report.ObservationCount);
    }

    [Fact]
    public void Validate_CsvRowGivenTwice_NamesTheRowItFirstStoodOn()
    {
        // Rows 2 and 4 both give DA02 for the whole area (blank Locality is the whole area); row 6 repeats
        // EH01 for Cannock of row 5, once by name and once by code.
        var text = "Indicator,Locality,Value\nDA02,All,3\nNEG04,,5\nDA02,,4\nEH01,Cannock,3\nEH01,CAN,4\n";

        var result = Check.Csv(text, new UTF8Encoding(false), new ReturnContext("POL", Samples.Q2));

        var duplicates = result.Report.Findings.Where(f => f.Code == "row-duplicate").ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.Equal("A4", duplicates[0].Cell);
        Assert.Equal(
            "A4: DA02 for the whole area appears twice (first at row 2); keep one row.",
            duplicates[0].Message);
        Assert.Equal("A6", duplicates[1].Cell);
        Assert.Equal("A6: EH01 for Cannock appears twice (first at row 5); keep one row.", duplicates[1].Message);

        // Police owe no EH01: row 5 says so, and row 6 stops at the repeat.
        Check.One(result, "indicator-not-owed", "A5");
    }

    [Fact]
    public void Validate_CsvMissingLocalitiesAndIndicators_NamesEachInCatalogueOrder()
    {
        // EDU owes EH01 and NEG03, each for the eight localities: EH01 comes for six (Tamworth and
        // Lichfield left out, given in another order than the catalogue's), NEG03 for none.
        var text = "Indicator,Locality,Value\n" +
                   "EH01,Stafford,1\nEH01,Cannock,2\nEH01,East Staffordshire,3\n" +
                   "EH01,Newcastle,4\nEH01,South Staffordshire,5\nEH01,Staffordshire Moorlands,6\n";
        var sink = new ObservationBuffer();

        var result = Check.Csv(text, new UTF8Encoding(false), new ReturnContext("EDU", Samples.Q2), sink);

        Assert.Equal(6, sink.Items.Count);
        Assert.Equal(
            "EH01 is missing for Lichfield, Tamworth; add a row for each.",
            Check.One(result, "locality-missing").Message);
        Assert.StartsWith("NEG03 (", Check.One(result, "indicator-missing").Message, StringComparison.Ordinal);
        Assert.EndsWith("is missing; add a row for each locality.", Check.One(result, "indicator-missing").Message);
    }

    [Fact]
    public void Validate_Csv_TracesEachObservationToItsValueElseItsNumerator()
    {
        // Value in column E where given; NI 32 gives no Value, so its Numerator in C is the source.
        var text = "Indicator,Locality,Numerator,Denominator,Value\nNI 32,All,45,160,\nDA01,All,1234,4100,30.1\n" +
                   "DA02,All,,,312\nNEG04,All,,,12\n";
        var sink = new ObservationBuffer();

        var result = Check.Csv(text, new UTF8Encoding(false), new ReturnContext("POL", Samples.Q2), sink);

        Check.NoErrors(result);
        Assert.Equal(
            ["Indicators!C2", "Indicators!E3", "Indicators!E4", "Indicators!E5"],
            sink.Items.Select(o => o.Source));
    }

    [Fact]
    public void Validate_TableOnASheetWithASpaceInItsName_QuotesTheSheetInEachSource()
    {
        var sink = new ObservationBuffer();

        var result = Check.Return(
            TestWorkbook.Good("POL").RenameSheet("Indicators", "Q2 figures"),
            new ReturnContext("POL", Samples.Q2),
            sink);

        Check.NoErrors(result);
        Assert.NotEmpty(sink.Items);
        Assert.All(sink.Items, o => Assert.Matches(@"^'Q2 figures'![A-Z]+\d+$", o.Source));
    }

    [Fact]
    public void Validate_XlsxRenamedCsv_IsReadAsXlsx()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sgi-{Guid.NewGuid():N}.csv");
        try
        {
            TestWorkbook.Good("POL").Save(path);

            var result = Check.File(path, new ReturnContext("POL", Samples.Q2));

            Assert.Equal(ReturnFileKind.Xlsx, result.Report.FileKind);
            Check.NoErrors(result);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_MalformedSheetXml_IsCorruptNotAnException()
    {
        var xlsx = TestWorkbook.Good("POL").ToStream().ToArray();
        var broken = ZipParts.WithEntry(
            xlsx,
            "xl/worksheets/sheet2.xml",
            ZipParts.Text(
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row " +
                "r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Indicator</t></is></c><c r=\"B1\" " +
                "t=\"inlineStr\"><is><t>Value</t></is></c></row><row r=\"2\"><c r=\"A2\""));
        using var stream = new MemoryStream(broken);

        var result = Check.Return(stream, new ReturnContext("POL", Samples.Q2));

        Check.One(result, "file-corrupt");
    }

    [Fact]
    public void Validate_IndicatorsSheetWithoutHeader_NamesTheSheet()
    {
        var workbook = TestWorkbook.Good("POL").Insert(
            "Indicators",
            1,
            Enumerable.Range(0, 20).Select(_ => (IReadOnlyList<SheetCell>)[SheetCell.Of("title")]).ToArray());

        var finding = Check.One(Check.Return(workbook, new ReturnContext("POL", Samples.Q2)), "indicators-missing");

        Assert.StartsWith("The sheet 'Indicators' has no header row", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AgencyGivenByNameOnCover_ResolvesToCode()
    {
        var workbook = TestWorkbook.Good("POL").Set("Cover", "B2", "staffordshire POLICE");

        var result = Check.Return(workbook);

        Check.NoErrors(result);
        Assert.Equal("POL", result.Report.Agency);
    }

    [Fact]
    public void Validate_CsvWithoutAgencyOrPeriod_SaysHowToGiveThem()
    {
        var result = Check.Csv("Indicator,Value\nDA02,3\n", new UTF8Encoding(false), new ReturnContext());

        Assert.Contains("--agency", Check.One(result, "agency-missing").Message, StringComparison.Ordinal);
        Assert.Contains("--period", Check.One(result, "period-missing").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PercentageEnteredAsFraction_HintsAtTheFix()
    {
        var workbook = TestWorkbook.Good("POL")
            .Set("Indicators", "E2", 45)
            .Set("Indicators", "F2", 160)
            .Set("Indicators", "G2", 0.28125);

        var finding = Check.One(Check.Return(workbook, new ReturnContext("POL", Samples.Q2)), "value-mismatch", "G2");

        Assert.Contains("enter 28.125, or format the cell as a percentage", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(15, true)]
    [InlineData(14.7, true)]
    [InlineData(14.67, true)]
    [InlineData(14.6, false)]
    [InlineData(14, false)]
    public void Validate_ValueRoundedAsWritten_AgreesWithNumeratorAndDenominator(double value, bool agrees)
    {
        // 22 / 150 × 100 = 14.666…
        var workbook = TestWorkbook.Good("POL")
            .Set("Indicators", "E2", 22)
            .Set("Indicators", "F2", 150)
            .Set("Indicators", "G2", value);

        var result = Check.Return(workbook, new ReturnContext("POL", Samples.Q2));

        Assert.Equal(agrees, !result.Report.Findings.Any(f => f.Code == "value-mismatch"));
    }

    [Fact]
    public void Validate_MoreFindingsThanTheLimit_KeepsTheLimitAndCountsTheRest()
    {
        var rows = string.Concat(Enumerable.Range(0, 50).Select(i => $"X{i},1\n"));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("Indicator,Value\n" + rows));

        var result = Check.Return(
            stream,
            new ReturnContext("POL", Samples.Q2),
            limits: ReaderLimits.Default with { MaxFindings = 10 });

        Assert.Equal(10, result.Report.Findings.Count);
        Assert.Equal(54, result.Report.ErrorCount);
        Assert.Equal(44, result.Report.FindingsNotShown);
    }

    [Fact]
    public void Validate_PreviousQuarterWithinExpectedChange_GivesNoWarning()
    {
        var workbook = TestWorkbook.Good("POL").Set("Indicators", "G4", 110);
        var previous = new PreviousValues(
            [
                new Observation(
                    Samples.Q2.Previous(),
                    "POL",
                    "DA02",
                    "ALL",
                    100,
                    null,
                    100,
                    IndicatorUnit.Count,
                    null,
                    "x")]);

        var result = Check.Return(workbook, new ReturnContext("POL", Samples.Q2), previous: previous);

        Assert.DoesNotContain(result.Report.Findings, f => f.Code == "value-large-change");
    }

    [Fact]
    public void Validate_ReturnWithoutCoverButWithCallerContext_IsAccepted()
    {
        var workbook = TestWorkbook.Good("POL").RemoveSheet("Cover");

        Check.NoErrors(Check.Return(workbook, new ReturnContext("POL", Samples.Q2)));
    }

    [Fact]
    public void Validate_NonSeekableStream_IsRefusedWithAnArgumentError()
    {
        using var pipe = new NonSeekableStream(TestWorkbook.Good("POL").ToStream().ToArray());

        Assert.Throws<ArgumentException>(() => Check.Return(pipe));
    }

    [Fact]
    public void Validate_RowsWithBlankGaps_KeepSpreadsheetRowNumbers()
    {
        var workbook = TestWorkbook.Good("POL").Insert("Indicators", 3, [], [], []).Set("Indicators", "G7", "n/a");

        var finding = Check.One(Check.Return(workbook, new ReturnContext("POL", Samples.Q2)), "value-not-number");

        Assert.Equal("G7", finding.Cell);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
