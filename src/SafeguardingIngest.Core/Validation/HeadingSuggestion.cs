using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Validation;

/// <summary>
/// The column a heading that names none was most likely meant to name: a slip in one of the
/// column's headings ("Numbr", "Vlaue", "Commentry") or in the start of one, as people shorten
/// them ("Ind", "Denomin", "Numbr" for Numer…). Edits are counted as insertions, deletions,
/// substitutions and swaps of two neighbouring letters, after folding case, spacing and
/// punctuation. A heading of n letters may be n / 3 edits away (at least 1, at most 3); a
/// shortened one must be at least 3 letters long, and a 3-letter one must be an exact start.
/// Headings shorter than 3 letters, or further away, get no suggestion: better none than
/// nonsense.
/// </summary>
public static class HeadingSuggestion
{
    private const int ShortestAbbreviation = 3;

    /// <summary>
    /// The column <paramref name="core"/> (a heading without its qualifiers) most likely names, or null.
    /// </summary>
    public static ReturnColumn? For(string core, IReadOnlyDictionary<string, ReturnColumn> aliases)
    {
        var folded = NameKey.Fold(core);
        if (folded.Length < ShortestAbbreviation)
        {
            return null;
        }

        var typoLimit = Math.Min(3, Math.Max(1, folded.Length / 3));
        var abbreviationLimit = folded.Length == ShortestAbbreviation ? 0 : typoLimit;
        ReturnColumn? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (alias, column) in aliases)
        {
            var (whole, start) = Distances(folded, alias);
            var distance = whole <= typoLimit ? whole : start <= abbreviationLimit ? start : int.MaxValue;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = column;
            }
        }

        return best;
    }

    /// <summary>
    /// Edits (with swaps) from <paramref name="text"/> to the whole of <paramref name="alias"/>, and to
    /// the nearest start of it at least as long as the shortest abbreviation and longer than the text.
    /// </summary>
    private static (int Whole, int Start) Distances(string text, string alias)
    {
        var d = new int[text.Length + 1, alias.Length + 1];
        for (var i = 0; i <= text.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= alias.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= text.Length; i++)
        {
            for (var j = 1; j <= alias.Length; j++)
            {
                var cost = text[i - 1] == alias[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && text[i - 1] == alias[j - 2] && text[i - 2] == alias[j - 1])
                {
                    best = Math.Min(best, d[i - 2, j - 2] + 1);
                }

                d[i, j] = best;
            }
        }

        // Only a heading shorter than the alias can be a shortened form of it.
        var start = int.MaxValue;
        for (var j = ShortestAbbreviation; j < alias.Length && text.Length < alias.Length; j++)
        {
            start = Math.Min(start, d[text.Length, j]);
        }

        return (d[text.Length, alias.Length], start);
    }
}
