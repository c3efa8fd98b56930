namespace SafeguardingIngest.Validation;

/// <summary>
/// Words for an Indicators table whose header row was not found: the headings the agency wrote in
/// the row most like a header, the columns some of them may mean, and the template's headings.
/// </summary>
internal static class MissingHeader
{
    /// <summary>The Indicators headings of return template v1, in its order.</summary>
    public static readonly IReadOnlyList<string> TemplateHeadings =
        ["Indicator", "Title", "Unit", "Locality", "Numerator", "Denominator", "Value", "Commentary"];

    private const int MostShown = 12;

    /// <summary>
    /// How much a row looks like the header: headings that name a column, and those close to one. A row
    /// holding text that may be personal data scores 0, so it is never quoted back.
    /// </summary>
    public static int Score(HeaderRow row)
    {
        if (row.Headings.Any(h => PersonalDataDetector.KindOfHeading(h.Heading) is not null ||
                                  PersonalDataDetector.KindInText(h.Heading) is not null))
        {
            return 0;
        }

        return row.Recognised +
            row.Unread.Count(h => HeadingReader.Nearest(h.Heading, ColumnAliases.Indicators) is not null);
    }

    /// <summary>
    /// " Row 1 has the headings 'Ind', 'Area' ('Ind' may be Indicator); the template's headings are …",
    /// or only the template's where no row looked like a header.
    /// </summary>
    public static string Describe((string Sheet, HeaderRow Row)? nearest, bool nameSheet)
    {
        var template = $"the template's headings are {string.Join(", ", TemplateHeadings)}.";
        if (nearest is not { } found)
        {
            return $" None of those rows has a heading of the return; {template}";
        }

        var headings = found.Row.Headings;
        var shown = string.Join(", ", headings.Take(MostShown).Select(h => $"'{h.Heading}'"));
        var more = headings.Count > MostShown ? $" and {headings.Count - MostShown} more" : string.Empty;
        var meanings = found.Row.Unread
            .Select(h => (h.Heading, Column: HeadingReader.Nearest(h.Heading, ColumnAliases.Indicators)))
            .Where(h => h.Column is not null)
            .Select(h => $"'{h.Heading}' may be {h.Column}")
            .ToList();
        var hint = meanings.Count == 0 ? string.Empty : $" ({string.Join(", ", meanings)})";
        var where = nameSheet ? $"Row {found.Row.RowNumber} of '{found.Sheet}'" : $"Row {found.Row.RowNumber}";
        return $" {where} has the headings {shown}{more}{hint}; {template}";
    }
}
