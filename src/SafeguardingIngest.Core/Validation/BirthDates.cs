using System.Text.RegularExpressions;

namespace SafeguardingIngest.Validation;

/// <summary>
/// Finds a date of birth written into free text: a full date (14/03/2012, 14-03-2012, 14.03.12,
/// 2012-03-14, 14 March 2012, 14th of Mar 2012, March 14 2012) beside words that say it is a birth
/// date ("born", "DOB", "d.o.b.", "date of birth"), or in brackets straight after a name
/// ("Jack Robinson (14/03/2012)"). A date on its own is not one: commentary dates its meetings.
/// </summary>
internal static partial class BirthDates
{
    private const string Month =
        "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" +
        "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    private const string Day = @"\d{1,2}(?:st|nd|rd|th)?";

    /// <summary>A full date in any form an officer types; never a financial year (2025-26) or a quarter.</summary>
    private const string Date =
        @"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?!\d)" +
        @"|(?:19|20)\d{2}[/.\-]\d{1,2}[/.\-]\d{1,2}(?!\d)" +
        @"|" + Day + @"(?:\s+of)?[\s\-]+" + Month + @"\.?[\s\-,]+(?:\d{4}|'?\d{2})(?!\d)" +
        @"|" + Month + @"\.?\s+" + Day + @",?\s+\d{4}(?!\d))";

    /// <summary>Words that say a date is a birth date.</summary>
    private const string Marker =
        @"(?:\bborn\b|\bd\.?\s?o\.?\s?b\b\.?|\bdate\s+of\s+birth\b|\bbirth\s*date\b|\bbirthday\b)";

    /// <summary>What may stand between the marker and the date: "DOB: ", "born on the ", "date of birth is ".</summary>
    private const string Between = @"[\s:=\-–]*(?:(?:is|was|on|of|the)\s+)*";

    /// <summary>
    /// Capitalised words that come before a bracketed date without being anyone's name: the meetings,
    /// bodies and events commentary dates ("agreed at the Partnership Board (14/03/2025)"). Not the
    /// months, which are names too (April, May, June).
    /// </summary>
    private static readonly HashSet<string> s_notNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "board", "boards", "meeting", "meetings", "panel", "group", "groups", "subgroup", "conference", "committee",
        "review", "reviews", "partnership", "partnerships", "forum", "hub", "team", "teams", "service", "services",
        "council", "court", "hearing", "audit", "inspection", "report", "strategy", "plan", "update", "minutes",
        "session", "workshop", "event", "training", "launch", "visit", "week", "day", "executive", "trust",
        "authority", "cabinet", "scrutiny", "network", "consultation", "protocol", "framework", "guidance",
        "policy", "procedures", "programme", "project", "pilot", "campaign", "agreed", "approved", "published",
        "issued", "signed", "started", "ended", "opened", "closed", "deadline", "date", "dated", "effective",
        "from", "to", "until", "since", "by", "on", "in", "at", "and", "the", "this", "that", "ofsted", "children",
        "safeguarding", "partners", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    /// <summary>True where <paramref name="text"/> holds a date of birth.</summary>
    public static bool In(string text)
    {
        if (MarkedDate().IsMatch(text))
        {
            return true;
        }

        // Most text holds no bracketed date at all: ask that first, without allocating the matches.
        if (!BracketedDate().IsMatch(text))
        {
            return false;
        }

        foreach (Match match in BracketedDate().Matches(text))
        {
            // An acronym (MASH, LADO) names a body, not a person.
            var name = match.Groups["name"].Value;
            if (!s_notNames.Contains(name) && (name.Length == 1 || name.Any(char.IsLower)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"born 14/03/2012", "DOB: 14 March 2012", "born on the 14th of March 2012", "14/03/12 (DOB)".</summary>
    [GeneratedRegex(
        Marker + Between + Date + "|" + Date + @"\s*[(,;:\-–]?\s*" + Marker,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkedDate();

    /// <summary>A capitalised word, such as a surname, then a date alone in brackets: "Jo (14/03/2012)".</summary>
    [GeneratedRegex(
        @"(?-i:\b(?<name>[A-Z][a-z]*(?:['\-]?[A-Z][a-z]*)*))\s*\(\s*" + Date + @"\s*\)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BracketedDate();
}
