using System.Globalization;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Spreadsheets;

namespace SafeguardingIngest.Reports;

/// <summary>
/// consolidated-return.xlsx, the performance team's working copy: Summary, Localities, Agencies,
/// Submissions, Actions, Risks, Commentary and Data quality, each with a frozen heading row, number
/// formats for each unit, and RAG cells coloured and labelled in words. Not published, so not suppressed,
/// and the one place (with the JSON) that agencies' commentary and queries are kept in full.
/// Text from agencies is written as text and cannot start a formula.
/// </summary>
public static class XlsxReport
{
    /// <summary>The file name.</summary>
    public const string FileName = "consolidated-return.xlsx";

    /// <summary>Writes the workbook of a first release.</summary>
    public static byte[] Render(ConsolidatedReturn report) =>
        Render(report, ReleaseContext.First(ReleaseStatus.Published));

    /// <summary>Writes the workbook of <paramref name="release"/>.</summary>
    public static byte[] Render(ConsolidatedReturn report, ReleaseContext release)
    {
        using var buffer = new MemoryStream();
        XlsxWriter.Write(
            buffer,
            [
                Summary(report), Localities(report), Agencies(report), Submissions(report), Actions(report),
                Risks(report), Commentary(report), DataQuality(report), About(report, release),
            ]);
        return buffer.ToArray();
    }

    private static SheetDefinition Summary(ConsolidatedReturn report)
    {
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            Headings(
                "Code", "Indicator", "Unit", "Polarity", "This quarter", "Previous quarter", "Same quarter last year",
                "Change on last year (pp for a percentage, else %)", "Year to date", "Year to date last year",
                "Year to date change (pp for a percentage, else %)", "Baseline", "Baseline year", "Annual target",
                "Target to date", "RAG", "Since previous quarter", "Since last year", "Kind", "Owed returns lacking"),
        };
        foreach (var result in report.Indicators)
        {
            var indicator = result.Indicator;
            var area = result.Area;
            var why = area.NotComparableWithLastYear;
            rows.Add(
            [
                SheetCell.Of(indicator.Code, CellStyle.Bold), SheetCell.Of(indicator.Title, CellStyle.Wrap),
                FigureText.Unit(indicator.Unit), FigureText.Polarity(indicator.Polarity),
                Number(area.Value, indicator.Unit), Number(area.Previous, indicator.Unit),
                Number(area.SameQuarterLastYear, indicator.Unit),
                why is not null ? SheetCell.Of(why, CellStyle.Note)
                    : Change(area.VariationOnLastYear, area.Value, area.SameQuarterLastYear,
                        area.Coverage.IsComplete && area.LastYearCoverage.IsComplete, indicator.Unit),
                Number(area.YearToDate, indicator.Unit), Number(area.YearToDateLastYear, indicator.Unit),
                why is not null ? SheetCell.Of(why, CellStyle.Note)
                    : Change(area.YearToDateVariation, area.YearToDate, area.YearToDateLastYear,
                    area.YearToDateCoverage.IsComplete && area.YearToDateLastYearCoverage.IsComplete, indicator.Unit),
                Number(indicator.Baseline?.Value, indicator.Unit), SheetCell.Of(indicator.Baseline?.Year),
                Number(result.Target, indicator.Unit), Number(result.TargetToDate, indicator.Unit),
                RagCell(area, result.TargetToDate, rated: true),
                area.NotComparableWithPrevious
                    ?? FigureText.DirectionText(area.SincePrevious, area.Value, area.Previous),
                area.NotComparableWithLastYear
                    ?? FigureText.DirectionText(area.SinceLastYear, area.Value, area.SameQuarterLastYear),
                indicator.Kind == MeasureKind.Flow ? "flow: adds up over the year" : "stock: position at quarter end",
                Lacking(area, report.AgencyNames),
            ]);
        }

