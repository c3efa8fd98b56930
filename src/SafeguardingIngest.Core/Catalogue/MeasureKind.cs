namespace SafeguardingIngest.Catalogue;

/// <summary>
/// What an indicator's year figure is. A flow's year is the sum over its quarters (contacts,
/// referrals, referrals per 10,000, the share of new plans that are repeats); a stock's year is
/// where it stands at the quarter in hand (open cases, children on a plan per 10,000, the share of
/// a cohort at a point in time).
/// </summary>
public enum MeasureKind
{
    /// <summary>
    /// Adds up over the year: year to date sums the quarters, and a target is pro rata for counts and rates.
    /// </summary>
    Flow,

    /// <summary>
    /// A position at a point in time: year to date is the latest quarter, and the annual target applies as it is.
    /// </summary>
    Stock,
}
