namespace SafeguardingIngest.Spreadsheets;

/// <summary>The look of a written cell; each maps to one cell format of the workbook's stylesheet.</summary>
public enum CellStyle
{
    /// <summary>Plain.</summary>
    Default,

    /// <summary>Bold on a shaded band, for table headings.</summary>
    Header,

    /// <summary>Large bold, for a sheet's title.</summary>
    Title,

    /// <summary>A fraction shown as a percentage with one decimal (0.147 → 14.7%).</summary>
    Percent,

    /// <summary>A number with one decimal and thousands separators.</summary>
    OneDecimal,

    /// <summary>A whole number with thousands separators.</summary>
    Whole,

    /// <summary>A date, day month year.</summary>
    Date,

    /// <summary>Wrapped text, top aligned.</summary>
    Wrap,

    /// <summary>Bold text.</summary>
    Bold,

    /// <summary>Grey italic, for notes.</summary>
    Note,

    /// <summary>Red RAG cell: white bold on red.</summary>
    RagRed,

    /// <summary>Amber RAG cell: black bold on amber.</summary>
    RagAmber,

    /// <summary>Green RAG cell: white bold on green.</summary>
    RagGreen,

    /// <summary>Shaded input cell, where an agency is to type.</summary>
    Input,
}

/// <summary>What a written cell holds.</summary>
public enum SheetCellKind
{
    /// <summary>Nothing, but the style is still applied.</summary>
    Blank,

    /// <summary>Text.</summary>
    Text,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A formula error such as #DIV/0!, as another program would have saved it.</summary>
    Error,
}

/// <summary>One cell to write.</summary>
public readonly record struct SheetCell(SheetCellKind Kind, string? Text, double Number, CellStyle Style)
{
    /// <summary>An unstyled empty cell.</summary>
    public static SheetCell Empty => default;

    /// <summary>A text cell.</summary>
    public static SheetCell Of(string? text, CellStyle style = CellStyle.Default) =>
        text is null ? new(SheetCellKind.Blank, null, 0, style) : new(SheetCellKind.Text, text, 0, style);

    /// <summary>A number cell.</summary>
    public static SheetCell Of(double number, CellStyle style = CellStyle.Default) =>
        new(SheetCellKind.Number, null, number, style);

    /// <summary>A number cell, or a styled blank when there is no number.</summary>
    public static SheetCell Of(double? number, CellStyle style = CellStyle.Default) =>
        number is { } n ? Of(n, style) : new(SheetCellKind.Blank, null, 0, style);

    /// <summary>A formula error cell.</summary>
    public static SheetCell Error(string code) => new(SheetCellKind.Error, code, 0, CellStyle.Default);

    /// <summary>A heading cell.</summary>
    public static SheetCell Header(string text) => Of(text, CellStyle.Header);

    /// <summary>Text converts to a cell implicitly, for compact row literals.</summary>
    public static implicit operator SheetCell(string? text) => Of(text);

    /// <summary>A number converts to a cell implicitly, for compact row literals.</summary>
    public static implicit operator SheetCell(double number) => Of(number);
}
