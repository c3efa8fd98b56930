using System.Globalization;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Spreadsheets;

namespace SafeguardingIngest.Templates;

/// <summary>
/// Writes a return as a template v1 workbook: Cover, Indicators, Actions, Risks and Instructions,
/// with drop-downs for RAG and 1–5 scores. The same writer makes blank templates and filled returns,
/// so what agencies receive is exactly what the reader expects.
/// </summary>
public static class ReturnWorkbookWriter
{
    /// <summary>The template version written on the Cover.</summary>
    public const string TemplateVersion = "v1";

    private static readonly string[] s_ragChoices = ["Red", "Amber", "Green"];

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/>.</summary>
    public static void Write(Stream output, ReturnDocument document, Partnership partnership) =>
        XlsxWriter.Write(output, Sheets(document, partnership));

    /// <summary>Writes <paramref name="document"/> to a file.</summary>
    public static void WriteFile(string path, ReturnDocument document, Partnership partnership) =>
        XlsxWriter.WriteFile(path, Sheets(document, partnership));

    /// <summary>The sheets of the workbook, for callers that add their own.</summary>
    public static IEnumerable<SheetDefinition> Sheets(ReturnDocument document, Partnership partnership)
    {
        yield return Cover(document, partnership);
        yield return Indicators(document, partnership);
        yield return Actions(document);
        yield return Risks(document);
        yield return Instructions(document, partnership);
    }

