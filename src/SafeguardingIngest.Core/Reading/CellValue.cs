using System.Globalization;

namespace SafeguardingIngest.Reading;

/// <summary>What a cell holds, as read.</summary>
public enum CellKind
{
    /// <summary>Nothing.</summary>
    Empty,

    /// <summary>A number (Excel stores every number as a double).</summary>
    Number,

    /// <summary>Text, including numbers typed as text.</summary>
    Text,

    /// <summary>TRUE or FALSE.</summary>
    Boolean,

    /// <summary>A date or time, held as its OLE automation number.</summary>
    Date,

    /// <summary>A formula error such as #DIV/0!, held in <see cref="CellValue.Text"/>.</summary>
    Error,
}

/// <summary>
/// One cell as read from any format. <see cref="IsPercentFormatted"/> is true for a number shown
/// with a % format, so 0.147 displayed as 14.7 % can be read as 14.7.
/// </summary>
public readonly record struct CellValue(CellKind Kind, double Number, string? Text, bool IsPercentFormatted)
{
    /// <summary>An empty cell.</summary>
    public static CellValue Empty => default;

    /// <summary>True when the cell holds nothing, or only white space.</summary>
    public bool IsBlank => Kind == CellKind.Empty || (Kind == CellKind.Text && string.IsNullOrWhiteSpace(Text));

    /// <summary>Creates a text cell.</summary>
    public static CellValue FromText(string? text) =>
        text is null ? default : new CellValue(CellKind.Text, 0, text, false);

    /// <summary>Creates a number cell.</summary>
    public static CellValue FromNumber(double number, bool percentFormatted = false) =>
        new(CellKind.Number, number, null, percentFormatted);

    /// <summary>Creates a formula error cell.</summary>
    public static CellValue FromError(string code) => new(CellKind.Error, 0, code, false);

    /// <summary>The cell as a person would read it, for messages; null when empty.</summary>
    public string? Display() => Kind switch
    {
        CellKind.Empty => null,
        CellKind.Number when IsPercentFormatted => (Number * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%",
        CellKind.Number => Number.ToString("0.######", CultureInfo.InvariantCulture),
        CellKind.Boolean => Number != 0 ? "TRUE" : "FALSE",
        CellKind.Date => DateTime.FromOADate(Number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Text,
    };
}
