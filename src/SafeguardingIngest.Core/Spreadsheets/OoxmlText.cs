using System.Text;
using System.Xml;

namespace SafeguardingIngest.Spreadsheets;

/// <summary>
/// Text as a workbook's XML can hold it. XML 1.0 has no place for most control characters (a tab, line
/// feed and carriage return aside), yet an agency's commentary can carry one pasted from another system;
/// Office Open XML writes such a character as <c>_xHHHH_</c>, its code in hex, and Excel shows the character
/// again when it reads the cell. A <c>_</c> that would start such an escape in the text itself is written as
/// <c>_x005F_</c>, so text is read back exactly as it was given.
/// </summary>
internal static class OoxmlText
{
    /// <summary><paramref name="text"/> with every character XML cannot hold escaped as Excel escapes it.</summary>
    public static string Escape(string text)
    {
        // Built only from the first character that needs it: most text is returned as it is, unbuilt.
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped?.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (!XmlConvert.IsXmlChar(c) || (c == '_' && StartsEscape(text, i)))
            {
                escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                escaped.Append("_x").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture))
                    .Append('_');
            }
            else
            {
                escaped?.Append(c);
            }
        }

        return escaped?.ToString() ?? text;
    }

    /// <summary>Whether <c>_xHHHH_</c> starts at <paramref name="at"/>: four hex digits between.</summary>
    private static bool StartsEscape(string text, int at) =>
        at + 6 < text.Length
        && text[at + 1] == 'x'
        && char.IsAsciiHexDigit(text[at + 2])
        && char.IsAsciiHexDigit(text[at + 3])
        && char.IsAsciiHexDigit(text[at + 4])
        && char.IsAsciiHexDigit(text[at + 5])
        && text[at + 6] == '_';
}
