using System.Globalization;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Reading;

namespace SafeguardingIngest.Validation;

/// <summary>What a cell meant to be a figure turned out to hold.</summary>
public enum FigureState
{
    /// <summary>Nothing: the figure was left out.</summary>
    Blank,

    /// <summary>A usable number.</summary>
    Number,

    /// <summary>Something that is not a number ("n/a", "see note").</summary>
    NotNumber,

    /// <summary>A suppression mark ("&lt;5", "*", "c") that hides the real count.</summary>
    Suppressed,

    /// <summary>A formula error (#DIV/0!, #REF!).</summary>
    FormulaError,
}

/// <summary>
/// A figure as read: its state and value, and the cell it came from. What was written and how many
/// decimals it had are worked out only when a check needs them, which keeps the per-row cost low.
/// </summary>
public readonly record struct Figure(FigureState State, double Value, CellValue Cell, int TextDecimals)
{
    /// <summary>The figure as written, for messages.</summary>
    public string? Written => Cell.Kind == CellKind.Text ? Cell.Text?.Trim() : Cell.Display();

    /// <summary>Decimals the figure was written with: as typed for text, as stored for a number cell.</summary>
    public int Decimals => Cell.Kind == CellKind.Number ? FigureReader.DecimalsOf(Value) : TextDecimals;
}

/// <summary>
/// Reads figures the way people type them: "3,592", " 26 ", "14.7%", cells formatted as
/// percentages, and decimal commas in semicolon-separated files.
/// </summary>
public static class FigureReader
{
    private static readonly HashSet<string> s_suppressionMarks = new(StringComparer.Ordinal)
    {
        "*", "**", "c", "x", "supp", "suppressed", "redacted", "-", "..", "~", "[c]", "[x]", "[z]", "z", "low", "small",
    };

    /// <summary>
    /// Reads <paramref name="cell"/>; <paramref name="percentCellsAsPercent"/> turns 0.147 shown as 14.7 % into 14.7.
    /// </summary>
    public static Figure Read(CellValue cell, bool percentCellsAsPercent, bool decimalComma)
    {
        switch (cell.Kind)
        {
            case CellKind.Empty:
                return default;
            case CellKind.Number:
                var value = cell.IsPercentFormatted && percentCellsAsPercent ? cell.Number * 100 : cell.Number;
                return new Figure(FigureState.Number, value, cell, 0);
            case CellKind.Error:
                return new Figure(FigureState.FormulaError, 0, cell, 0);
            case CellKind.Boolean:
            case CellKind.Date:
                return new Figure(FigureState.NotNumber, 0, cell, 0);
            default:
                return ReadText(cell.Text!, decimalComma);
        }
    }

    /// <summary>Reads a figure written as text.</summary>
    public static Figure ReadText(string text, bool decimalComma)
    {
        var cell = CellValue.FromText(text);
        if (WholeNumberOf(text) is { } whole)
        {
            // The most common figure of all, a count typed in a csv, is read without the general parser.
            return new Figure(FigureState.Number, whole, cell, 0);
        }

        if (double.TryParse(
            text,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite
                | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture,
            out var quick) &&
            double.IsFinite(quick))
        {
            // The common case, a plain number typed as text, needs no clean-up.
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            return new Figure(FigureState.Number, quick, cell, dot < 0 ? 0 : text.TrimEnd().Length - dot - 1);
        }

        var trimmed = text.Trim().Trim('\u00A0', '\u2007', '\u202F');
        if (trimmed.Length == 0)
        {
            return default;
        }

        if (trimmed[0] == '#' &&
            trimmed.Length <= 8 &&
            (trimmed.EndsWith('!') || trimmed.EndsWith('?') || trimmed == "#N/A"))
        {
            return new Figure(FigureState.FormulaError, 0, cell, 0);
        }

        if (trimmed.StartsWith("Err:", StringComparison.OrdinalIgnoreCase))
        {
            return new Figure(FigureState.FormulaError, 0, cell, 0);
        }

        var lower = trimmed.ToLowerInvariant();
        if (IsNoCasesWord(lower))
        {
            // The documented way to say a quarter had none: 0, and for a ratio 0 over 0.
            return new Figure(FigureState.Number, 0, cell, 0);
        }

        if (s_suppressionMarks.Contains(lower) ||
            lower.StartsWith('<') ||
            lower.StartsWith("fewer than", StringComparison.Ordinal) ||
            lower.StartsWith("less than", StringComparison.Ordinal))
        {
            return new Figure(FigureState.Suppressed, 0, cell, 0);
        }

        var body = trimmed.Replace('\u2212', '-');
        var percent = body.EndsWith('%');
        if (percent)
        {
            body = body[..^1].TrimEnd();
        }

        body = Normalise(body, decimalComma);
        if (body is null ||
            !double.TryParse(
                body,
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture,
                out var value) ||
            !double.IsFinite(value))
        {
            return new Figure(FigureState.NotNumber, 0, cell, 0);
        }

        var point = body.IndexOf('.', StringComparison.Ordinal);
        return new Figure(FigureState.Number, value, cell, point < 0 ? 0 : body.Length - point - 1);
    }

