using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

/// <summary>
/// The personal data screen against what officers write: a child's details in the forms they are typed,
/// and the commentary a safeguarding return is full of (meeting dates, financial years, quarters,
/// percentages, counts, "born out of"), which must pass.
/// </summary>
public class PersonalDataDetectorTests
{
    private const string Birth = "a date of birth";
    private const string Nhs = "an NHS number";
    private const string Upn = "a unique pupil number";
    private const string Insurance = "a National Insurance number";
    private const string Address = "an address (a house number and full postcode)";

    public static TheoryData<string, string> Personal() => new()
    {
        { "Fall because Jack Robinson, born 14/03/2012, and his siblings moved out of area", Birth },
        { "DOB 14/03/2012", Birth },
        { "d.o.b. 14.03.2012", Birth },
        { "Child born 14/03/2012 was placed out of county", Birth },
        { "DOB: 14 March 2012", Birth },
        { "date of birth 14 March 2012, now on a child protection plan", Birth },
        { "One child, born on 2012-03-14, was stepped down", Birth },
        { "Youngest sibling born 14-03-2012", Birth },
        { "Jack Robinson (14/03/2012) moved to Derby with his mother", Birth },
        { "Case of J. Robinson (14.03.12) closed after assessment", Birth },
        { "Ruby O'Brien (2 May 2014) stepped down to early help", Birth },
        { "Ellie May (02/05/2014) and her brother moved to Stafford", Birth },
        { "Twin born March 14 2012 was also seen at the hospital", Birth },
        { "Older brother was born on the 14th of March 2012", Birth },
        { "Date of Birth - 14/3/12", Birth },
        { "Jack, 14/03/2012 (DOB), missed three health appointments", Birth },
        { "Child seen at A&E, NHS no 943 476 5919", Nhs },
        { "NHS number 4010232137 was entered in error", Nhs },
        { "Pupil H801200001001 excluded twice this term", Upn },
        { "Mother's NI number AB 12 34 56 C is held on file", Insurance },
        { "Father (NINO JG103759A) has not engaged", Insurance },
        { "Family moved from 12 Mill Lane, Tamworth B79 7AB in August", Address },
        { "Placed at Flat 3, Mill House, ST16 2AB with a kinship carer", Address },
    };

    public static TheoryData<string> Ordinary() =>
    [
        "Reviewed at the board on 14/03/2025",
        "Agreed at the Partnership Board (14/03/2025) to change the threshold",
        "Practice review meeting (14/03/2025) agreed the new pathway",
        "Figures for the MASH (14/03/2025) extract were run again",
        "Strategy discussions held on 01.10.25 and 15.10.25",
        "Audit completed 14 March 2025; report due to the board March 2026",
        "Data as at 2025-09-30 from the case system extract",
        "Down from 20 to 3 after two families moved out of Northfield",
        "Concerns born out of the neglect audit led to a new pathway",
        "Born into Care pilot started on 14/03/2025",
        "Referrals of newborn babies rose by 12 this quarter",
        "Target for 2025-26 is 45; the 2024-25 outturn was 48.7",
        "Q2 2025-26 figures include a late return from the MASH",
        "Rose 62% since 2025-26 Q1 (from 610 to 988) after the new front door opened",
        "14.7% of plans were a second or subsequent plan, against 14% targeted",
        "3,592 contacts, up 0.13% on April to September 2010",
        "ICPC within 15 working days: 89% (NI 67), 412 of 463",
        "Reference 1234567890 in the force system",
        "Training delivered in Tamworth B79 and Cannock WS11 this quarter",
        "The hub moved to Tamworth B79 7AB in August",
        "DOB removed from the extract before sending, as agreed",
    ];

    [Theory]
    [MemberData(nameof(Personal))]
    public void KindInText_PersonalDetails_NamesTheKind(string text, string kind)
    {
        Assert.Equal(kind, PersonalDataDetector.KindInText(text));
    }

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void KindInText_OrdinaryCommentary_FindsNothing(string text)
    {
        Assert.Null(PersonalDataDetector.KindInText(text));
    }

    [Fact]
    public void KindInText_LongTextWithoutADate_ReturnsQuickly()
    {
        // A cell of the largest size allowed, made of capitalised words and brackets that nearly match.
        var text = string.Concat(Enumerable.Repeat("Aaaaaaaa Bbbbbbb (14/03/20", 1_200));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var kind = PersonalDataDetector.KindInText(text);

        Assert.Null(kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }
}
