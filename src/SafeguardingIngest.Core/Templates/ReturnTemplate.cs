using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Templates;

/// <summary>
/// Builds the blank return an agency owes for a period: one row per indicator and locality of the
/// catalogue as it stood for that quarter.
/// </summary>
public static class ReturnTemplate
{
    /// <summary>The blank return of <paramref name="agency"/> for <paramref name="period"/>.</summary>
    public static ReturnDocument For(Partnership partnership, Agency agency, ReportingPeriod period)
    {
        partnership = partnership.For(period);
        var rows = new List<ReturnRow>();
        foreach (var indicator in partnership.IndicatorsOwedBy(agency.Code))
        {
            if (indicator.ByLocality)
            {
                rows.AddRange(partnership.Localities.Select(l => new ReturnRow(indicator, l.Code)));
            }
            else
            {
                rows.Add(new ReturnRow(indicator, Locality.WholeAreaCode));
            }
        }

        return new ReturnDocument(agency, period, rows) { DueDate = period.DueDate(partnership.ReturnsDueDays) };
    }
}
