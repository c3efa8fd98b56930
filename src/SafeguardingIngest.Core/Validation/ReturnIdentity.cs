using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Validation;

/// <summary>Whose return this is, for which quarter, and where each came from.</summary>
internal sealed record Identity(Agency? Agency, ReportingPeriod? Period, string? AgencyFrom, string? PeriodFrom);

/// <summary>
/// Works out whose return this is and for which quarter, from three sources in one order everywhere:
/// the Cover sheet, then the caller (command line or upload path), then the file's name in the
/// template's own form ({AGENCY}-{PERIOD}…). The Cover and the caller must agree (an error where they
/// do not); a file name that disagrees is a warning. The report says which source was taken.
/// </summary>
internal static class ReturnIdentity
{
    public const string FromCover = "the Cover";
    public const string FromFileName = "the file name";

    public static Identity Resolve(
        Partnership partnership, CoverSheet? cover, bool hasCoverSheet, ReturnFileKind kind, ReturnContext context,
        FindingCollector findings)
    {
        var coverSheet = hasCoverSheet ? "Cover" : null;
        var named = FileNameIdentity.Read(context.FileName, partnership);
        var (agency, agencyFrom) = ResolveAgency(
            partnership,
            cover,
            context,
            named.Agency,
            findings,
            coverSheet,
            MissingWhere(kind, hasCoverSheet, "agency", "--agency CODE", "Agency (B2)"));
        var (period, periodFrom) = ResolvePeriod(
            cover,
            context,
            named.Period,
            findings,
            coverSheet,
            MissingWhere(kind, hasCoverSheet, "period", "--period 2025-26 Q2", "Period (B4)"));

        // The file name is only ever a fallback; where it names someone or something else, say so.
        var nameDisagrees = (named.Agency is not null &&
            agency is not null &&
            agencyFrom != FromFileName &&
            !string.Equals(named.Agency.Code, agency.Code, StringComparison.OrdinalIgnoreCase))
                            || (named.Period is { } p && period is { } q && periodFrom != FromFileName && p != q);
        if (nameDisagrees)
        {
            var extension = Path.GetExtension(context.FileName);
            var source = agencyFrom == periodFrom ? agencyFrom : $"{agencyFrom} and {periodFrom}";
            findings.Add(Rules.FileNameDisagrees, null, null, context.FileName,
                $"The file is named {context.FileName}, but the return is {agency!.Code}'s for {period} (from " +
                $"{source}); rename it {agency.Code}-{period!.Value.Key}{extension} so nobody is misled.");
        }

        return new Identity(agency, period, agency is null ? null : agencyFrom, period is null ? null : periodFrom);
    }

    private static (Agency? Agency, string? From) ResolveAgency(
        Partnership partnership,
        CoverSheet? cover,
        ReturnContext context,
        Agency? named,
        FindingCollector findings,
        string? sheet,
        string missing)
    {
        Agency? given = null;
        if (context.Agency is { } callerText)
        {
            given = partnership.FindAgency(callerText);
            if (given is null)
            {
                findings.Add(Rules.AgencyUnknown, null, null, callerText,
                    $"The return was sent for agency '{callerText}', which is not a partner " +
                    $"agency{Suggest(partnership.SuggestAgency(callerText))}");
            }
        }

        var coverValue = cover?.Agency is { } a && !a.Cell.IsBlank ? a
            : cover?.AgencyName is { } n && !n.Cell.IsBlank ? n
            : null;
        Agency? stated = null;
        if (coverValue is not null)
        {
            var text = coverValue.Cell.Display()!.Trim();
            stated = partnership.FindAgency(text);
            if (stated is null)
            {
                findings.Add(Rules.AgencyUnknown, sheet, coverValue.Reference, text,
                    $"'{text}' is not a partner agency{Suggest(partnership.SuggestAgency(text))}");
            }
            else if (given is not null && !string.Equals(given.Code, stated.Code, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(Rules.AgencyMismatch, sheet, coverValue.Reference, text,
                    $"the Cover says '{stated.Code}' but the return was sent for '{given.Code}'; correct the Cover " +
                    "or send it under your own agency.");
            }
        }

        if (context.Agency is null && coverValue is null)
        {
            if (named is not null)
            {
                return (named, FromFileName);
            }

            findings.Add(Rules.AgencyMissing, sheet, null, null, missing);
        }

        return stated is not null && (given is null || given == stated) ? (stated, FromCover)
            : given is not null ? (given, context.GivenBy)
            : (null, null);
    }

    private static (ReportingPeriod? Period, string? From) ResolvePeriod(
        CoverSheet? cover,
        ReturnContext context,
        ReportingPeriod? named,
        FindingCollector findings,
        string? sheet,
        string missing)
    {
        var coverValue = cover?.Period is { } p && !p.Cell.IsBlank ? p : null;
        ReportingPeriod? stated = null;
        if (coverValue is not null)
        {
            var text = coverValue.Cell.Display()!.Trim();
            if (coverValue.Cell.Kind == CellKind.Text && ReportingPeriod.TryParse(text, out var parsed))
            {
                stated = parsed;
            }
            else
            {
                findings.Add(Rules.PeriodInvalid, sheet, coverValue.Reference, text,
                    $"'{text}' is not a reporting period; write it like 2025-26 Q2.");
            }

            if (stated is { } s && context.Period is { } g && s != g)
            {
                findings.Add(Rules.PeriodMismatch, sheet, coverValue.Reference, text,
                    $"the Cover says {s} but the return was sent for {g}; correct the Cover or send it for the right " +
                    "quarter.");
            }
        }

        if (context.Period is null && coverValue is null)
        {
            if (named is not null)
            {
                return (named, FromFileName);
            }

            findings.Add(Rules.PeriodMissing, sheet, null, null, missing);
        }

        return stated is { } fromCover && (context.Period is null || context.Period == fromCover)
            ? (fromCover, FromCover)
            : context.Period is { } given ? (given, context.GivenBy)
            : (null, null);
    }

    private static string MissingWhere(
        ReturnFileKind kind,
        bool hasCoverSheet,
        string what,
        string option,
        string coverField)
    {
        var noun = what == "agency" ? "which agency this return is from" : "which quarter this return is for";
        if (kind == ReturnFileKind.Csv)
        {
            return $"A csv return has no Cover sheet, so nothing says {noun}; give it with {option}, name the file " +
                $"the template's way (such as CSC-2025-26-Q2.csv), or upload it under returns/{{agency}}/{{period}}/.";
        }

        return hasCoverSheet
            ? $"The Cover sheet does not say {noun}; fill in {coverField}."
            : $"The workbook has no Cover sheet, so nothing says {noun}; add the template's Cover sheet, or give it " +
                $"with {option}.";
    }

    /// <summary>The end of an unknown agency's message, with its own closing mark.</summary>
    private static string Suggest(string? suggestion) =>
        suggestion is null ? "; use your agency's code from the template." : $"; did you mean '{suggestion}'?";
}
