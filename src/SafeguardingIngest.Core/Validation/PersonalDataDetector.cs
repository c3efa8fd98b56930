using System.Text.RegularExpressions;
using SafeguardingIngest.Catalogue;

namespace SafeguardingIngest.Validation;

/// <summary>
/// Spots what looks like person-level data in a return, which must hold aggregate counts only:
/// headings for names, dates of birth, NHS numbers, UPNs or addresses, and written into text an NHS
/// number (with a valid check digit), a UPN, a National Insurance number, a full postcode beside a
/// house number, or a date of birth (<see cref="BirthDates"/>). Findings name the column or the kind
/// of data, never the data itself.
/// </summary>
public static partial class PersonalDataDetector
{
    private static readonly Dictionary<string, string> s_headings = new(StringComparer.Ordinal)
    {
        ["name"] = "names", ["names"] = "names", ["childname"] = "names", ["childsname"] = "names",
        ["childrensname"] = "names",
        ["firstname"] = "names", ["forename"] = "names", ["forenames"] = "names", ["givenname"] = "names",
        ["surname"] = "names",
        ["lastname"] = "names", ["familyname"] = "names", ["fullname"] = "names", ["pupilname"] = "names",
        ["clientname"] = "names",
        ["patientname"] = "names", ["youngpersonsname"] = "names",
        ["dob"] = "dates of birth", ["dateofbirth"] = "dates of birth", ["birthdate"] = "dates of birth",
        ["dobddmmyyyy"] = "dates of birth",
        ["nhsnumber"] = "NHS numbers", ["nhsno"] = "NHS numbers", ["nhs"] = "NHS numbers",
        ["upn"] = "unique pupil numbers", ["uniquepupilnumber"] = "unique pupil numbers",
        ["pupilnumber"] = "unique pupil numbers",
        ["address"] = "addresses", ["homeaddress"] = "addresses", ["postcode"] = "addresses",
        ["addressline1"] = "addresses",
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

        // Enumerated without allocating: this runs on every text cell of every row.
        foreach (var match in NhsNumber().EnumerateMatches(text))
        {
            if (IsValidNhsNumber(text.AsSpan(match.Index, match.Length)))
            {
                return "an NHS number";
            }
        }

        if (Upn().IsMatch(text))
        {
            return "a unique pupil number";
        }

        if (NationalInsuranceNumber().IsMatch(text))
        {
            return "a National Insurance number";
        }

        if (HouseAndPostcode().IsMatch(text))
        {
            return "an address (a house number and full postcode)";
        }

        return BirthDates.In(text) ? "a date of birth" : null;
    }

    /// <summary>True for a ten-digit NHS number whose modulus 11 check digit is right.</summary>
    public static bool IsValidNhsNumber(string text) => IsValidNhsNumber(text.AsSpan());

    private static bool IsValidNhsNumber(ReadOnlySpan<char> text)
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

    /// <summary>Two prefix letters (never D, F, I, Q, U or V first), six digits, a suffix A to D.</summary>
    [GeneratedRegex(
        @"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex NationalInsuranceNumber();

    /// <summary>
    /// A house number and then, within the same sentence, a full postcode: "12 Mill Lane, Tamworth B79 7AB",
    /// "Flat 3, Mill House, ST16 2AB". A postcode alone, or a district (B79), places no one.
    /// </summary>
    [GeneratedRegex(
        @"\b\d{1,4}[A-Za-z]?,?\s+[A-Z][^.;!?\r\n]{0,80}?\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex HouseAndPostcode();
}
