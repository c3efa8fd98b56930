using System.Text.RegularExpressions;
using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Validation;

/// <summary>
/// Reads a column heading as people write them in their own spreadsheets: "Numerator (n)",
/// "Value (%)", "Rate per 10,000", "Commentary*", "Denominator¹", "Q2 numerator", "Value 2025-26",
/// a heading broken over two lines, or "Children (numerator)". The heading is tried whole, then
/// without its qualifiers (brackets, units, footnote marks, the quarter or year), then by what its
/// brackets say; the first reading that names a column wins.
/// </summary>
public static partial class HeadingReader
{
    /// <summary>The column <paramref name="heading"/> names, or null.</summary>
    public static ReturnColumn? Column(string heading, IReadOnlyDictionary<string, ReturnColumn> aliases)
    {
        foreach (var candidate in Candidates(heading))
        {
            if (aliases.TryGetValue(NameKey.Fold(candidate), out var column))
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>
    /// The heading's closest column, for a finding on a heading that names none; null when none is close
    /// (<see cref="HeadingSuggestion"/> says how close).
    /// </summary>
    public static ReturnColumn? Nearest(string heading, IReadOnlyDictionary<string, ReturnColumn> aliases)
    {
        var core = Candidates(heading).Skip(1).FirstOrDefault() ?? heading;
        return HeadingSuggestion.For(core, aliases);
    }

    private static IEnumerable<string> Candidates(string heading)
    {
        yield return heading;
        var plain = Qualifiers().Replace(Footnotes().Replace(heading.ReplaceLineEndings(" "), " "), " ");
        var core = Periods().Replace(Units().Replace(plain, " "), " ").Trim();
        yield return core;

        // "Children (numerator)": the bracket says what the column is.
        foreach (Match bracket in Brackets().Matches(heading))
        {
            yield return bracket.Groups["inside"].Value;
        }

        // "Numerator count", "Number of referrals value": a leading or trailing word alone.
        var words = core.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1)
        {
            yield return words[0];
            yield return words[^1];
        }
    }

    [GeneratedRegex(@"[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰#]+|\[\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex Footnotes();

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Qualifiers();

    [GeneratedRegex(@"(?<inside>[^()\[\]]+)[)\]]", RegexOptions.CultureInvariant)]
    private static partial Regex Brackets();

    [GeneratedRegex(
        @"%|\bper\s*10,?000\b(\s*(children|under[- ]?18s?|population))?|\bper\s*(cent|100)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Units();

    [GeneratedRegex(
        @"\b20\d{2}\s*[-/]\s*\d{2}\b|\b20\d{2}\b|\bQ[1-4]\b|" +
        @"\b(this|current|latest)\s+(quarter|qtr)\b|\b(quarter|qtr)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Periods();
}
