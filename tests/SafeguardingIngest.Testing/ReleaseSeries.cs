using System.Text;
using CsCheck;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;
using Sylvan.Data.Csv;

namespace SafeguardingIngest.Testing;

/// <summary>
/// An agency's resubmission of an earlier quarter, made just before a release: its new count, or for a ratio
/// its new parts (<see cref="ReleaseSeries.Parts"/>).
/// </summary>
public sealed record Resubmission(int Release, int QuartersBack, int Agency, int Locality, int Count, int Other = 0);

/// <summary>
/// What a cell (a quarter, agency and locality) held when the release <paramref name="release"/> (0 the first)
/// was compiled: its numerator and denominator (a count's denominator 0); null where there is no such cell.
/// </summary>
public delegate (double Numerator, double Denominator)? CellTruth(
    int release,
    ReportingPeriod quarter,
    string agency,
    string locality);

/// <summary>
/// A generated partnership compiled for consecutive quarters, each compile published as a release, with
/// agencies resubmitting earlier quarters between releases. Each release is rendered as the compiler and
/// <see cref="Publish"/> renders each compile alone, as if it were the first release, and marks in the csv's
/// <c>revised</c> column the cells whose figure changed since the release before; <see cref="PublishAsReleases"/>
/// publishes them as the compile does, each release carrying every earlier one's decisions. Its indicator KIDS
/// is a count, a rate per 10,000 of <see cref="Populations"/>, or a ratio whose cells are two generated numbers
/// each (<see cref="Parts"/>); with <see cref="Linked"/>, a second indicator tied to it takes its cells from the
/// same two numbers.
/// </summary>
public sealed record ReleaseSeries(
    int Localities,
    int Agencies,
    bool Flow,
    string Polarity,
    int FirstQuarter,
    int Releases,
    int[] Counts,
    Resubmission[] Resubmissions,
    IndicatorUnit Unit = IndicatorUnit.Count,
    int[]? Others = null,
    LinkedIndicator? Linked = null,
    int[]? Populations = null)
{
    private const int Periods = Compiler.SeriesLength + 8;
    private static readonly string[] s_polarities = ["none", "lowerIsBetter", "higherIsBetter"];

    /// <summary>
    /// KIDS's unit and the indicator tied to it: every link the catalogue declares (the same count, a part of KIDS,
    /// a percentage whose numerator or denominator is KIDS's count), over both units.
    /// </summary>
    private static readonly (IndicatorUnit Unit, LinkedIndicator? Linked)[] s_linked =
    [
        (IndicatorUnit.RatePer10000, null),
        (IndicatorUnit.Count, new("RATE", "sameCountAs", IndicatorUnit.RatePer10000)),
        (IndicatorUnit.RatePer10000, new("SAME", "sameCountAs", IndicatorUnit.Count)),
        (IndicatorUnit.Count, new("PART", "partOf", IndicatorUnit.Count)),
        (IndicatorUnit.RatePer10000, new("PART", "partOf", IndicatorUnit.Count)),
        (IndicatorUnit.Count, new("SHARE", "numeratorOf", IndicatorUnit.Percentage)),
        (IndicatorUnit.RatePer10000, new("SHARE", "numeratorOf", IndicatorUnit.Percentage)),
        (IndicatorUnit.Count, new("SHARE", "denominatorOf", IndicatorUnit.Percentage)),
        (IndicatorUnit.RatePer10000, new("SHARE", "denominatorOf", IndicatorUnit.Percentage)),
    ];

    /// <summary>Mostly small, now and then large: a count, or one of a ratio's two generated numbers.</summary>
    private static readonly Gen<int> s_count = Gen.Frequency(
        (3, Gen.Const(0)),
        (4, Gen.Int[1, 4]),
        (2, Gen.Int[5, 11]),
        (1, Gen.Int[12, 80]));

    /// <summary>
    /// One to five localities, one to three agencies, four to eight releases from any quarter of 2025-26,
    /// counts mostly 0 to 11, and up to six resubmissions of the three quarters before a release.
    /// </summary>
    public static Gen<ReleaseSeries> Generator { get; } = Of(Gen.Const(IndicatorUnit.Count), 5, 3, 8);

    /// <summary>
    /// Percentages and averages: one or two localities and agencies, four or five releases, each part mostly
    /// 0 to 11. Each ratio cell has three parts to protect (or an average's cases under its total), so the
    /// systems are kept to the size the integer programs settle within their time.
    /// </summary>
    public static Gen<ReleaseSeries> RatioGenerator { get; } =
        Of(Gen.Bool.Select(p => p ? IndicatorUnit.Percentage : IndicatorUnit.Average), 2, 2, 5);

    /// <summary>
    /// KIDS a count or a rate per 10,000, the rate alone or either with a second indicator tied to it
    /// (<see cref="LinkedIndicator"/>: the same count, or a percentage whose numerator or denominator it is): one
    /// or two localities of 2,000 to 60,000 under-18s each, one or two agencies, four to
    /// <see cref="LinkedReleases"/> releases, each cell's two numbers mostly 0 to 11, with resubmissions.
    /// </summary>
    public static Gen<ReleaseSeries> LinkedGenerator { get; } =
        from pair in Gen.OneOf(s_linked)
        from populations in Gen.Int[2_000, 60_000].Array[5]
        from series in Of(Gen.Const(pair.Unit), 2, 2, LinkedReleases, paired: true)
        select series with { Linked = pair.Linked, Populations = populations };

    /// <summary>The most releases <see cref="LinkedGenerator"/> generates.</summary>
    public const int LinkedReleases = 8;

    private static Gen<ReleaseSeries> Of(
        Gen<IndicatorUnit> units,
        int localities,
        int agencies,
        int releases,
        bool paired = false) =>
        from unit in units
        from places in Gen.Int[1, localities]
        from owing in Gen.Int[1, agencies]
        from flow in Gen.Bool
        from polarity in Gen.Int[0, 2]
        from first in Gen.Int[1, 4]
        from count in Gen.Int[4, releases]
        from counts in s_count.Array[Periods * 3 * 5]
        from others in s_count.Array[unit == IndicatorUnit.Count && !paired ? 0 : Periods * 3 * 5]
        from resubmissions in (
            from release in Gen.Int[1, 7]
            from back in Gen.Int[1, 3]
            from agency in Gen.Int[0, 2]
            from locality in Gen.Int[0, 4]
            from value in Gen.Int[0, 11]
            from other in Gen.Int[0, 11]
            select new Resubmission(release, back, agency, locality, value, other)).Array[0, 6]
        select new ReleaseSeries(
            places,
            owing,
            flow,
            s_polarities[polarity],
            first,
            count,
            counts,
            resubmissions,
            unit,
            others.Length == 0 ? null : others);

    /// <summary>The partnership: KIDS, and the indicator linked to it if any, by locality.</summary>
    public Partnership Partnership() =>
        GeneratedPartnership.Of(
            Agencies,
            Localities,
            LinkedIndicator.UnitWord(Unit),
            Flow,
            byLocality: true,
            Polarity,
            Linked);

    /// <summary>The catalogue's links as a reader takes them: the linked indicator's cells tied to KIDS's.</summary>
    public IReadOnlyList<IndicatorLink> Links => Linked is { } linked ? [linked.Link] : [];

    /// <summary>
    /// The public under-18s by locality code, the whole area's ("ALL") their sum, the same every year; null
    /// where no indicator is a rate.
    /// </summary>
    public IReadOnlyDictionary<string, double>? Under18()
    {
        if (Populations is null || Indicators().All(i => i.Unit != IndicatorUnit.RatePer10000))
        {
            return null;
        }

        var populations = Enumerable.Range(0, Localities)
            .ToDictionary(l => $"L{l + 1}", l => (double)Populations[l], StringComparer.Ordinal);
        populations[Locality.WholeAreaCode] = populations.Values.Sum();
        return populations;
    }

    /// <summary>
    /// A cell's figure: a count (its denominator 0); a percentage's numerator and denominator; an average's
    /// total and cases.
    /// </summary>
    public readonly record struct Parts(int Numerator, int Denominator);

    /// <summary>Each release's page and csv, oldest first.</summary>
    public IReadOnlyList<Release> Publish(PublicationOptions publication)
    {
        var partnership = Partnership();
        var releases = new List<Release>();
        IReadOnlyDictionary<(ReportingPeriod, string, string), Returned>? before = null;
        foreach (var (period, figures) in Figures())
        {
            var compiled = Compile(partnership, period, figures);
            var release = Testing.Publish.Release(compiled, partnership, publication);
            var earlier = before;
            releases.Add(release with
            {
                Csv = MarkRevisions(
                    release.Csv,
                    (code, key) => earlier is not null
                        && PartsOf(code, key.Item3, earlier[key]) != PartsOf(code, key.Item3, figures[key])),
            });
            before = figures;
        }

        return releases;
    }

    /// <summary>
    /// Each release's page and csv as the compile publishes them: one <see cref="ReleaseBuilder"/> release per
    /// quarter, each planned with every earlier release's decisions, its revisions marked by the release itself.
    /// </summary>
    public IReadOnlyList<Release> PublishAsReleases(PublicationOptions publication)
    {
        var partnership = Partnership();
        var releases = new List<Release>();
        var decisions = new List<ReleaseDecisions>();
        foreach (var (period, figures) in Figures())
        {
            var draft = ReleaseBuilder.Build(new ReleaseRequest(
                Compile(partnership, period, figures),
                partnership,
                publication,
                ReleaseStatus.Published,
                1,
                EarlierDecisions.Of(decisions),
                [],
                string.Empty));
            decisions.Add(draft.Decisions!);
            string Text(string name) => Encoding.UTF8.GetString(draft.Files.Single(f => f.Name == name).Content);
            releases.Add(new Release(Text(HtmlReport.FileName), Text(CsvReport.FileName)));
        }

        return releases;
    }

    /// <summary>
    /// Each hidden figure's value as the first release to publish its cell had it, by the attacker's name for the
    /// cell's first value ("csv 2025-26 Q2 A L1", and for a ratio its parts: " complement" and " denominator" of
    /// a percentage, " cases" of an average; the linked indicator's after its code, "SHARE: csv …"): what a sound
    /// reader's bounds must always contain.
    /// </summary>
    public IReadOnlyDictionary<string, double> FirstFigures
    {
        get
        {
            var first = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (period, figures) in Figures())
            {
                foreach (var ((quarter, agency, locality), returned) in figures)
                {
                    if (!Compiler.PeriodsNeeded(period).Contains(quarter))
                    {
                        continue;
                    }

                    foreach (var (code, unit) in Indicators())
                    {
                        var name = $"{(code == "KIDS" ? string.Empty : code + ": ")}csv {quarter} {agency} {locality}";
                        var (n, d) = PartsOf(code, locality, returned);
                        IEnumerable<(string, double)> named = unit switch
                        {
                            IndicatorUnit.Percentage =>
                                [(name, n), (name + " complement", d - n), (name + " denominator", d)],
                            IndicatorUnit.Average => [(name + " cases", d)],
                            _ => [(name, n)],
                        };
                        foreach (var (figure, value) in named)
                        {
                            first.TryAdd(figure, value);
                        }
                    }
                }
            }

            return first;
        }
    }

    /// <summary>
    /// What the agencies returned of KIDS, as each release (0 the first) read it: a cell's numerator and
    /// denominator (a count's denominator 0), or null where the partnership has no such cell.
    /// </summary>
    public CellTruth Truth()
    {
        var releases = Figures().Select(f => f.Figures).ToList();
        return (release, quarter, agency, locality) =>
            releases[release].TryGetValue((quarter, agency, locality), out var returned)
                && PartsOf("KIDS", locality, returned) is var (n, d)
                    ? (n, d)
                    : null;
    }

    /// <summary>KIDS, and the indicator linked to it if any, with their units.</summary>
    private IReadOnlyList<(string Code, IndicatorUnit Unit)> Indicators() =>
        Linked is { } linked ? [("KIDS", Unit), (linked.Code, linked.Unit)] : [("KIDS", Unit)];

    /// <summary>A cell's two generated numbers, from which each indicator's parts are made.</summary>
    private readonly record struct Returned(int Count, int Other);

    /// <summary>Each release's quarter and every figure as it stands at that release, resubmissions made.</summary>
    private IEnumerable<(
        ReportingPeriod Period,
        IReadOnlyDictionary<(ReportingPeriod, string, string), Returned> Figures)> Figures()
    {
        var agencies = GeneratedPartnership.Codes(Agencies).ToList();
        var first = new ReportingPeriod(new FinancialYear(2025), FirstQuarter);
        var figures = new Dictionary<(ReportingPeriod, string, string), Returned>();
        var period = first.Trailing(Compiler.SeriesLength)[0];
        for (var p = 0; p < Periods; p++, period = period.Next())
        {
            for (var a = 0; a < Agencies; a++)
            {
                for (var l = 0; l < Localities; l++)
                {
                    var at = (p * 15) + (a * 5) + l;
                    figures[(period, agencies[a], $"L{l + 1}")] = new Returned(Counts[at], Others?[at] ?? 0);
                }
            }
        }

        period = first;
        for (var r = 0; r < Releases; r++, period = period.Next())
        {
            var release = r;
            var resubmissions = Resubmissions
                .Where(s => s.Release == release && s.Agency < Agencies && s.Locality < Localities);
            foreach (var resubmission in resubmissions)
            {
                var quarter = Enumerable.Range(0, resubmission.QuartersBack).Aggregate(period, (q, _) => q.Previous());
                figures[(quarter, agencies[resubmission.Agency], $"L{resubmission.Locality + 1}")] =
                    new Returned(resubmission.Count, resubmission.Other);
            }

            yield return (period, new Dictionary<(ReportingPeriod, string, string), Returned>(figures));
        }
    }

    /// <summary>
    /// The cell of <paramref name="code"/> in <paramref name="locality"/> from its two generated numbers, count
    /// and other. KIDS: a count; a rate, count over the locality's population; a percentage of count children
    /// out of count + other; an average over count cases of about other + 1 each. The linked indicator: the same
    /// count (over the population for a rate); a part, the lesser of the two; a percentage of count out of
    /// count + other (numeratorOf), or of the lesser of the two out of count (denominatorOf).
    /// </summary>
    private Parts PartsOf(string code, string locality, Returned returned)
    {
        var (count, other) = returned;
        var (kind, unit) = code == "KIDS" || Linked is null ? (null, Unit) : (Linked.Kind, Linked.Unit);
        return (kind, unit) switch
        {
            ("partOf", _) => new Parts(Math.Min(count, other), 0),
            ("numeratorOf", _) => new Parts(count, count + other),
            ("denominatorOf", _) => new Parts(Math.Min(count, other), count),
            (_, IndicatorUnit.RatePer10000) => new Parts(count, Populations![int.Parse(locality[1..]) - 1]),
            (_, IndicatorUnit.Percentage) => new Parts(count, count + other),
            (_, IndicatorUnit.Average) =>
                new Parts((count * (other + 1)) + (count > 1 ? other % count : 0), count),
            _ => new Parts(count, 0),
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Releases} releases from 2025-26 Q{FirstQuarter}: {Unit}"
        + (Linked is { } linked ? $" with {linked}" : string.Empty)
        + (Under18() is { } under18
            ? $" (under-18s {string.Join(", ", under18.Select(p => $"{p.Key} {p.Value}"))})"
            : string.Empty)
        + $", {Localities} localities, {Agencies} agencies, {(Flow ? "flow" : "stock")}, {Polarity}; resubmissions "
        + string.Join(
            ", ",
            Resubmissions.Select(s =>
                $"before {s.Release}: {s.QuartersBack} back {s.Agency} L{s.Locality + 1} = "
                + string.Join(" and ", Indicators().Select(i =>
                    PartsOf(i.Code, $"L{s.Locality + 1}", new Returned(s.Count, s.Other))))));

    private ConsolidatedReturn Compile(
        Partnership partnership,
        ReportingPeriod period,
        IReadOnlyDictionary<(ReportingPeriod, string, string), Returned> figures)
    {
        var data = Compiler.PeriodsNeeded(period).ToDictionary(
            p => p,
            p => new PeriodData(
                p,
                figures.Where(f => f.Key.Item1 == p)
                    .SelectMany(f => Indicators().Select((indicator, row) =>
                    {
                        var parts = PartsOf(indicator.Code, f.Key.Item3, f.Value);
                        return new Observation(
                            p,
                            f.Key.Item2,
                            indicator.Code,
                            f.Key.Item3,
                            parts.Numerator,
                            indicator.Unit == IndicatorUnit.Count ? null : parts.Denominator,
                            Value(parts, indicator.Unit),
                            indicator.Unit,
                            null,
                            $"Indicators!G{row + 2}");
                    }))
                    .ToList(),
                [],
                [],
                []));
        return Compiler.Compile(partnership, period, data, [], DateTimeOffset.UnixEpoch);
    }

    private static double Value(Parts parts, IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Count => parts.Numerator,
        _ when parts.Denominator == 0 => 0,
        IndicatorUnit.Percentage => 100d * parts.Numerator / parts.Denominator,
        IndicatorUnit.RatePer10000 => 10_000d * parts.Numerator / parts.Denominator,
        _ => (double)parts.Numerator / parts.Denominator,
    };

    /// <summary>The csv with a <c>revised</c> column, unless it has one already.</summary>
    private static string MarkRevisions(string csv, Func<string, (ReportingPeriod, string, string), bool> revised)
    {
        using var reader = CsvDataReader.Create(new StringReader(csv.TrimStart('\uFEFF')));
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var column = names.IndexOf("revised");
        var text = new StringBuilder();
        static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        text.AppendJoin(',', (column < 0 ? names.Append("revised") : names).Select(Quote)).Append("\r\n");
        while (reader.Read())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
            var key = (
                ReportingPeriod.Parse(fields[names.IndexOf("period")]),
                fields[names.IndexOf("agency")],
                fields[names.IndexOf("locality")]);
            var mark = revised(fields[names.IndexOf("indicator")], key) ? "true" : "false";
            if (column < 0)
            {
                fields.Add(mark);
            }
            else
            {
                // A compile rendered alone knows no earlier release: mark what changed since the one before.
                fields[column] = mark;
            }

            text.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return text.ToString();
    }
}
