using SafeguardingIngest.Reading;

namespace SafeguardingIngest.Validation;

/// <summary>One figure of a row and its zero-based column (-1 where the table lacks the column).</summary>
internal readonly record struct Slot(Figure Figure, int Column)
{
    public bool IsNumber => Figure.State == FigureState.Number;

    public double Value => Figure.Value;
}

/// <summary>
/// A number in a column that was not read, under a heading that names no column (<c>Heading</c>, in
/// <c>HeaderRow</c>): where the figure the agency meant may be when the columns read are blank.
/// </summary>
internal readonly record struct StrayFigure(
    int Column,
    string? Written,
    string Heading,
    int HeaderRow,
    ReturnColumn? Nearest);

/// <summary>
/// The three figures of an Indicators row, with the row they sit on, and the first number under a
/// heading that names no column, if any.
/// </summary>
internal readonly record struct RowFigures(
    Slot Numerator,
    Slot Denominator,
    Slot Value,
    int Row,
    StrayFigure? Stray = null)
{
    /// <summary>True when every figure is a number or blank.</summary>
    public bool AllUsable =>
        Usable(Numerator.Figure.State) && Usable(Denominator.Figure.State) && Usable(Value.Figure.State);

    /// <summary>The figures that are neither numbers nor blank.</summary>
    public IEnumerable<Slot> Unusable() => new[] { Numerator, Denominator, Value }.Where(s => !Usable(s.Figure.State));

    /// <summary>"G14" for a slot, or the first of the fallbacks that exists; null when none does.</summary>
    public string? CellOf(Slot slot, params Slot[] fallbacks)
    {
        if (slot.Column >= 0)
        {
            return CellReference.Cell(slot.Column, Row);
        }

        foreach (var fallback in fallbacks)
        {
            if (fallback.Column >= 0)
            {
                return CellReference.Cell(fallback.Column, Row);
            }
        }

        return null;
    }

    /// <summary>The column an observation is traced to: Value where given, else Numerator; -1 for neither.</summary>
    public int SourceColumn() =>
        Value.IsNumber || Numerator.Column < 0
            ? (Value.Column >= 0 ? Value.Column : Numerator.Column)
            : Numerator.Column;

    private static bool Usable(FigureState state) => state is FigureState.Blank or FigureState.Number;
}
