namespace SafeguardingIngest.Validation;

/// <summary>The three figures of an Indicators row, each with the cell it came from ("" where the table lacks the column).</summary>
internal readonly record struct RowFigures((Figure Figure, string Cell) Numerator, (Figure Figure, string Cell) Denominator, (Figure Figure, string Cell) Value)
{
    /// <summary>True when every figure is a number or blank; otherwise the ones that are not.</summary>
    public bool AllUsable(out List<(Figure Figure, string Cell)> unusable)
    {
        unusable = [];
        foreach (var figure in new[] { Numerator, Denominator, Value })
        {
            if (figure.Figure.State is not (FigureState.Blank or FigureState.Number))
            {
                unusable.Add(figure);
            }
        }

        return unusable.Count == 0;
    }

    /// <summary>The cell an observation is traced to: Value where given, else Numerator.</summary>
    public string SourceOfValue() =>
        Value.Figure.State == FigureState.Number || string.IsNullOrEmpty(Numerator.Cell) ? Value.Cell : Numerator.Cell;
}