        return Sheet("Summary", rows, [9, 50, 12, 15, 12, 12, 12, 12, 12, 12, 12, 10, 9, 10, 10, 12, 14, 14, 26, 50]);
    }

    private static SheetDefinition Localities(ConsolidatedReturn report)
    {
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            Headings(
                "Code",
                "Indicator",
                "Locality",
                "This quarter",
                "Previous quarter",
                "Same quarter last year",
                "Year to date",
                "RAG",
                "Since previous quarter",
                "Since last year",
                "Owed returns lacking")
        };
        foreach (var result in report.Indicators)
        {
            rows.AddRange(result.Localities.Select(l => Breakdown(result, l, report.AgencyNames)));
        }

        return Sheet("Localities", rows, [9, 40, 24, 12, 12, 12, 12, 12, 14, 14, 40]);
    }

    private static SheetDefinition Agencies(ConsolidatedReturn report)
    {
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            Headings(
                "Code",
                "Indicator",
                "Agency",
                "This quarter",
                "Previous quarter",
                "Same quarter last year",
                "Year to date",
                "RAG",
                "Since previous quarter",
                "Since last year",
                "Owed returns lacking")
        };
        foreach (var result in report.Indicators)
        {
            rows.AddRange(result.Agencies.Select(a => Breakdown(result, a, report.AgencyNames)));
        }

        return Sheet("Agencies", rows, [9, 40, 30, 12, 12, 12, 12, 12, 14, 14, 40]);
    }

    private static IReadOnlyList<SheetCell> Breakdown(
        IndicatorResult result,
        BreakdownRow row,
        IReadOnlyDictionary<string, string> agencyNames)
    {
        var indicator = result.Indicator;
        var f = row.Figures;
        return
        [
            SheetCell.Of(indicator.Code, CellStyle.Bold), SheetCell.Of(indicator.Title), row.Name,
            Number(f.Value, indicator.Unit), Number(f.Previous, indicator.Unit),
            Number(f.SameQuarterLastYear, indicator.Unit),
            Number(f.YearToDate, indicator.Unit),
            RagCell(f, result.TargetToDate, rated: indicator.Unit != IndicatorUnit.Count),
            f.NotComparableWithPrevious ?? FigureText.DirectionText(f.SincePrevious, f.Value, f.Previous),
            f.NotComparableWithLastYear ?? FigureText.DirectionText(f.SinceLastYear, f.Value, f.SameQuarterLastYear),
            Lacking(f, agencyNames),
        ];
    }

    /// <summary>Every owed return any of a scope's figures lacks, or empty when all are in.</summary>
    private static SheetCell Lacking(IndicatorFigures f, IReadOnlyDictionary<string, string> agencyNames)
    {
        var missing = f.Lacking;
        return missing.IsComplete
            ? SheetCell.Empty
            : SheetCell.Of(FigureText.Missing(missing, agencyNames), CellStyle.Wrap);
    }

    private static SheetDefinition Submissions(ConsolidatedReturn report)
    {
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            Headings(
                "Agency",
                "Name",
                "State",
                "Due",
                "Received",
                "Submission",
                "Rows",
                "Errors",
                "Warnings",
                "Latest upload")
        };
        rows.AddRange(report.Submissions.Select(s => (IReadOnlyList<SheetCell>)
        [
            SheetCell.Of(s.Agency, CellStyle.Bold), s.AgencyName, SheetCell.Of(s.Describe(), StateStyle(s.State)),
            s.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            SheetCell.Of(s.Current?.ReceivedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            SheetCell.Of(s.Current?.Id), SheetCell.Of((double?)s.Current?.Rows, CellStyle.Whole),
            SheetCell.Of((double?)s.Latest?.Errors, CellStyle.Whole),
            SheetCell.Of((double?)s.Latest?.Warnings, CellStyle.Whole),
            SheetCell.Of(s.Latest?.Status.ToString()),
        ]));
        return Sheet("Submissions", rows, [9, 45, 28, 11, 17, 26, 8, 8, 9, 22]);
    }

    private static SheetDefinition Actions(ConsolidatedReturn report)
    {
        var summary = report.Actions;
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            Headings("Agency", "Action", "Description", "RAG", "Commentary", "Recovery actions"),
        };
        rows.AddRange(summary.AmberAndRed.Select(a => (IReadOnlyList<SheetCell>)
        [
            SheetCell.Of(a.Agency, CellStyle.Bold), Text(a.Item.Reference), Text(a.Item.Description, CellStyle.Wrap),
            RagCell(a.Item.Rag),
            Text(a.Item.Commentary, CellStyle.Wrap), Text(a.Item.RecoveryActions, CellStyle.Wrap),
        ]));
        rows.Add([]);
        rows.Add([
            SheetCell.Of("Actions by RAG", CellStyle.Bold),
            SheetCell.Empty,
            SheetCell.Empty,
            SheetCell.Of("Red", CellStyle.RagRed),
            SheetCell.Of(summary.Red, CellStyle.Whole)]);
        rows.Add([
            SheetCell.Empty,
            SheetCell.Empty,
            SheetCell.Empty,
            SheetCell.Of("Amber", CellStyle.RagAmber),
            SheetCell.Of(summary.Amber, CellStyle.Whole)]);
        rows.Add([
            SheetCell.Empty,
            SheetCell.Empty,
            SheetCell.Empty,
            SheetCell.Of("Green", CellStyle.RagGreen),
            SheetCell.Of(summary.Green, CellStyle.Whole)]);
        return Sheet("Actions", rows, [9, 8, 50, 9, 50, 50]);
    }

    private static SheetDefinition Risks(ConsolidatedReturn report)
    {
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            Headings("Agency", "Risk", "Description", "Impact", "Likelihood", "Score", "Mitigation", "Owner", "Due")
        };
        rows.AddRange(report.Risks.Select(r => (IReadOnlyList<SheetCell>)
        [
            SheetCell.Of(r.Agency, CellStyle.Bold), Text(r.Item.Reference), Text(r.Item.Description, CellStyle.Wrap),
            SheetCell.Of(r.Item.Impact, CellStyle.Whole), SheetCell.Of(r.Item.Likelihood, CellStyle.Whole),
            SheetCell.Of(r.Item.Score, CellStyle.Bold),
            Text(r.Item.Mitigation, CellStyle.Wrap), Text(r.Item.Owner), Text(r.Item.Due),
        ]));
        return Sheet("Risks", rows, [9, 7, 50, 8, 10, 7, 50, 22, 12]);
    }

    /// <summary>Every row an agency wrote commentary on, with its cell: internal, never published.</summary>
    private static SheetDefinition Commentary(ConsolidatedReturn report)
    {
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            Headings("Period", "Agency", "Indicator", "Locality", "Where", "Commentary"),
        };
        rows.AddRange(AgencyCommentary.Of(report).Select(o => (IReadOnlyList<SheetCell>)
        [
            o.Period.ToString(), SheetCell.Of(o.Agency, CellStyle.Bold), o.Indicator, o.Locality, o.Source,
            Text(o.Commentary, CellStyle.Wrap),
        ]));
        return Sheet("Commentary", rows, [11, 9, 10, 10, 16, 70]);
    }

    private static SheetDefinition DataQuality(ConsolidatedReturn report)
    {
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            Headings("Agency", "Where", "Rule", "Query", "Explained", "Commentary")
        };
        rows.AddRange(report.Queries.Select(q => (IReadOnlyList<SheetCell>)
        [
            SheetCell.Of(q.Agency, CellStyle.Bold), SheetCell.Of(q.Finding.Location), q.Finding.Code,
            Text(q.Finding.Message, CellStyle.Wrap),
            q.Explained ? "Yes" : "No", Text(q.Commentary, CellStyle.Wrap),
        ]));
        return Sheet("Data quality", rows, [9, 18, 20, 70, 10, 50]);
    }

    /// <summary>What the workbook is, and that it must not be published as it stands.</summary>
    private static SheetDefinition About(ConsolidatedReturn report, ReleaseContext release)
    {
        List<IReadOnlyList<SheetCell>> rows =
        [
            Headings("About", string.Empty),
            ["Partnership", Text(report.Partnership)],
            ["Period", report.Period.ToString()],
            ["Compiled", UkTime.Describe(report.CompiledAt)],
            ["Release", string.Create(CultureInfo.InvariantCulture, $"{release.Number} ({release.StatusText})")],
            ["Publication", Text(ReportDisclosure.NotForPublication, CellStyle.Wrap)],
        ];
        return Sheet("About", rows, [14, 90]);
    }

    private static SheetDefinition Sheet(string name, List<IReadOnlyList<SheetCell>> rows, double[] widths) =>
        new(name, rows) { FrozenRows = 1, ColumnWidths = widths, AutoFilter = rows.Count > 1 };

    private static SheetCell[] Headings(params string[] names) => names.Select(SheetCell.Header).ToArray();

    private static SheetCell Number(double? value, IndicatorUnit unit) =>
        SheetCell.Of(value, unit == IndicatorUnit.Count ? CellStyle.Whole : CellStyle.OneDecimal);

    /// <summary>
    /// A change on last year as the number the page shows (already one decimal), or why there is none.
    /// </summary>
    private static SheetCell Change(double? change, double? now, double? before, bool comparable, IndicatorUnit unit) =>
        change is { } c
            ? SheetCell.Of(c, CellStyle.OneDecimal)
            : SheetCell.Of(FigureText.ChangeText(null, now, before, comparable, unit), CellStyle.Note);

    private static SheetCell Text(string? text, CellStyle style = CellStyle.Default) =>
        SheetCell.Of(FigureText.SafeForSpreadsheet(text), style);

    private static SheetCell RagCell(Rag? rag) => rag switch
    {
        Rag.Red => SheetCell.Of("Red", CellStyle.RagRed),
        Rag.Amber => SheetCell.Of("Amber", CellStyle.RagAmber),
        Rag.Green => SheetCell.Of("Green", CellStyle.RagGreen),
        _ => SheetCell.Of("No target", CellStyle.Note),
    };

    private static SheetCell RagCell(IndicatorFigures figures, double? targetToDate, bool rated) =>
        figures.Rag is { } rag
            ? RagCell(rag)
            : SheetCell.Of(FigureText.RagText(figures, targetToDate, rated), CellStyle.Note);

    private static CellStyle StateStyle(SafeguardingIngest.Submissions.ReturnStateKind state) => state switch
    {
        SafeguardingIngest.Submissions.ReturnStateKind.OnTime => CellStyle.RagGreen,
        SafeguardingIngest.Submissions.ReturnStateKind.Late => CellStyle.RagAmber,
        SafeguardingIngest.Submissions.ReturnStateKind.NotYetDue => CellStyle.Note,
        _ => CellStyle.RagRed,
    };
}
