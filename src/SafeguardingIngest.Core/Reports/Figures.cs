using System.Globalization;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Reports;

/// <summary>How figures are written in every report.</summary>
public static class Figures
{
    /// <summary>A value for its unit: counts whole with separators, percentages with a % sign, rates and averages to one decimal.</summary>
    public static string Show(double? value, IndicatorUnit unit) => value switch
    {
        null => "–",
        { } v when unit == IndicatorUnit.Count => v.ToString("#,0", CultureInfo.InvariantCulture),
        { } v when unit == IndicatorUnit.Percentage => v.ToString("0.0", CultureInfo.InvariantCulture) + "%",
        { } v => v.ToString("#,0.0", CultureInfo.InvariantCulture),
    };

    /// <summary>A percentage change with its sign: "+0.13%", "−14.76%".</summary>
    public static string Change(double? percent) => percent switch
    {
        null => "–",
        { } p => (p > 0 ? "+" : p < 0 ? "−" : string.Empty) + Math.Abs(p).ToString("0.0#", CultureInfo.InvariantCulture) + "%",
    };

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

    /// <summary>
    /// Text that came from an agency, made safe for csv: a leading =, +, -, @, tab or carriage return
    /// could start a formula in a spreadsheet, so such text is prefixed with an apostrophe.
    /// </summary>
    public static string? SafeForSpreadsheet(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
