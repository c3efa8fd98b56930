namespace SafeguardingIngest.Validation;

/// <summary>
/// Every rule a return is checked against. Codes are stable: agencies and the performance team
/// quote them, and docs/validation-rules.md lists each with its example message.
/// </summary>
public static class Rules
{
    public static readonly Rule FileEmpty = new("file-empty", Severity.Error,
        "The file is empty", "The file is empty (0 bytes); save the return again and upload the saved file.");

    public static readonly Rule FileUnrecognised = new("file-unrecognised", Severity.Error,
        "Not an xlsx, xls or csv file",
        "This is a PDF document, not a spreadsheet; send the return as .xlsx, .xls or .csv.");

    public static readonly Rule FileCorrupt = new("file-corrupt", Severity.Error,
        "The spreadsheet is damaged and cannot be read",
        "The workbook is damaged and cannot be read (the file is cut short); open it in Excel, save it again and " +
        "resend it.");

    public static readonly Rule FilePasswordProtected = new("file-password-protected", Severity.Error,
        "The workbook is protected with a password",
        "The workbook is protected with a password; remove the password (File > Info > Protect Workbook) and resend " +
        "it.");

    public static readonly Rule FileMacroEnabled = new("file-macro-enabled", Severity.Error,
        "The workbook contains macros",
        "The workbook contains macros (VBA), which are not accepted; save it as an Excel Workbook (.xlsx) and resend " +
        "it.");

    public static readonly Rule UploadPathInvalid = new("upload-path-invalid", Severity.Error,
        "The upload is not in an agency and period folder",
        "The file was uploaded as 'return.xlsx'; upload it under returns/{agency}/{period}/{file}, for example " +
        "returns/POL/2025-26-Q2/return.xlsx.");

    public static readonly Rule FileTooLarge = new("file-too-large", Severity.Error,
        "The file is over the size limit",
        "The file is 31 MB, over the 25 MB limit; remove extra sheets or images and resend it.");

    public static readonly Rule FileDecompressedTooLarge = new("file-decompressed-too-large", Severity.Error,
        "The workbook expands to more than the limit",
        "The workbook expands to 300 MB when opened, over the 256 MB limit; it cannot be a quarterly return.");

    public static readonly Rule SheetTooManyRows = new("sheet-too-many-rows", Severity.Error,
        "A sheet has more rows than the limit",
        "The file has more than 250,000 rows; a quarterly return holds aggregate figures, one row per indicator and " +
        "locality.");

    public static readonly Rule SheetTooManyColumns = new("sheet-too-many-columns", Severity.Error,
        "A row has more columns than the limit",
        "Row 1 has 10,002 columns, over the limit of 256; delete the unused columns.");

    public static readonly Rule CellTooLong = new("cell-too-long", Severity.Error,
        "A cell holds more text than the limit",
        "F2: the cell holds 5,242,880 characters, over the limit of 32,767; shorten it.");

    public static readonly Rule FileTypeMismatch = new("file-type-mismatch", Severity.Warning,
        "The file's name says workbook but it holds text",
        "return.xlsx is named as an Excel workbook (.xlsx) but holds plain text, values separated by commas or tabs " +
        "(a csv), so it was read as a csv; rename it .csv, or open it in Excel and save it as an Excel Workbook " +
        "(.xlsx).");

    public static readonly Rule IndicatorsMissing = new("indicators-missing", Severity.Error,
        "No Indicators sheet or table",
        "No sheet has an Indicators table (a header row with an 'Indicator' column in its first 20 rows); sheets " +
        "found: Sheet1, Notes. Row 1 of 'Sheet1' has the headings 'Ind', 'Area', 'Value' ('Ind' may be Indicator); " +
        "the template's headings are Indicator, Title, Unit, Locality, Numerator, Denominator, Value, Commentary.");

    public static readonly Rule ColumnUnrecognised = new("column-unrecognised", Severity.Warning,
        "A heading names no column of the return",
        "C1: the heading 'Numbr' names no column of the return, so the column was not read; did you mean Numerator? " +
        "Use the template's headings.");

    public static readonly Rule ColumnAmbiguous = new("column-ambiguous", Severity.Warning,
        "Two headings name the same column",
        "G1: 'Result' and 'Value' (E1) both name the Value column; E1 was read and G1 was not. Rename or remove one " +
        "of them.");

    public static readonly Rule ColumnMissing = new("column-missing", Severity.Error,
        "A required column is missing",
        "A3: the Indicators table has no 'Value' or 'Numerator' column; add one (see the template).");

    public static readonly Rule AgencyMissing = new("agency-missing", Severity.Error,
        "The agency is not given",
        "The Cover sheet does not say which agency this return is from; fill in Agency (B2).");

