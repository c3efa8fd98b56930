using System.Text.RegularExpressions;
using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Validation;

/// <summary>
/// Spots what looks like person-level data in a return, which must hold aggregate counts only:
/// headings for names, dates of birth, NHS numbers, UPNs or addresses, and NHS numbers (with a
/// valid check digit), UPNs or dates of birth written into text. Findings name the column or the
/// kind of data, never the data itself.
/// </summary>
public static partial class PersonalDataDetector
{
    private static readonly Dictionary<string, string> s_headings = new(StringComparer.Ordinal)
    {
        ["name"] = "names", ["names"] = "names", ["childname"] = "names", ["childsname"] = "names", ["childrensname"] = "names",
        ["firstname"] = "names", ["forename"] = "names", ["forenames"] = "names", ["givenname"] = "names", ["surname"] = "names",
        ["lastname"] = "names", ["familyname"] = "names", ["fullname"] = "names", ["pupilname"] = "names", ["clientname"] = "names",
        ["patientname"] = "names", ["youngpersonsname"] = "names",
        ["dob"] = "dates of birth", ["dateofbirth"] = "dates of birth", ["birthdate"] = "dates of birth", ["dobddmmyyyy"] = "dates of birth",
        ["nhsnumber"] = "NHS numbers", ["nhsno"] = "NHS numbers", ["nhs"] = "NHS numbers",
        ["upn"] = "unique pupil numbers", ["uniquepupilnumber"] = "unique pupil numbers", ["pupilnumber"] = "unique pupil numbers",
        ["address"] = "addresses", ["homeaddress"] = "addresses", ["postcode"] = "addresses", ["addressline1"] = "addresses",
    };

    /// <summary>What kind of personal data a heading announces ("names", "NHS numbers"), or null.</summary>
    public static string? KindOfHeading(string? heading) =>
        heading is null ? null : s_headings.GetValueOrDefault(NameKey.Fold(heading));

    /// <summary>What kind of personal data a piece of free text appears to hold, or null.</summary>
    public static string? KindInText(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 3)
        {
            return null;
        }

        foreach (Match match in NhsNumber().Matches(text))
        {
            if (IsValidNhsNumber(match.Value))
            {
                return "an NHS number";
            }
        }

        if (Upn().IsMatch(text))
        {
            return "a unique pupil number";
        }

        return DateOfBirth().IsMatch(text) ? "a date of birth" : null;
    }

    /// <summary>True for a ten-digit NHS number whose modulus 11 check digit is right.</summary>
    public static bool IsValidNhsNumber(string text)
    {
        Span<int> digits = stackalloc int[10];
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == 10)
                {
                    return false;
                }

                digits[count++] = c - '0';
            }
        }

        if (count != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }

        var check = 11 - (sum % 11);
        check = check == 11 ? 0 : check;
        return check != 10 && check == digits[9];
    }

    [GeneratedRegex(@"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NhsNumber();

    [GeneratedRegex(@"\b[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]\b", RegexOptions.CultureInvariant)]
    private static partial Regex Upn();

    [GeneratedRegex(@"\b(?:d\.?o\.?b\.?|date of birth|born on)\s*[:\-]?\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateOfBirth();
}
