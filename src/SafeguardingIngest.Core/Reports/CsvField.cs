namespace SafeguardingIngest.Reports;

/// <summary>One field of a csv file as RFC 4180 writes it.</summary>
public static class CsvField
{
    /// <summary>
    /// The field, in double quotes (with its own doubled) where it holds a comma, a quote or a line break.
    /// </summary>
    public static string Quote(string field) =>
        field
            .AsSpan()
            .IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