    public static readonly Rule AgencyUnknown = new("agency-unknown", Severity.Error,
        "The agency is not a partner agency",
        "B2: 'Staffordshire Polce' is not a partner agency; did you mean 'POL'?");

    public static readonly Rule AgencyMismatch = new("agency-mismatch", Severity.Error,
        "The cover's agency differs from the upload's",
        "B2: the Cover says 'CSC' but the return was sent for 'POL'; correct the Cover or send it under your own " +
        "agency.");

    public static readonly Rule PeriodMissing = new("period-missing", Severity.Error,
        "The reporting period is not given",
        "The Cover sheet does not say which quarter this return is for; fill in Period (B4).");

    public static readonly Rule PeriodInvalid = new("period-invalid", Severity.Error,
        "The reporting period cannot be read",
        "B4: 'Autumn 2025' is not a reporting period; write it like 2025-26 Q2.");

    public static readonly Rule FileNameDisagrees = new("file-name-disagrees", Severity.Warning,
        "The file name names another agency or quarter",
        "The file is named POL-2025-26-Q1.xlsx, but the return is CSC's for 2025-26 Q2 (from the Cover); rename it " +
        "CSC-2025-26-Q2.xlsx so nobody is misled.");

    public static readonly Rule PeriodMismatch = new("period-mismatch", Severity.Error,
        "The cover's period differs from the upload's",
        "B4: the Cover says 2025-26 Q1 but the return was sent for 2025-26 Q2; correct the Cover or send it for the " +
        "right quarter.");

    public static readonly Rule IndicatorUnknown = new("indicator-unknown", Severity.Error,
        "The indicator is not in the catalogue",
        "A2: 'CH0l' is not an indicator in the catalogue; did you mean 'CH01'?");

    public static readonly Rule IndicatorNotCollected = new("indicator-not-collected", Severity.Error,
        "The indicator is not collected in the return's quarter",
        "A2: NEG06 was last collected in 2025-26, so it is not part of a 2026-27 Q1 return; leave the row out.");

    public static readonly Rule AgencyNotOwing = new("agency-not-owing", Severity.Error,
        "The agency owes no return for the quarter",
        "CHS owes no return for 2026-27 Q2: CHS was last a partner agency in 2026-27 Q1.");

    public static readonly Rule LocalityNotInForce = new("locality-not-in-force", Severity.Error,
        "The locality does not exist in the return's quarter",
        "B2: Eastfield exists from 2025-26 Q3, so a 2025-26 Q2 return has no row for it; leave the row out.");

    public static readonly Rule IndicatorNotOwed = new("indicator-not-owed", Severity.Error,
        "The agency does not return this indicator",
        "A6: NI 68 is not returned by POL; leave the row out, or ask the performance team to add your agency to it.");

    public static readonly Rule LocalityUnknown = new("locality-unknown", Severity.Error,
        "The locality is not one of the partnership's",
        "B2: 'Stafferd' is not a locality; did you mean 'Stafford'?");

    public static readonly Rule LocalityRequired = new("locality-required", Severity.Error,
        "The indicator is returned per locality",
        "B2: CH01 is returned per locality, not for the whole area; give one row for each locality.");

    public static readonly Rule LocalityNotExpected = new("locality-not-expected", Severity.Error,
        "The indicator is returned for the whole area only",
        "B2: NI 32 is returned for the whole area only; leave Locality blank or write 'All'.");

    public static readonly Rule RowDuplicate = new("row-duplicate", Severity.Error,
        "The same indicator and locality appear twice",
        "A3: CSC-REF for Tamworth appears twice (first at row 2); keep one row.");

    public static readonly Rule IndicatorMissing = new("indicator-missing", Severity.Error,
        "An indicator the agency owes is missing",
        "NI 65 (Children becoming the subject of a child protection plan for a second or subsequent time) is " +
        "missing; add a row for it.");

    public static readonly Rule LocalityMissing = new("locality-missing", Severity.Error,
        "An owed locality is missing for an indicator", "CH01 is missing for Cannock, Tamworth; add a row for each.");

    public static readonly Rule ValueMissing = new("value-missing", Severity.Error,
        "The row has no figure",
        "C2: CH141 has no figure; enter the count in Numerator.");

    public static readonly Rule ValueNotNumber = new("value-not-number", Severity.Error,
        "A figure is not a number",
        "D2: 'n/a' is not a number; enter the figure, or 0 (with 0 in Denominator) or 'no cases' if there were none " +
        "this quarter.");

    public static readonly Rule ValueNegative = new("value-negative", Severity.Error,
        "A figure is negative",
        "E2: -3 is negative; DA02 cannot be below 0.");

    public static readonly Rule ValueNotWhole = new("value-not-whole", Severity.Error,
        "A count is not a whole number",
        "E2: 12.5 is not a whole number; a count of children is whole.");

