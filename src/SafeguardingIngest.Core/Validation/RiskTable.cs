using System.Text.RegularExpressions;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Validation;

/// <summary>
/// Reads the optional Risks sheet: impact and likelihood each 1 to 5, as numbers or the scale's words.
/// </summary>
internal static partial class RiskTable
{
    private static readonly Dictionary<string, int> s_impactWords = new(StringComparer.Ordinal)
    {
        ["low"] = 1, ["reasonable"] = 2, ["major"] = 3, ["severe"] = 4, ["catastrophic"] = 5,
    };

    private static readonly Dictionary<string, int> s_likelihoodWords = new(StringComparer.Ordinal)
    {
        ["remote"] = 1, ["unlikely"] = 2, ["possible"] = 3, ["likely"] = 4, ["verylikely"] = 5,
    };

    public static List<RiskItem> Read(ISheetCursor cursor, FindingCollector findings)
    {
        var sheet = cursor.SheetName;
        var items = new List<RiskItem>();
        var header = TableReading.FindHeader(cursor, ColumnAliases.Risks, ReturnColumn.Risk, findings, "Risk");
        if (header is null)
        {
            return items;
        }

        foreach (var (column, name) in new[]
            {
                (ReturnColumn.Impact, "Impact"), (ReturnColumn.Likelihood, "Likelihood"),
            })
        {
            if (!header.Has(column))
            {
                findings.Add(Rules.ColumnMissing, sheet, CellReference.Cell(0, header.RowNumber), null,
                    $"the Risks table has no '{name}' column; add one (see the template).");
                return items;
            }
        }

        while (cursor.Read())
        {
            var reference = CellText.Of(cursor[header[ReturnColumn.Risk]]);
            var description = CellText.Of(cursor[header[ReturnColumn.Description]]);
            var impactCell = cursor[header[ReturnColumn.Impact]];
            var likelihoodCell = cursor[header[ReturnColumn.Likelihood]];
            if (reference is null && description is null && impactCell.IsBlank && likelihoodCell.IsBlank)
            {
                continue;
            }

            var row = cursor.RowNumber;
            var mitigation = CellText.Of(cursor[header[ReturnColumn.Mitigation]]);
            var owner = CellText.Of(cursor[header[ReturnColumn.Owner]]);
            var due = CellText.Of(cursor[header[ReturnColumn.Due]]);

            // Every text the board's page prints, screened as commentary is.
            TableReading.CheckText(findings, sheet, header, ReturnColumn.Risk, row, reference);
            TableReading.CheckText(findings, sheet, header, ReturnColumn.Description, row, description);
            TableReading.CheckText(findings, sheet, header, ReturnColumn.Mitigation, row, mitigation);
            TableReading.CheckText(findings, sheet, header, ReturnColumn.Owner, row, owner);
            TableReading.CheckText(findings, sheet, header, ReturnColumn.Due, row, due);
            var impact = Score(impactCell, s_impactWords);
            var likelihood = Score(likelihoodCell, s_likelihoodWords);
            if (impact is null)
            {
                findings.Add(
                    Rules.RiskScoreInvalid,
                    sheet,
                    CellReference.Cell(header[ReturnColumn.Impact], row),
                    impactCell.Display(),
                    $"impact {Shown(impactCell)} is not between 1 (low) and 5 (catastrophic).");
            }

            if (likelihood is null)
            {
                findings.Add(
                    Rules.RiskScoreInvalid,
                    sheet,
                    CellReference.Cell(header[ReturnColumn.Likelihood], row),
                    likelihoodCell.Display(),
                    $"likelihood {Shown(likelihoodCell)} is not between 1 (remote) and 5 (very likely).");
            }

            if (impact is null || likelihood is null)
            {
                continue;
            }

            items.Add(new RiskItem(
                reference ?? string.Empty, description, impact.Value, likelihood.Value, mitigation, owner, due,
                CellReference.Qualified(sheet, CellReference.Cell(header[ReturnColumn.Impact], row))));
        }

        return items;
    }

    private static string Shown(CellValue cell) => cell.Display() is { } text ? $"'{text}'" : "(blank)";

    private static int? Score(CellValue cell, Dictionary<string, int> words)
    {
        double number;
        if (cell.Kind == CellKind.Number)
        {
            number = cell.Number;
        }
        else if (cell.Kind == CellKind.Text && cell.Text is { } text)
        {
            if (words.TryGetValue(NameKey.Fold(text), out var word))
            {
                return word;
            }

            // "Major (3)", as the scoring key in delivery plans writes it.
            var match = ScoreInBrackets().Match(text);
            var figure = FigureReader.ReadText(match.Success ? match.Groups[1].Value : text, decimalComma: false);
            if (figure.State != FigureState.Number)
            {
                return null;
            }

            number = figure.Value;
        }
        else
        {
            return null;
        }

        return number is >= 1 and <= 5 && number == Math.Floor(number) ? (int)number : null;
    }

    [GeneratedRegex(@"\((\d+)\)\s*$")]
    private static partial Regex ScoreInBrackets();
}