    // Digits alone, few enough that every whole number they can write is a double exactly, so the value is the one
    // double.Parse gives; anything else (a sign, a point, spaces, a long run of digits) is left to it.
    private static double? WholeNumberOf(string text)
    {
        if (text.Length is 0 or > 15)
        {
            return null;
        }

        long whole = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }

            whole = (whole * 10) + (c - '0');
        }

        return whole;
    }

    /// <summary>
    /// True when <paramref name="computed"/> shown with <paramref name="decimals"/> decimals is
    /// <paramref name="written"/>.
    /// </summary>
    public static bool Agrees(double written, int decimals, double computed)
    {
        var places = Math.Clamp(decimals, 0, 10);
        var rounded = Math.Round(computed, places, MidpointRounding.AwayFromZero);
        var tolerance = Math.Pow(10, -places) * 1e-6;
        if (Math.Abs(rounded - written) <= tolerance)
        {
            return true;
        }

        // Spreadsheets round half-even or truncate in places; accept a figure within half a unit of the last decimal.
        return Math.Abs(computed - written) <= (0.5 * Math.Pow(10, -places)) + tolerance;
    }

    private static string? Normalise(string body, bool decimalComma)
    {
        if (body.Length == 0)
        {
            return null;
        }

        // Thousands separators ("3,592" or "1,234,567.5") are read as such in any file.
        if (IsGroupedThousands(body))
        {
            return body.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        if (decimalComma && body.Count(c => c == ',') == 1 && !body.Contains('.', StringComparison.Ordinal))
        {
            return body.Replace(',', '.');
        }

        return body.Contains(',', StringComparison.Ordinal) ? null : body;
    }

    private static bool IsGroupedThousands(string body)
    {
        var digits = body.AsSpan().TrimStart('-');
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        if (whole.IndexOf(',') < 0)
        {
            return false;
        }

        var groups = whole.ToString().Split(',');
        if (groups[0].Length is < 1 or > 3 || !groups[0].All(char.IsAsciiDigit))
        {
            return false;
        }

        return groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit));
    }

    /// <summary>Decimals in the shortest round-trip form of <paramref name="value"/>, at most 10.</summary>
    public static int DecimalsOf(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('E', StringComparison.Ordinal))
        {
            return 10;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : Math.Min(10, text.Length - point - 1);
    }

    /// <summary>Formats a number for a message: up to three decimals, thousands separated.</summary>
    public static string Show(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    /// <summary>Words for a unit, for messages.</summary>
    public static string Describe(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Count => "a count",
        IndicatorUnit.Percentage => "a percentage",
        IndicatorUnit.RatePer10000 => "a rate per 10,000 under-18s",
        _ => "an average",
    };

    /// <summary>
    /// Whether a cell's text is one of the words for a quarter with no cases: "no cases", "none", "nil".
    /// </summary>
    public static bool SaysNoCases(string? written) =>
        written is not null && IsNoCasesWord(written.Trim().ToLowerInvariant());

    /// <summary>The words themselves, for text already trimmed and in lower case.</summary>
    private static bool IsNoCasesWord(string lower) => lower is "no cases" or "nocases" or "none" or "nil";
}
