namespace SafeguardingIngest.Spreadsheets;

/// <summary>A drop-down list or number range offered on a range of cells.</summary>
public sealed record CellValidation(
    string Range,
    IReadOnlyList<string>? Choices,
    int? Minimum,
    int? Maximum,
    string Prompt)
{
    /// <summary>A drop-down of <paramref name="choices"/>.</summary>
    public static CellValidation List(string range, IReadOnlyList<string> choices, string prompt) =>
        new(range, choices, null, null, prompt);

    /// <summary>Whole numbers from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static CellValidation WholeNumber(string range, int minimum, int maximum, string prompt) =>
        new(range, null, minimum, maximum, prompt);
}

/// <summary>One sheet to write: its rows (streamed), column widths, frozen heading rows and validations.</summary>
public sealed record SheetDefinition(string Name, IEnumerable<IReadOnlyList<SheetCell>> Rows)
{
    /// <summary>Column widths in characters, from column A; null for the default.</summary>
    public IReadOnlyList<double>? ColumnWidths { get; init; }

    /// <summary>Rows kept in view when scrolling (0 for none).</summary>
    public int FrozenRows { get; init; }

    /// <summary>Drop-downs and number ranges.</summary>
    public IReadOnlyList<CellValidation> Validations { get; init; } = [];

    /// <summary>Adds an autofilter over the heading row and the rows below it.</summary>
    public bool AutoFilter { get; init; }
}
