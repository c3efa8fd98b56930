namespace SafeguardingIngest.Validation;

/// <summary>
/// One problem with a return, located like a JsonException locates its error: the rule's code and
/// severity, the sheet and cell, the offending value as written (never personal data) and a message
/// a data officer can act on.
/// </summary>
public sealed record Finding(string Code, Severity Severity, string? Sheet, string? Cell, string? Value, string Message)
{
    /// <summary>Creates a finding of <paramref name="rule"/>, prefixing the message with the cell.</summary>
    public static Finding Of(Rule rule, string? sheet, string? cell, string? value, string message) =>
        new(rule.Code, rule.Severity, sheet, cell, Clip(value), cell is null ? message : $"{cell}: {message}");

    /// <summary>
    /// The message without its leading cell ("the cell shows #DIV/0!; …" for "E3: the cell shows …"),
    /// for a table or line that shows <see cref="Location"/> beside it.
    /// </summary>
    public string Advice =>
        Cell is not null && Message.StartsWith(Cell + ": ", StringComparison.Ordinal)
            ? Message[(Cell.Length + 2)..]
            : Message;

    /// <summary>Sheet-qualified location such as "Indicators!D14", or whatever part of it is known.</summary>
    public string? Location => (Sheet, Cell) switch
    {
        (null, null) => null,
        (not null, null) => Sheet,
        (null, not null) => Cell,
        _ => Reading.CellReference.Qualified(Sheet!, Cell!),
    };

    private static string? Clip(string? value) =>
        value is { Length: > 120 } ? string.Concat(value.AsSpan(0, 117), "...") : value;
}
