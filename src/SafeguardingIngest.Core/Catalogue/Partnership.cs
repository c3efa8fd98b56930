using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Catalogue;

/// <summary>
/// A partnership's reference data: its agencies, localities, populations and indicator catalogue,
/// with look-ups by code or name in any case. Built by <see cref="PartnershipReader"/>, which checks it.
/// </summary>
public sealed class Partnership
{
    // Exact codes and names in any case first, so the usual row costs no folding; folded keys second.
    private readonly Dictionary<string, Indicator> _indicatorsAsWritten = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Locality> _localitiesAsWritten = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Agency> _agencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Locality> _localities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Indicator> _indicators = new(StringComparer.Ordinal);
    // By year, then by locality code: a plain string key is hashed with the runtime's quick ordinal hash, where a
    // tuple holding a string takes the randomized one, and a rate's population is looked up for every row.
    private readonly Dictionary<FinancialYear, Dictionary<string, long>> _populations = [];

    /// <summary>Creates the reference data; the lists are taken as already checked.</summary>
    public Partnership(
        string name,
        int returnsDueDays,
        IReadOnlyList<Agency> agencies,
        IReadOnlyList<Locality> localities,
        IReadOnlyList<Population> populations,
        IReadOnlyList<Indicator> indicators)
    {
        Name = name;
        ReturnsDueDays = returnsDueDays;
        Agencies = agencies;
        Localities = localities;
        Populations = populations;
        Indicators = indicators;
        foreach (var agency in agencies)
        {
            _agencies.TryAdd(NameKey.Fold(agency.Code), agency);
            _agencies.TryAdd(NameKey.Fold(agency.Name), agency);
        }

        foreach (var locality in localities)
        {
            _localitiesAsWritten.TryAdd(locality.Code, locality);
            _localitiesAsWritten.TryAdd(locality.Name, locality);
            _localities.TryAdd(NameKey.Fold(locality.Code), locality);
            _localities.TryAdd(NameKey.Fold(locality.Name), locality);
        }

        foreach (var indicator in indicators)
        {
            _indicatorsAsWritten.TryAdd(indicator.Code, indicator);
            _indicators.TryAdd(NameKey.Fold(indicator.Code), indicator);
            _indicators.TryAdd(NameKey.Fold(indicator.Title), indicator);
        }

        foreach (var population in populations)
        {
            if (!_populations.TryGetValue(population.Year, out var year))
            {
                year = [];
                _populations.Add(population.Year, year);
            }

            year[population.Locality] = population.Under18;
        }
    }

    /// <summary>
    /// The catalogue as it stood for <paramref name="quarter"/>: the agencies, localities and indicators in
    /// force then, each indicator owed only by the agencies in force. Entries without dates are always in
    /// force, so a catalogue that never dates anything gives the same lists for every quarter.
    /// </summary>
    public Partnership For(ReportingPeriod quarter)
    {
        if (Whole != this)
        {
            return Whole.For(quarter);
        }

        lock (_quarters)
        {
            if (!_quarters.TryGetValue(quarter, out var view))
            {
                view = Narrow(quarter);
                _quarters[quarter] = view;
            }

            return view;
        }
    }