    public static readonly Rule NumeratorAboveDenominator = new("numerator-above-denominator", Severity.Error,
        "The numerator is larger than the denominator",
        "C2: the numerator 120 is larger than the denominator 100; a percentage cannot be over 100%.");

    public static readonly Rule PercentageOutOfRange = new("percentage-out-of-range", Severity.Error,
        "A percentage is outside 0–100",
        "E2: 147 is not a percentage between 0 and 100.");

    public static readonly Rule DenominatorZero = new("denominator-zero", Severity.Error,
        "The denominator is zero",
        "D2: the denominator is 0 but the numerator is 3, so NI 32 cannot be worked out; enter the denominator (or 0 " +
        "and 0 if there were no cases).");

    public static readonly Rule DenominatorMissing = new("denominator-missing", Severity.Error,
        "A ratio has no denominator",
        "D2: NI 32 is a percentage and needs a Denominator.");

    public static readonly Rule PopulationMissing = new("population-missing", Severity.Error,
        "No population is known for a rate",
        "D2: no under-18 population is held for Cannock in 2027-28; enter it in Denominator.");

    public static readonly Rule ValueMismatch = new("value-mismatch", Severity.Error,
        "The value disagrees with numerator and denominator",
        "E2: the Value 16.2 disagrees with 22 / 150 × 100 = 14.667; correct one of them, or leave Value blank.");

    public static readonly Rule ValueSuppressed = new("value-suppressed", Severity.Error,
        "A figure is suppressed",
        "E2: '<5' is a suppressed figure, which cannot be added up; enter the actual count for NEG04 (returns are " +
        "not published).");

    public static readonly Rule ValueFormulaError = new("value-formula-error", Severity.Error,
        "A cell shows a formula error",
        "G2: the cell shows #DIV/0!; fix the formula or type the figure.");

    public static readonly Rule PersonalData = new("personal-data", Severity.Error,
        "The return looks like it holds personal data",
        "C1: the column 'Date of birth' looks like dates of birth; returns hold aggregate counts only. Remove the " +
        "column and resend.");

    public static readonly Rule ActionRagInvalid = new("action-rag-invalid", Severity.Error,
        "An action's RAG is not Red, Amber or Green",
        "C2: 'On track' is not a RAG rating; choose Red, Amber or Green.");

    public static readonly Rule ActionRecoveryMissing = new("action-recovery-missing", Severity.Error,
        "An Amber or Red action has no recovery actions",
        "E2: action 3 is Red but gives no recovery actions; say what will bring it back on track.");

    public static readonly Rule RiskScoreInvalid = new("risk-score-invalid", Severity.Error,
        "A risk's impact or likelihood is outside 1–5",
        "C2: impact '7' is not between 1 (low) and 5 (catastrophic).");

    public static readonly Rule ValueOutsideRange = new("value-outside-range", Severity.Warning,
        "A value is outside the catalogue's plausible range",
        "E2: 5,000 is above the highest plausible value for DA02 (400); please confirm or correct it.");

    public static readonly Rule ValueLargeChange = new("value-large-change", Severity.Warning,
        "A value changed more than expected since last quarter",
        "G45: CSC-REF in Tamworth rose 58.3% since 2025-26 Q1 (from 120 to 190), more than the 30% expected; please " +
        "explain in Commentary.");

    /// <summary>Rules checked by the ingest pipeline before a file reaches the validator.</summary>
    public static IReadOnlyList<Rule> IngestOnly { get; } = [UploadPathInvalid];

    /// <summary>Every rule, in the order the documentation lists them.</summary>
    public static IReadOnlyList<Rule> All { get; } =
    [
        UploadPathInvalid, FileEmpty, FileUnrecognised, FileCorrupt, FilePasswordProtected, FileMacroEnabled,
        FileTooLarge,
        FileDecompressedTooLarge, FileTypeMismatch, SheetTooManyRows, SheetTooManyColumns, CellTooLong,
        IndicatorsMissing, ColumnUnrecognised, ColumnAmbiguous, ColumnMissing,
        AgencyMissing, AgencyUnknown, AgencyMismatch, PeriodMissing, PeriodInvalid, PeriodMismatch, FileNameDisagrees,
        AgencyNotOwing, IndicatorUnknown, IndicatorNotCollected, IndicatorNotOwed, LocalityUnknown, LocalityNotInForce,
        LocalityRequired, LocalityNotExpected, RowDuplicate,
        IndicatorMissing, LocalityMissing, ValueMissing, ValueNotNumber, ValueNegative, ValueNotWhole,
        NumeratorAboveDenominator, PercentageOutOfRange, DenominatorZero, DenominatorMissing, PopulationMissing,
        ValueMismatch, ValueSuppressed, ValueFormulaError, PersonalData, ActionRagInvalid, ActionRecoveryMissing,
        RiskScoreInvalid, ValueOutsideRange, ValueLargeChange,
    ];
}
