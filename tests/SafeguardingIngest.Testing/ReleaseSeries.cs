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

/// <summary>An agency's resubmission of an earlier quarter, made just before a release.</summary>
public sealed record Resubmission(int Release, int QuartersBack, int Agency, int Locality, int Count);

/// <summary>
/// A generated partnership compiled for consecutive quarters, each compile published as a release, with
/// agencies resubmitting earlier quarters between releases. Each release is rendered as the compiler and
/// <see cref="Publish"/> renders each compile alone, as if it were the first release, and marks in the csv's
/// <c>revised</c> column the cells whose figure changed since the release before; <see cref="PublishAsReleases"/>
/// publishes them as the compile does, each release carrying every earlier one's decisions.
/// </summary>
public sealed record ReleaseSeries(
    int Localities,
    int Agencies,
    bool Flow,
    string Polarity,
    int FirstQuarter,
    int Releases,
    int[] Counts,
    Resubmission[] Resubmissions)
{
    private const int Periods = Compiler.SeriesLength + 8;
    private static readonly string[] s_polarities = ["none", "lowerIsBetter", "higherIsBetter"];

    /// <summary>
    /// One to five localities, one to three agencies, four to eight releases from any quarter of 2025-26,
    /// counts mostly 0 to 11, and up to six resubmissions of the three quarters before a release.
    /// </summary>
    public static Gen<ReleaseSeries> Generator { get; } =
        from localities in Gen.Int[1, 5]
        from agencies in Gen.Int[1, 3]
        from flow in Gen.Bool
        from polarity in Gen.Int[0, 2]
        from first in Gen.Int[1, 4]
        from releases in Gen.Int[4, 8]
        from counts in Gen.Frequency(
            (3, Gen.Const(0)),
            (4, Gen.Int[1, 4]),
            (2, Gen.Int[5, 11]),
            (1, Gen.Int[12, 80])).Array[Periods * 3 * 5]
        from resubmissions in (
            from release in Gen.Int[1, 7]
            from back in Gen.Int[1, 3]
            from agency in Gen.Int[0, 2]
            from locality in Gen.Int[0, 4]
            from count in Gen.Int[0, 11]
            select new Resubmission(release, back, agency, locality, count)).Array[0, 6]
        select new ReleaseSeries(
            localities,
            agencies,
            flow,
            s_polarities[polarity],
            first,
            releases,
            counts,
            resubmissions);

    /// <summary>The partnership: its one indicator, KIDS, a count by locality.</summary>
    public Partnership Partnership() =>
        GeneratedPartnership.Of(Agencies, Localities, "count", Flow, byLocality: true, Polarity);

    /// <summary>Each release's page and csv, oldest first.</summary>
    public IReadOnlyList<Release> Publish(PublicationOptions publication)
    {
        var partnership = Partnership();
        var releases = new List<Release>();
        IReadOnlyDictionary<(ReportingPeriod, string, string), int>? before = null;
        foreach (var (period, figures) in Figures())
        {
            var release = Testing.Publish.Release(Compile(partnership, period, figures), partnership, publication);
            var earlier = before;
            releases.Add(release with
            {
                Csv = MarkRevisions(release.Csv, key => earlier is not null && earlier[key] != figures[key]),
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
            var draft = ReleaseBuilder.Build(
                Compile(partnership, period, figures), partnership, publication, ReleaseStatus.Published, 1, decisions, [], string.Empty);
            decisions.Add(draft.Decisions);
            string Text(string name) => Encoding.UTF8.GetString(draft.Files.Single(f => f.Name == name).Content);
            releases.Add(new Release(Text(HtmlReport.FileName), Text(CsvReport.FileName)));
        }

        return releases;
    }

    /// <summary>
    /// Each csv cell's figure as the first release to publish it had it, by the attacker's name for the cell's
    /// first value ("csv 2025-26 Q2 A L1"): what a sound reader's bounds must always contain.
    /// </summary>
    public IReadOnlyDictionary<string, double> FirstFigures
    {
        get
        {
            var first = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (period, figures) in Figures())
            {
                foreach (var ((quarter, agency, locality), count) in figures)
                {
                    if (Compiler.PeriodsNeeded(period).Contains(quarter))
                    {
                        first.TryAdd($"csv {quarter} {agency} {locality}", count);
                    }
                }
            }

            return first;
        }
    }

    /// <summary>Each release's quarter and every figure as it stands at that release, resubmissions made.</summary>
    private IEnumerable<(ReportingPeriod Period, IReadOnlyDictionary<(ReportingPeriod, string, string), int> Figures)>
        Figures()
    {
        var agencies = GeneratedPartnership.Codes(Agencies).ToList();
        var first = new ReportingPeriod(new FinancialYear(2025), FirstQuarter);
        var figures = new Dictionary<(ReportingPeriod, string, string), int>();
        var period = first.Trailing(Compiler.SeriesLength)[0];
        for (var p = 0; p < Periods; p++, period = period.Next())
        {
            for (var a = 0; a < Agencies; a++)
            {
                for (var l = 0; l < Localities; l++)
                {
                    figures[(period, agencies[a], $"L{l + 1}")] = Counts[(p * 15) + (a * 5) + l];
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
                figures[(quarter, agencies[resubmission.Agency], $"L{resubmission.Locality + 1}")] = resubmission.Count;
            }

            yield return (period, new Dictionary<(ReportingPeriod, string, string), int>(figures));
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Releases} releases from 2025-26 Q{FirstQuarter}: {Localities} localities, {Agencies} agencies, " +
        $"{(Flow ? "flow" : "stock")}, {Polarity}; resubmissions " +
        string.Join(
            ", ",
            Resubmissions.Select(s =>
                $"before {s.Release}: {s.QuartersBack} back {s.Agency} L{s.Locality + 1} = {s.Count}"));

    private static ConsolidatedReturn Compile(
        Partnership partnership,
        ReportingPeriod period,
        IReadOnlyDictionary<(ReportingPeriod, string, string), int> figures)
    {
        var data = Compiler.PeriodsNeeded(period).ToDictionary(
            p => p,
            p => new PeriodData(
                p,
                figures.Where(f => f.Key.Item1 == p)
                    .Select(f => new Observation(
                        p,
                        f.Key.Item2,
                        "KIDS",
                        f.Key.Item3,
                        f.Value,
                        null,
                        f.Value,
                        IndicatorUnit.Count,
                        null,
                        "Indicators!G2"))
                    .ToList(),
                [],
                [],
                []));
        return Compiler.Compile(partnership, period, data, [], DateTimeOffset.UnixEpoch);
    }

    /// <summary>The csv with a <c>revised</c> column, unless it has one already.</summary>
    private static string MarkRevisions(string csv, Func<(ReportingPeriod, string, string), bool> revised)
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
            var mark = revised(key) ? "true" : "false";
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
