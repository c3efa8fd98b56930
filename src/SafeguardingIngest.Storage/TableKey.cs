using System.Globalization;
using System.Text;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Builds PartitionKey and RowKey values from parts joined by '|'. Table keys forbid '/', '\\', '#',
/// '?' and control characters; those, '|' and '%' are written %XX so any code round-trips.
/// </summary>
public static class TableKey
{
    /// <summary>The separator between parts; sorts just below '}', which ends a prefix range.</summary>
    public const char Separator = '|';

    /// <summary>Joins escaped parts with '|'.</summary>
    public static string Join(params string[] parts) => string.Join(Separator, parts.Select(Escape));

    /// <summary>The first key after every key starting with <paramref name="prefix"/> (for a range query).</summary>
    public static string After(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    /// <summary>Escapes one part.</summary>
    public static string Escape(string part)
    {
        if (!part.Any(NeedsEscape))
        {
            return part;
        }

        var builder = new StringBuilder(part.Length + 8);
        foreach (var c in part)
        {
            if (NeedsEscape(c))
            {
                builder.Append(c <= 0xFF ? $"%{(int)c:X2}" : $"%u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    public static string Unescape(string part)
    {
        if (!part.Contains('%', StringComparison.Ordinal))
        {
            return part;
        }

        var builder = new StringBuilder(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '%' && i + 5 < part.Length && part[i + 1] == 'u')
            {
                builder.Append((char)int.Parse(
                    part.AsSpan(i + 2, 4),
                    NumberStyles.HexNumber,
                    CultureInfo.InvariantCulture));
                i += 5;
            }
            else if (part[i] == '%' && i + 2 < part.Length)
            {
                builder.Append((char)int.Parse(
                    part.AsSpan(i + 1, 2),
                    NumberStyles.HexNumber,
                    CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                builder.Append(part[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits a key into its unescaped parts.</summary>
    public static string[] Split(string key) => key.Split(Separator).Select(Unescape).ToArray();

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '|' or '%' || char.IsControl(c);
}
