using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Validation;

/// <summary>
/// Checks a quarterly return against the partnership's catalogue in one pass and turns its good
/// rows into observations. A bad return is an outcome (a report with findings), never an
/// exception; a file that cannot be read as a return at all stops at that one finding.
/// </summary>
public sealed class ReturnValidator(Partnership partnership, ReaderLimits? limits = null)
{
    private readonly ReaderLimits _limits = limits ?? ReaderLimits.Default;

    /// <summary>The reference data returns are checked against.</summary>
    public Partnership Partnership => partnership;

    /// <summary>Checks a return held in a file.</summary>
    public ReturnResult ValidateFile(
        string path,
        ReturnContext context,
        IObservationSink? sink = null,
        IPreviousValues? previous = null)
    {
        using var stream = File.OpenRead(path);
        return Validate(stream, context with { FileName = context.FileName ?? Path.GetFileName(path) }, sink, previous);
    }

    /// <summary>
    /// Checks a return. <paramref name="content"/> must be seekable (ExcelDataReader needs it);
    /// observations go to <paramref name="sink"/> as they are read, before the verdict.
    /// </summary>
    public ReturnResult Validate(
        Stream content,
        ReturnContext context,
        IObservationSink? sink = null,
        IPreviousValues? previous = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        var findings = new FindingCollector(_limits.MaxFindings);
        var opened = SpreadsheetOpener.Open(content, _limits);
        if (opened.Problem is not null)
        {
            findings.Add(opened.Problem.ToFinding());
            return Result(findings, 0, context.Agency, context.Period, null, [], []);
        }

        using var spreadsheet = opened.Spreadsheet!;
        if (spreadsheet.Kind == ReturnFileKind.Csv && Path.GetExtension(context.FileName) is { } extension &&
            extension.ToLowerInvariant() is ".xlsx" or ".xls" or ".xlsm" or ".xlsb")
        {
            // Text that Excel would open, sent under a workbook's name: read it, and say what it is.
            findings.Add(Rules.FileTypeMismatch, null, null, context.FileName,
                $"{context.FileName} is named as an Excel workbook ({extension}) but holds plain text, values " +
                $"separated by {(spreadsheet.UsesDecimalComma ? "semicolons" : "commas or tabs")} (a csv), so it was " +
                "read as a csv; rename it .csv, or open it in Excel and save it as an Excel Workbook (.xlsx).");
        }

        var table = (IndicatorTable?)null;
        var identity = new Identity(null, context.Period, null, context.Period is null ? null : context.GivenBy);
        List<ActionItem> actions = [];
        List<RiskItem> risks = [];
        try
        {
            var roles = spreadsheet.Kind == ReturnFileKind.Csv
                ? new SheetRoles(-1, 0, -1, -1, [])
                : SheetRoles.Of(spreadsheet.SheetNames);
            CoverSheet? cover = null;
            if (roles.Cover >= 0)
            {
                using var cursor = spreadsheet.OpenSheet(roles.Cover);
                cover = CoverSheet.Read(cursor);
            }

            identity = ReturnIdentity.Resolve(
                partnership,
                cover,
                roles.Cover >= 0,
                spreadsheet.Kind,
                context,
                findings);
            // Rows are checked against the catalogue as it stood for the return's own quarter.
            var catalogue = identity.Period is { } quarter ? partnership.For(quarter) : partnership;
            if (identity.Period is { } owedFor && identity.Agency is { } sender &&
                sender.Dates.Outside(
                    sender.Code, owedFor, "is a partner agency from", "was last a partner agency in") is { } why)
            {
                findings.Add(
                    Rules.AgencyNotOwing, null, null, sender.Code,
                    $"{sender.Code} owes no return for {owedFor}: {why}.");
            }

            var rowContext = new IndicatorRowContext(
                catalogue,
                identity.Agency,
                identity.Period,
                spreadsheet.UsesDecimalComma,
                sink ?? NoSink.Instance,
                previous);
            table = new IndicatorTable(rowContext, findings);
            var unused = ReadIndicators(spreadsheet, roles, table);
            table.CheckWaitingChanges();
            if (!table.Found)
            {
                findings.Add(
                    Rules.IndicatorsMissing,
                    roles.Indicators >= 0 ? spreadsheet.SheetNames[roles.Indicators] : null,
                    null,
                    null,
                    MissingTable(spreadsheet, roles, table.NearestHeader));
            }
            else
            {
                table.CheckCompleteness();
            }

            if (roles.Actions >= 0)
            {
                using var cursor = spreadsheet.OpenSheet(roles.Actions);
                actions = ActionTable.Read(cursor, findings);
            }

            if (roles.Risks >= 0)
            {
                using var cursor = spreadsheet.OpenSheet(roles.Risks);
                risks = RiskTable.Read(cursor, findings);
            }

            foreach (var index in unused)
            {
                using var cursor = spreadsheet.OpenSheet(index);
                ScanForPersonalData(cursor, findings);
            }
        }
        catch (UnreadableSpreadsheetException e)
        {
            table?.CheckWaitingChanges();
            findings.AddFirst(e.Problem.ToFinding());
        }

        var result = Result(
            findings,
            table?.ObservationCount ?? 0,
            identity.Agency?.Code ?? context.Agency,
            identity.Period,
            spreadsheet.Kind,
            actions,
            risks);
        return result with
        {
            Report = result.Report with { AgencyFrom = identity.AgencyFrom, PeriodFrom = identity.PeriodFrom }
        };
    }

