using SafeguardingIngest.Reading;

namespace SafeguardingIngest.Validation;

/// <summary>
/// What the Actions and Risks tables share: finding the header, and checking headings and free text for personal data.
/// </summary>
internal static class TableReading
{
    /// <summary>Reads down to the header row; reports a missing key column when there is none.</summary>
    public static HeaderRow? FindHeader(
        ISheetCursor cursor,
        IReadOnlyDictionary<string, ReturnColumn> aliases,
        ReturnColumn key,
        FindingCollector findings,
        string keyName)
    {
        while (cursor.Read() && cursor.RowNumber <= HeaderRow.SearchRows)
        {
            if (HeaderRow.TryRead(cursor, aliases, key, 2) is { } header)
            {
                foreach (var (column, heading) in header.Headings)
                {
                    if (PersonalDataDetector.KindOfHeading(heading) is { } kind)
                    {
                        findings.Add(
                            Rules.PersonalData,
                            cursor.SheetName,
                            CellReference.Cell(column, header.RowNumber),
                            heading,
                            $"the column '{heading}' looks like {kind}; returns hold aggregate counts only. Remove " +
                            "the column and resend.");
                    }
                }

                return header;
            }
        }

        findings.Add(Rules.ColumnMissing, cursor.SheetName, null, null,
            $"the {cursor.SheetName} sheet has no header row with an '{keyName}' column in its first " +
            $"{HeaderRow.SearchRows} rows; use the template's headings.");
        return null;
    }

    /// <summary>Reports free text that appears to hold personal data, naming its kind, never the text.</summary>
    public static void CheckText(
        FindingCollector findings,
        string sheet,
        HeaderRow header,
        ReturnColumn column,
        int row,
        string? text)
    {
        if (PersonalDataDetector.KindInText(text) is { } kind)
        {
            findings.Add(Rules.PersonalData, sheet, CellReference.Cell(header[column], row), null,
                $"the text appears to contain {kind}; returns hold aggregate counts only. Remove it and resend.");
        }
    }
}
