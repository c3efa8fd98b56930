using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Validation;

/// <summary>Reads the optional Actions sheet: each action's RAG, and recovery actions where Amber or Red.</summary>
internal static class ActionTable
{
    public static List<ActionItem> Read(ISheetCursor cursor, FindingCollector findings)
    {
        var sheet = cursor.SheetName;
        var items = new List<ActionItem>();
        var header = TableReading.FindHeader(cursor, ColumnAliases.Actions, ReturnColumn.Action, findings, "Action");
        if (header is null)
        {
            return items;
        }

        if (!header.Has(ReturnColumn.Rag))
        {
            findings.Add(Rules.ColumnMissing, sheet, CellReference.Cell(0, header.RowNumber), null,
                "the Actions table has no 'RAG' column; add one (see the template).");
            return items;
        }

        while (cursor.Read())
        {
            var reference = CellText.Of(cursor[header[ReturnColumn.Action]]);
            var description = CellText.Of(cursor[header[ReturnColumn.Description]]);
            var ragCell = cursor[header[ReturnColumn.Rag]];
            var ragText = CellText.Of(ragCell);
            var commentary = CellText.Of(cursor[header[ReturnColumn.Commentary]]);
            var recovery = CellText.Of(cursor[header[ReturnColumn.RecoveryActions]]);
            if (reference is null && description is null && ragText is null)
            {
                continue;
            }

            var row = cursor.RowNumber;
            var ragReference = CellReference.Cell(header[ReturnColumn.Rag], row);
            // Every text the board's page prints, screened as commentary is.
            TableReading.CheckText(findings, sheet, header, ReturnColumn.Action, row, reference);
            TableReading.CheckText(findings, sheet, header, ReturnColumn.Description, row, description);
            TableReading.CheckText(findings, sheet, header, ReturnColumn.Commentary, row, commentary);
            TableReading.CheckText(findings, sheet, header, ReturnColumn.RecoveryActions, row, recovery);
            if (ParseRag(ragText) is not { } rag)
            {
                findings.Add(Rules.ActionRagInvalid, sheet, ragReference, ragText,
                    ragText is null
                        ? $"action {reference ?? "(no number)"} has no RAG rating; choose Red, Amber or Green."
                        : $"'{ragText}' is not a RAG rating; choose Red, Amber or Green.");
                continue;
            }

            if (rag != Rag.Green && recovery is null)
            {
                var column = header.Has(ReturnColumn.RecoveryActions)
                    ? header[ReturnColumn.RecoveryActions]
                    : header[ReturnColumn.Rag];
                findings.Add(Rules.ActionRecoveryMissing, sheet, CellReference.Cell(column, row), null,
                    $"action {reference ?? "(no number)"} is {rag} but gives no recovery actions; say what will " +
                    "bring it back on track.");
                continue;
            }

            items.Add(new ActionItem(
                reference ?? string.Empty,
                description,
                rag,
                commentary,
                recovery,
                CellReference.Qualified(sheet, ragReference)));
        }

        return items;
    }

    /// <summary>Red, Amber or Green, in any case, or their initials; null for anything else.</summary>
    public static Rag? ParseRag(string? text) => NameKey.Fold(text) switch
    {
        "red" or "r" => Rag.Red,
        "amber" or "a" => Rag.Amber,
        "green" or "g" => Rag.Green,
        _ => null,
    };
}
