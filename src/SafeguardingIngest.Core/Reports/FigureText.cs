using System.Globalization;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Reports;

/// <summary>How figures are written in every report.</summary>
public static class FigureText
{
    /// <summary>
    /// A value for its unit: counts whole with separators, percentages with a % sign, rates and averages to
    /// one decimal; rounded as <see cref="Shown.Round(double, IndicatorUnit)"/> rounds, the rounding RAG and
    /// direction are decided on.
    /// </summary>
    public static string Show(double? value, IndicatorUnit unit) => value switch
    {
        null => "–",
        { } v when unit == IndicatorUnit.Count => Shown.Round(v, unit).ToString("#,0", CultureInfo.InvariantCulture),
        { } v when unit == IndicatorUnit.Percentage =>
            Shown.Round(v, unit).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        { } v => Shown.Round(v, unit).ToString("#,0.0", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A change on last year with its sign, to one decimal: percentage points for a percentage ("−0.6 pp"),
    /// per cent for any other unit ("+0.1%", "−14.8%"); "0.0" without a sign where it rounds to nothing.
    /// </summary>
    public static string Change(double? change, IndicatorUnit unit) => change switch
    {
        null => "–",
        { } c => Sign(Shown.RoundChange(c)) +
                 Math.Abs(Shown.RoundChange(c)).ToString("#,0.0", CultureInfo.InvariantCulture) + ChangeSuffix(unit),
    };

    /// <summary>What a change of <paramref name="unit"/> is measured in: " pp" (percentage points) or "%".</summary>
    public static string ChangeSuffix(IndicatorUnit unit) => Shown.ChangeInPoints(unit) ? " pp" : "%";

    private static string Sign(double value) => value > 0 ? "+" : value < 0 ? "−" : string.Empty;

    /// <summary>Words for a unit.</summary>
    public static string Unit(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Count => "count",
        IndicatorUnit.Percentage => "%",
        IndicatorUnit.RatePer10000 => "per 10,000 under-18s",
        _ => "average",
    };

    /// <summary>Words for a polarity.</summary>
    public static string Polarity(Polarity polarity) => polarity switch
    {
        Catalogue.Polarity.LowerIsBetter => "lower is better",
        Catalogue.Polarity.HigherIsBetter => "higher is better",
        _ => "direction only",
    };

    /// <summary>The RAG in words (never colour alone).</summary>
    public static string Rag(Rag? rag) => rag?.ToString() ?? "No target";

    /// <summary>A figure, or "No data" where nothing was returned.</summary>
    public static string Value(double? value, IndicatorUnit unit) => value is null ? NoData : Show(value, unit);

    /// <summary>A figure, "No cases" where a percentage or average was returned as 0 over 0, or "No data".</summary>
    public static string Value(double? value, Ratio parts, IndicatorUnit unit) =>
        value is null && !parts.IsEmpty && parts.Denominator == 0 && unit != IndicatorUnit.Count
            ? NoCases
            : Value(value, unit);

    /// <summary>A percentage or average whose returns had no cases.</summary>
    public const string NoCases = "No cases";

    /// <summary>
    /// A figure's RAG in words, and where there is none, why: "Not rated" (a breakdown of counts),
    /// "No target" (the catalogue sets none), "No data" (nothing returned), or "Incomplete" (an owed
    /// return is missing from the year to date, so a rating would judge the gap, not the figure).
    /// </summary>
    public static string RagText(IndicatorFigures figures, double? targetToDate, bool rated) =>
        figures.Rag is { } rag ? rag.ToString()
        : !rated ? "Not rated"
        : targetToDate is null ? "No target"
        : figures.YearToDate is null ? NoData
        : !figures.YearToDateCoverage.IsComplete ? Incomplete
        : "No target";

    /// <summary>
    /// A change on last year, or why there is none: "No data", or "Not comparable" where either figure lacks an owed
    /// return.
    /// </summary>
    public static string ChangeText(double? change, double? now, double? before, bool comparable, IndicatorUnit unit) =>
        change is not null ? Change(change, unit)
        : now is null || before is null ? NoData
        : comparable ? "–"
        : NotComparable;

    /// <summary>A direction of travel, or why there is none.</summary>
    public static string DirectionText(Direction? direction, double? now, double? before) =>
        direction is not null ? Travel.Describe(direction) : now is null || before is null ? NoData : NotComparable;

    /// <summary>
    /// "Education (EDU) for 2025-26 Q2; CAFCASS (CAFCASS) for 2025-26 Q1": the returns a figure lacks.
    /// </summary>
    public static string Missing(Coverage coverage, IReadOnlyDictionary<string, string> agencyNames) =>
        string.Join("; ", coverage.Missing
            .GroupBy(m => m.Agency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(
                g =>
                    $"{agencyNames.GetValueOrDefault(g.Key, g.Key)} ({g.Key}) for " +
                    $"{string.Join(", ", g.Select(m => m.Period).Distinct().Order())}"));

    /// <summary>Where nothing was returned.</summary>
    public const string NoData = "No data";

    /// <summary>A comparison with a figure that lacks an owed return.</summary>
    public const string NotComparable = "Not comparable";

    /// <summary>A rating of a figure that lacks an owed return.</summary>
    public const string Incomplete = "Incomplete";

    /// <summary>
    /// Text that came from an agency, made safe for csv: a leading =, +, -, @, tab or carriage return
    /// could start a formula in a spreadsheet, so such text is prefixed with an apostrophe.
    /// </summary>
    public static string? SafeForSpreadsheet(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