    private Partnership Narrow(ReportingPeriod quarter)
    {
        var agencies = Agencies.Where(a => a.Dates.Covers(quarter)).ToList();
        var inForce = agencies.Select(a => a.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var indicators = Indicators
            .Where(i => i.Dates.Covers(quarter))
            .Select(i => i.Agencies.All(inForce.Contains)
                ? i
                : i with { Agencies = i.Agencies.Where(inForce.Contains).ToList() })
            .ToList();
        var localities = Localities.Where(l => l.Dates.Covers(quarter)).ToList();
        return new Partnership(Name, ReturnsDueDays, agencies, localities, Populations, indicators)
        {
            Digest = Digest,
            Comparators = Comparators,
            Geography = Geography,
            Whole = this,
            Quarter = quarter,
        };
    }

    private readonly Dictionary<ReportingPeriod, Partnership> _quarters = [];

    /// <summary>The catalogue for all time: this one, or the one a quarter's view was taken from.</summary>
    public Partnership Whole
    {
        get => _whole ?? this;
        private init => _whole = value;
    }

    private readonly Partnership? _whole;

    /// <summary>The quarter this view stands for; null for the catalogue for all time.</summary>
    public ReportingPeriod? Quarter { get; private init; }

    /// <summary>
    /// The SHA-256 of the document it was read from (lower-case hex); null where it was built in code.
    /// </summary>
    public string? Digest { get; internal set; }

    /// <summary>The partnership's name.</summary>
    public string Name { get; }

    /// <summary>Days after quarter end by which a return is due.</summary>
    public int ReturnsDueDays { get; }

    /// <summary>Partner agencies.</summary>
    public IReadOnlyList<Agency> Agencies { get; }

    /// <summary>Localities.</summary>
    public IReadOnlyList<Locality> Localities { get; }

    /// <summary>Under-18 populations by locality and year.</summary>
    public IReadOnlyList<Population> Populations { get; }

    /// <summary>
    /// Where the area sits in the ONS geographies (country, region, local authority); null where the reference data
    /// does not say, and the csv's geography codes are then left empty.
    /// </summary>
    public Geography? Geography { get; init; }

    /// <summary>What indicators are set beside, per indicator and financial year; empty where none are given.</summary>
    public IReadOnlyList<Comparators> Comparators { get; init; } = [];

    /// <summary>
    /// The comparators of <paramref name="code"/> for <paramref name="year"/>; null where none are given.
    /// </summary>
    public Comparators? FindComparators(string code, FinancialYear year) =>
        Comparators.FirstOrDefault(c =>
            string.Equals(c.Indicator, code, StringComparison.OrdinalIgnoreCase) && c.Year == year);

    /// <summary>The indicator catalogue.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>The agency with this code or name, in any case and spacing.</summary>
    public Agency? FindAgency(string? codeOrName) =>
        _agencies.GetValueOrDefault(NameKey.Fold(codeOrName));

    /// <summary>The locality with this code or name, in any case and spacing.</summary>
    public Locality? FindLocality(string? codeOrName) =>
        codeOrName is not null && _localitiesAsWritten.TryGetValue(codeOrName, out var locality)
            ? locality
            : _localities.GetValueOrDefault(NameKey.Fold(codeOrName));

    /// <summary>The indicator with this code or title, in any case and spacing.</summary>
    public Indicator? FindIndicator(string? codeOrTitle) =>
        codeOrTitle is not null && _indicatorsAsWritten.TryGetValue(codeOrTitle, out var indicator)
            ? indicator
            : _indicators.GetValueOrDefault(NameKey.Fold(codeOrTitle));

    /// <summary>The closest agency code or name to a mistyped one, if there is a plausible one.</summary>
    public string? SuggestAgency(string text) =>
        NearestMatch.Find(
            text,
            Agencies.SelectMany(a => new[] { (NameKey.Fold(a.Code), a.Code), (NameKey.Fold(a.Name), a.Code) }));

    /// <summary>The closest locality to a mistyped one, if there is a plausible one.</summary>
    public string? SuggestLocality(string text) =>
        NearestMatch.Find(
            text,
            Localities.SelectMany(l => new[] { (NameKey.Fold(l.Code), l.Name), (NameKey.Fold(l.Name), l.Name) }));

    /// <summary>The closest indicator code to a mistyped one, if there is a plausible one.</summary>
    public string? SuggestIndicator(string text) =>
        NearestMatch.Find(text, Indicators.Select(i => (NameKey.Fold(i.Code), i.Code)));

    /// <summary>The indicators <paramref name="agencyCode"/> must return, in catalogue order.</summary>
    public IEnumerable<Indicator> IndicatorsOwedBy(string agencyCode) =>
        Indicators.Where(i => i.IsOwedBy(agencyCode));

    /// <summary>
    /// The agencies that owe a return for <paramref name="quarter"/>: those in force then that must return
    /// at least one indicator in force then, in catalogue order.
    /// </summary>
    public IReadOnlyList<Agency> AgenciesOwing(ReportingPeriod quarter)
    {
        var catalogue = For(quarter);
        return catalogue.Agencies.Where(a => catalogue.IndicatorsOwedBy(a.Code).Any()).ToList();
    }

    /// <summary>
    /// Under-18 population of a locality in a year; for the whole area, the locality's own figure if
    /// the reference data gives one, otherwise the sum over all localities when every one is known.
    /// </summary>
    public long? PopulationFor(string localityCode, FinancialYear year)
    {
        var ofYear = _populations.GetValueOrDefault(year);
        if (ofYear is not null && ofYear.TryGetValue(localityCode, out var population))
        {
            return population;
        }

        if (ofYear is null ||
            !string.Equals(localityCode, Locality.WholeAreaCode, StringComparison.OrdinalIgnoreCase) ||
            Localities.Count == 0)
        {
            return null;
        }

        long total = 0;
        foreach (var locality in Localities)
        {
            if (!ofYear.TryGetValue(locality.Code, out var part))
            {
                return null;
            }

            total += part;
        }

        return total;
    }
}