    /// <summary>Why no Indicators table was found, in words that say what the file holds instead.</summary>
    private static string MissingTable(ISpreadsheet spreadsheet, SheetRoles roles, (string, HeaderRow)? nearest)
    {
        if (spreadsheet.Kind == ReturnFileKind.Csv)
        {
            // "Save As CSV" in Excel keeps only the sheet that was open: often the Cover.
            using var cursor = spreadsheet.OpenSheet(0);
            if (CoverSheet.Read(cursor) is { Agency: not null } or { Period: not null })
            {
                return "This csv holds a Cover sheet (Agency, Period, …) and no Indicators table: saving a workbook " +
                    "as csv keeps only the sheet that was open. " +
                       "Send the workbook itself (.xlsx), or open its Indicators sheet and save that one as csv.";
            }
        }

        return roles.Indicators >= 0
            ? $"The sheet '{spreadsheet.SheetNames[roles.Indicators]}' has no header row with an 'Indicator' column " +
              $"in its first {HeaderRow.SearchRows} rows; use the template's headings." +
              MissingHeader.Describe(nearest, nameSheet: false)
            : "No sheet has an Indicators table (a header row with an 'Indicator' column in its first " +
              $"{HeaderRow.SearchRows} rows); sheets found: {string.Join(", ", spreadsheet.SheetNames)}." +
              MissingHeader.Describe(nearest, nameSheet: true);
    }

    /// <summary>
    /// A refusal reached without reading the file (an upload in the wrong place, or too large to fetch).
    /// </summary>
    public static ReturnResult Refuse(Finding finding, ReturnContext context)
    {
        var findings = new FindingCollector(1);
        findings.Add(finding);
        return Result(findings, 0, context.Agency, context.Period, null, [], []);
    }

    private static List<int> ReadIndicators(ISpreadsheet spreadsheet, SheetRoles roles, IndicatorTable table)
    {
        var unused = new List<int>(roles.Others);
        if (roles.Indicators >= 0)
        {
            using var cursor = spreadsheet.OpenSheet(roles.Indicators);
            if (!table.Read(cursor))
            {
                // No table where one belongs: what is there instead may be a list of children.
                unused.Add(roles.Indicators);
            }

            return unused;
        }

        // No sheet is called Indicators: take the first other sheet that holds the table.
        foreach (var index in roles.Others)
        {
            using var cursor = spreadsheet.OpenSheet(index);
            if (table.Read(cursor))
            {
                unused.Remove(index);
                break;
            }
        }

        return unused;
    }

    /// <summary>
    /// A sheet that is not part of the return (notes, a pasted list) is kept with the upload, so it is screened too:
    /// headings in its first rows, and its text until the first that holds personal data (one refuses the return).
    /// </summary>
    private static void ScanForPersonalData(ISheetCursor cursor, FindingCollector findings)
    {
        var textFound = false;
        while (cursor.Read())
        {
            for (var i = 0; i < cursor.FieldCount; i++)
            {
                var cell = cursor[i];
                if (cell.Kind != CellKind.Text)
                {
                    continue;
                }

                var sheet = cursor.SheetName;
                var where = CellReference.Cell(i, cursor.RowNumber);
                var inHeadings = cursor.RowNumber <= HeaderRow.SearchRows;
                if (inHeadings && PersonalDataDetector.KindOfHeading(cell.Text) is { } kind)
                {
                    var heading = cell.Text!.Trim();
                    findings.Add(Rules.PersonalData, sheet, where, heading,
                        $"the column '{heading}' on sheet '{sheet}' looks like {kind}; " +
                        "returns hold aggregate counts only. Remove the sheet or column and resend.");
                }
                else if (!textFound && PersonalDataDetector.KindInText(cell.Text) is { } written)
                {
                    textFound = true;
                    findings.Add(Rules.PersonalData, sheet, where, null,
                        $"the text on sheet '{sheet}' appears to contain {written}; " +
                        "returns hold aggregate counts only. Remove it and resend.");
                }
            }
        }
    }

    private static ReturnResult Result(
        FindingCollector findings, int observations, string? agency, Periods.ReportingPeriod? period,
        ReturnFileKind? kind,
        IReadOnlyList<ActionItem> actions, IReadOnlyList<RiskItem> risks)
    {
        var status = findings.ErrorCount > 0 ? ReturnStatus.Rejected
            : findings.WarningCount > 0 ? ReturnStatus.AcceptedWithWarnings
            : ReturnStatus.Accepted;
        var report = new ValidationReport(
            status,
            findings.Findings,
            findings.ErrorCount,
            findings.WarningCount,
            findings.NotShown,
            observations,
            agency,
            period,
            kind);
        return new ReturnResult(report, actions, risks);
    }

    private sealed class NoSink : IObservationSink
    {
        public static readonly NoSink Instance = new();

        public void Add(Observation observation)
        {
        }
    }
}
