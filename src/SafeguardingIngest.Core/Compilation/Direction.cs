using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Compilation;

/// <summary>Direction of travel, read through the indicator's polarity.</summary>
public enum Direction
{
    /// <summary>Moved the better way.</summary>
    Improving,

    /// <summary>Moved the worse way.</summary>
    Worsening,

    /// <summary>The same, at the precision shown.</summary>
    NoChange,

    /// <summary>Went up, for an indicator tracked for direction only.</summary>
    Up,

    /// <summary>Went down, for an indicator tracked for direction only.</summary>
    Down,
}

/// <summary>Works out direction of travel and the change on last year.</summary>
public static class Travel
{
    /// <summary>
    /// The direction from <paramref name="before"/> to <paramref name="now"/>: values that round to
    /// the same figure as shown (whole counts, one decimal for ratios) are no change.
    /// </summary>
    public static Direction? Of(double? now, double? before, IndicatorUnit unit, Polarity polarity)
    {
        if (now is not { } a || before is not { } b)
        {
            return null;
        }

        var change = Shown.Round(a, unit) - Shown.Round(b, unit);
        if (Math.Abs(change) < 1e-9)
        {
            return Direction.NoChange;
        }

        return polarity switch
        {
            Polarity.LowerIsBetter => change < 0 ? Direction.Improving : Direction.Worsening,
            Polarity.HigherIsBetter => change > 0 ? Direction.Improving : Direction.Worsening,
            _ => change > 0 ? Direction.Up : Direction.Down,
        };
    }

    /// <summary>100 × (now − before) / before; null where before is 0 or either is unknown.</summary>
    public static double? PercentageVariation(double? now, double? before) =>
        now is { } a && before is { } b && b != 0 ? 100 * (a - b) / b : null;

    /// <summary>
    /// The change from <paramref name="before"/> to <paramref name="now"/> as people read it, worked on the
    /// figures as shown and rounded to one decimal: a percentage's in percentage points (16.9% to 16.3% is
    /// −0.6), a count's, rate's or average's relative, in per cent (null where before shows as 0).
    /// </summary>
    public static double? Change(double? now, double? before, IndicatorUnit unit)
    {
        if (now is not { } a || before is not { } b)
        {
            return null;
        }

        var (shownNow, shownBefore) = (Shown.Round(a, unit), Shown.Round(b, unit));
        return Shown.ChangeInPoints(unit) ? Shown.RoundChange(shownNow - shownBefore)
            : PercentageVariation(shownNow, shownBefore) is { } percent ? Shown.RoundChange(percent)
            : null;
    }

    /// <summary>Words for a direction.</summary>
    public static string Describe(Direction? direction) => direction switch
    {
        Direction.Improving => "Improving",
        Direction.Worsening => "Worsening",
        Direction.NoChange => "No change",
        Direction.Up => "Up",
        Direction.Down => "Down",
        _ => "n/a",
    };
}