    private static SheetDefinition Cover(ReturnDocument document, Partnership partnership)
    {
        var due = document.DueDate?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            new[] { SheetCell.Of($"{partnership.Name}: quarterly return", CellStyle.Title) },
            new[] { SheetCell.Of("Agency", CellStyle.Bold), SheetCell.Of(document.Agency.Code) },
            new[] { SheetCell.Of("Agency name", CellStyle.Bold), SheetCell.Of(document.Agency.Name) },
            new[] { SheetCell.Of("Period", CellStyle.Bold), SheetCell.Of(document.Period.ToString()) },
            new[] { SheetCell.Of("Submitted by", CellStyle.Bold), SheetCell.Of(document.SubmittedBy, CellStyle.Input) },
            new[] { SheetCell.Of("Email", CellStyle.Bold), SheetCell.Of(document.Email, CellStyle.Input) },
            new[] { SheetCell.Of("Due by", CellStyle.Bold), SheetCell.Of(due) },
            new[] { SheetCell.Of("Template", CellStyle.Bold), SheetCell.Of(TemplateVersion) },
        };
        return new SheetDefinition("Cover", rows) { ColumnWidths = [18, 60] };
    }

    private static SheetDefinition Indicators(ReturnDocument document, Partnership partnership)
    {
        IEnumerable<IReadOnlyList<SheetCell>> Rows()
        {
            yield return [SheetCell.Header("Indicator"), SheetCell.Header("Title"), SheetCell.Header("Unit"),
                SheetCell.Header("Locality"), SheetCell.Header("Numerator"), SheetCell.Header("Denominator"),
                SheetCell.Header("Value"), SheetCell.Header("Commentary")];
            foreach (var row in document.Rows)
            {
                var locality = row.Locality == Locality.WholeAreaCode
                    ? "All"
                    : partnership.FindLocality(row.Locality)?.Name ?? row.Locality;
                var (numeratorStyle, denominatorStyle, valueStyle) = InputStyles(row.Indicator.Unit);
                yield return
                [
                    SheetCell.Of(row.Indicator.Code, CellStyle.Bold),
                    SheetCell.Of(row.Indicator.Title, CellStyle.Wrap),
                    SheetCell.Of(UnitHint(row.Indicator.Unit), CellStyle.Note),
                    SheetCell.Of(locality),
                    SheetCell.Of(row.Numerator, numeratorStyle),
                    SheetCell.Of(row.Denominator, denominatorStyle),
                    SheetCell.Of(row.Value, valueStyle),
                    SheetCell.Of(row.Commentary, CellStyle.Input),
                ];
            }
        }

        return new SheetDefinition("Indicators", Rows())
        {
            ColumnWidths = [11, 48, 26, 22, 12, 13, 10, 50],
            FrozenRows = 1,
            AutoFilter = true
        };
    }

    private static (CellStyle Numerator, CellStyle Denominator, CellStyle Value) InputStyles(IndicatorUnit unit) =>
        unit switch
    {
        IndicatorUnit.Count => (CellStyle.Default, CellStyle.Default, CellStyle.Input),
        IndicatorUnit.RatePer10000 => (CellStyle.Input, CellStyle.Default, CellStyle.OneDecimal),
        _ => (CellStyle.Input, CellStyle.Input, CellStyle.OneDecimal),
    };

    private static string UnitHint(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Count => "count: enter in Value",
        IndicatorUnit.Percentage => "percentage: numerator and denominator",
        IndicatorUnit.RatePer10000 => "rate per 10,000: count in Numerator",
        _ => "average: total in Numerator, number in Denominator",
    };

    private static SheetDefinition Actions(ReturnDocument document)
    {
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            new[]
            {
                SheetCell.Header("Action"), SheetCell.Header("Description"), SheetCell.Header("RAG"),
                SheetCell.Header("Commentary"), SheetCell.Header("Recovery actions"),
            },
        };
        rows.AddRange(document.Actions.Select(a => (IReadOnlyList<SheetCell>)
        [
            SheetCell.Of(a.Reference), SheetCell.Of(a.Description, CellStyle.Wrap),
            SheetCell.Of(a.Rag.ToString(), RagStyle(a.Rag)),
            SheetCell.Of(a.Commentary, CellStyle.Wrap), SheetCell.Of(a.RecoveryActions, CellStyle.Wrap),
        ]));
        return new SheetDefinition("Actions", rows)
        {
            ColumnWidths = [9, 50, 10, 50, 50],
            FrozenRows = 1,
            Validations = [CellValidation.List(
                "C2:C500",
                s_ragChoices,
                "Red: high risk the target will not be met by year end. Amber: concern, or on track with no " +
                "confidence it will stay so. Green: on track.")],
        };
    }

    private static SheetDefinition Risks(ReturnDocument document)
    {
        var rows = new List<IReadOnlyList<SheetCell>>
        {
            new[]
            {
                SheetCell.Header("Risk"), SheetCell.Header("Description"), SheetCell.Header("Impact"),
                SheetCell.Header("Likelihood"), SheetCell.Header("Mitigation"), SheetCell.Header("Owner"),
                SheetCell.Header("Due"),
            },
        };
        rows.AddRange(document.Risks.Select(r => (IReadOnlyList<SheetCell>)
        [
            SheetCell.Of(r.Reference), SheetCell.Of(r.Description, CellStyle.Wrap), SheetCell.Of(r.Impact),
            SheetCell.Of(r.Likelihood),
            SheetCell.Of(r.Mitigation, CellStyle.Wrap), SheetCell.Of(r.Owner), SheetCell.Of(r.Due),
        ]));
        return new SheetDefinition("Risks", rows)
        {
            ColumnWidths = [7, 50, 9, 11, 50, 22, 14],
            FrozenRows = 1,
            Validations =
            [
                CellValidation.WholeNumber(
                    "C2:C500",
                    1,
                    5,
                    "Impact: 1 low, 2 reasonable, 3 major, 4 severe, 5 catastrophic."),
                CellValidation.WholeNumber(
                    "D2:D500",
                    1,
                    5,
                    "Likelihood: 1 remote, 2 unlikely, 3 possible, 4 likely, 5 very likely."),
            ],
        };
    }

    private static SheetDefinition Instructions(ReturnDocument document, Partnership partnership)
    {
        string[] lines =
        [
            $"How to complete this return ({partnership.Name}, template {TemplateVersion})",
            string.Empty,
            $"1. Cover: check the agency ({document.Agency.Code}) and period ({document.Period}); fill in who " +
            "submitted it and their email.",
            "2. Indicators: one row per indicator and locality is already there. Fill the shaded cells.",
            "   - A count: enter it in Value.",
            "   - A percentage: enter the Numerator and Denominator (for example 22 children of 150). Value is " +
            "worked out; if you fill it too it must agree.",
            "   - A rate per 10,000: enter the count in Numerator; the under-18 population is held centrally (you " +
            "may enter it in Denominator).",
            "   - An average: enter the total in Numerator (for example total days) and the number of cases in " +
            "Denominator.",
            "   Enter actual figures: do not suppress small numbers (<5, *), returns are not published. Enter 0 " +
            "where there were none.",
            "   Use Commentary to explain any large change since last quarter. Never include names, dates of birth, " +
            "NHS numbers or UPNs.",
            "3. Actions: one row per action in your delivery plan, with its RAG self-assessment; for Amber or Red, " +
            "say what will bring it back on track.",
            "4. Risks: impact and likelihood each from 1 to 5 (score = impact × likelihood).",
            "5. Do not rename sheets or columns, add macros or a password. Save as .xlsx and upload it, or check it " +
            "first with: sgi validate FILE",
        ];
        return new SheetDefinition(
            "Instructions",
            lines.Select((line, i) => (IReadOnlyList<SheetCell>)[SheetCell.Of(
                line,
                i == 0 ? CellStyle.Title : CellStyle.Default)]))
        {
            ColumnWidths = [140],
        };
    }

    private static CellStyle RagStyle(Rag rag) => rag switch
    {
        Rag.Red => CellStyle.RagRed,
        Rag.Amber => CellStyle.RagAmber,
        _ => CellStyle.RagGreen,
    };
}
