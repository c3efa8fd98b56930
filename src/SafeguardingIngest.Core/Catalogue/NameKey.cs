namespace SafeguardingIngest.Catalogue;

/// <summary>
/// Folds a code, name or column heading to lower-case letters and digits, so "NI 65", "ni65" and
/// "NI-65" compare equal, as people write them in spreadsheets.
/// </summary>
public static class NameKey
{
    // "%" alone is a heading people use for a percentage column, so it folds to a word.
    private const string PercentWord = "percent";

    /// <summary>The folded form of <paramref name="text"/>; empty for null or punctuation only.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var length = 0;
        var changed = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                length++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                length++;
                changed = true;
            }
            else
            {
                length += c == '%' ? PercentWord.Length : 0;
                changed = true;
            }
        }

        if (!changed)
        {
            return text;
        }

        return string.Create(length, text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsLetterOrDigit(c))
                {
                    span[i++] = char.ToLowerInvariant(c);
                }
                else if (c == '%')
                {
                    PercentWord.AsSpan().CopyTo(span[i..]);
                    i += PercentWord.Length;
                }
            }
        });
    }
}
