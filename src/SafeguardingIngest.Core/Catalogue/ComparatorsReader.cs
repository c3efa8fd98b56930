using System.Globalization;
using System.Text.Json;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Catalogue;

/// <summary>
/// Reads a partnership file's comparators once its shape has passed the schema, checking what the schema cannot:
/// the indicator is in the catalogue and not a count, years are years, no indicator and year is given twice, a
/// percentage's comparator is not over 100 and quartiles rise from lower to upper. Each problem has its JSON path.
/// </summary>
internal static class ComparatorsReader
{
    private static readonly string[] s_sources = ["england", "region", "statisticalNeighbours"];

    /// <summary>The comparators of <paramref name="root"/>, and every problem found on the way.</summary>
    public static (List<Comparators> Comparators, List<ReferenceDataProblem> Problems) Read(
        JsonElement root,
        IReadOnlyList<Indicator> indicators)
    {
        var comparators = new List<Comparators>();
        var problems = new List<ReferenceDataProblem>();
        if (!root.TryGetProperty("comparators", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return (comparators, problems);
        }

        var byCode = indicators
            .GroupBy(i => i.Code, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var path = $"$.comparators[{index++}]";
            var code = entry.GetProperty("indicator").GetString()!.Trim();
            var year = Year(entry, path, problems);
            if (!byCode.TryGetValue(code, out var indicator))
            {
                problems.Add(new(path + ".indicator", $"'{code}' is not one of the indicators"));
                continue;
            }

            if (indicator.Unit == IndicatorUnit.Count)
            {
                problems.Add(new(path + ".indicator",
                    $"{indicator.Code} is a count, and a count is not compared across areas of different sizes; " +
                    "give comparators for a percentage, a rate or an average"));
                continue;
            }

            if (year is { } y && !seen.TryAdd($"{indicator.Code} {y}", path))
            {
                var first = seen[$"{indicator.Code} {y}"];
                problems.Add(new(path, $"duplicate comparators for {indicator.Code} in {y} (first at {first})"));
            }

            var values = s_sources.Select(s => Value(entry, path, s, indicator, problems)).ToList();
            var quartiles = ReadQuartiles(entry, path, indicator, problems);
            if (!entry.EnumerateObject().Any(p => s_sources.Contains(p.Name) || p.Name == "quartiles"))
            {
                problems.Add(new(path, "gives no comparator: add england, region, statisticalNeighbours or quartiles"));
            }

            if (year is { } financialYear)
            {
                comparators.Add(new Comparators(
                    indicator.Code, financialYear, values[0], values[1], values[2], quartiles));
            }
        }

        return (comparators, problems);
    }

    private static ComparatorValue? Value(
        JsonElement entry,
        string path,
        string name,
        Indicator indicator,
        List<ReferenceDataProblem> problems)
    {
        if (!entry.TryGetProperty(name, out var e))
        {
            return null;
        }

        var at = $"{path}.{name}";
        var value = e.GetProperty("value").GetDouble();
        OverHundred(value, at + ".value", indicator, problems);
        var year = Year(e, at, problems);
        var label = e.TryGetProperty("name", out var n) ? n.GetString()!.Trim() : null;
        var source = e.GetProperty("source").GetString()!.Trim();
        return year is null ? null : new ComparatorValue(value, source, year.Value, label);
    }

    private static Quartiles? ReadQuartiles(
        JsonElement entry,
        string path,
        Indicator indicator,
        List<ReferenceDataProblem> problems)
    {
        if (!entry.TryGetProperty("quartiles", out var e))
        {
            return null;
        }

        var at = path + ".quartiles";
        var (lower, median, upper) = (e.GetProperty("lower").GetDouble(), e.GetProperty("median").GetDouble(),
            e.GetProperty("upper").GetDouble());
        if (!(lower <= median && median <= upper))
        {
            problems.Add(new(at,
                $"lower {Format(lower)}, median {Format(median)}, upper {Format(upper)} do not rise: " +
                "the lower quartile is at most the median, the median at most the upper quartile"));
        }

        OverHundred(upper, at + ".upper", indicator, problems);
        var year = Year(e, at, problems);
        var source = e.GetProperty("source").GetString()!.Trim();
        return year is null ? null : new Quartiles(lower, median, upper, source, year.Value);
    }

    private static void OverHundred(double value, string path, Indicator indicator, List<ReferenceDataProblem> problems)
    {
        if (indicator.Unit == IndicatorUnit.Percentage && value > 100)
        {
            problems.Add(new(path, $"{Format(value)} is over 100, and {indicator.Code} is a percentage"));
        }
    }

    private static FinancialYear? Year(JsonElement e, string path, List<ReferenceDataProblem> problems)
    {
        var text = e.GetProperty("year").GetString()!.Trim();
        if (FinancialYear.TryParse(text, out var year))
        {
            return year;
        }

        problems.Add(new($"{path}.year", $"'{text}' is not a financial year; write it like 2025-26"));
        return null;
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
