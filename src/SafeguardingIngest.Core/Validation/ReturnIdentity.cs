using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Validation;

/// <summary>
/// Works out whose return this is and for which quarter, from the caller (command line or upload
/// path) and the Cover sheet, which must agree. The caller's word stands for the rest of the checks.
/// </summary>
internal static class ReturnIdentity
{
    public static (Agency? Agency, ReportingPeriod? Period) Resolve(
        Partnership partnership, CoverSheet? cover, bool hasCoverSheet, ReturnFileKind kind, ReturnContext context, FindingCollector findings)
    {
        var coverSheet = hasCoverSheet ? "Cover" : null;
        var agency = ResolveAgency(partnership, cover, context, findings, coverSheet, MissingWhere(kind, hasCoverSheet, "agency", "--agency CODE", "Agency (B2)"));
        var period = ResolvePeriod(cover, context, findings, coverSheet, MissingWhere(kind, hasCoverSheet, "period", "--period 2025-26 Q2", "Period (B4)"));
        return (agency, period);
    }

    private static Agency? ResolveAgency(Partnership partnership, CoverSheet? cover, ReturnContext context, FindingCollector findings, string? sheet, string missing)
    {
        Agency? given = null;
        if (context.Agency is { } callerText)
        {
            given = partnership.FindAgency(callerText);
            if (given is null)
            {
                findings.Add(Rules.AgencyUnknown, null, null, callerText,
                    $"The return was sent for agency '{callerText}', which is not a partner agency{Suggest(partnership.SuggestAgency(callerText))}.");
            }
        }

        var coverValue = cover?.Agency is { } a && !a.Cell.IsBlank ? a : cover?.AgencyName is { } n && !n.Cell.IsBlank ? n : null;
        Agency? stated = null;
        if (coverValue is not null)
        {
            var text = coverValue.Cell.Display()!.Trim();
            stated = partnership.FindAgency(text);
            if (stated is null)
            {
                findings.Add(Rules.AgencyUnknown, sheet, coverValue.Reference, text,
                    $"'{text}' is not a partner agency{Suggest(partnership.SuggestAgency(text))}.");
            }
            else if (given is not null && !string.Equals(given.Code, stated.Code, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(Rules.AgencyMismatch, sheet, coverValue.Reference, text,
                    $"the Cover says '{stated.Code}' but the return was sent for '{given.Code}'; correct the Cover or send it under your own agency.");
            }
        }

        if (context.Agency is null && coverValue is null)
        {
            findings.Add(Rules.AgencyMissing, sheet, null, null, missing);
        }

        return given ?? (context.Agency is null ? stated : null);
    }

    private static ReportingPeriod? ResolvePeriod(CoverSheet? cover, ReturnContext context, FindingCollector findings, string? sheet, string missing)
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
                    $"the Cover says {s} but the return was sent for {g}; correct the Cover or send it for the right quarter.");
            }
        }

        if (context.Period is null && coverValue is null)
        {
            findings.Add(Rules.PeriodMissing, sheet, null, null, missing);
        }

        return context.Period ?? stated;
    }

    private static string MissingWhere(ReturnFileKind kind, bool hasCoverSheet, string what, string option, string coverField)
    {
        var noun = what == "agency" ? "which agency this return is from" : "which quarter this return is for";
        if (kind == ReturnFileKind.Csv)
        {
            return $"A csv return has no Cover sheet, so nothing says {noun}; give it with {option}, or upload the file under returns/{{agency}}/{{period}}/.";
        }

        return hasCoverSheet
            ? $"The Cover sheet does not say {noun}; fill in {coverField}."
            : $"The workbook has no Cover sheet, so nothing says {noun}; add the template's Cover sheet, or give it with {option}.";
    }

    private static string Suggest(string? suggestion) => suggestion is null ? "; use your agency's code from the template" : $"; did you mean '{suggestion}'?";
}
