namespace SafeguardingIngest.Catalogue;

/// <summary>Finds the closest known name to a mistyped one, to suggest in a finding.</summary>
public static class NearestMatch
{
    /// <summary>
    /// The candidate whose folded form is closest to <paramref name="text"/> by edit distance, if it is
    /// close enough to be a plausible typo (at most a third of the length, and at most 3 edits).
    /// </summary>
    public static string? Find(string text, IEnumerable<(string Key, string Display)> candidates)
    {
        var folded = NameKey.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        var limit = Math.Min(3, Math.Max(1, folded.Length / 3));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (key, display) in candidates)
        {
            var distance = Distance(folded, key);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = display;
            }
        }

        return bestDistance <= limit ? best : null;
    }

    /// <summary>Levenshtein distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
