using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CsCheck;
using SafeguardingIngest.Disclosure;
using Xunit.Abstractions;

namespace SafeguardingIngest.Tests.Disclosure;

/// <summary>
/// A reader holding several releases (<see cref="ReleaseAttacker"/>): hand-made releases pin its power over
/// what each relation gives away, worked out by hand.
/// </summary>
public class ReleaseAttackerTests(ITestOutputHelper output)
{
    private static readonly string s_q2Page = Card(
        "2025-26 Q2",
        "count, direction only, a position at quarter end",
        """
        This quarter <strong>123</strong> · previous quarter No data · same quarter last year No data · year to date 123
        """,
        """
        <tr><th>North</th><td>c</td><td>No data</td><td>c</td><td>c</td></tr>
        <tr><th>South</th><td>80</td><td>No data</td><td>80</td><td>No data</td></tr>
        """);

    private const string Q2Csv = """
        period,indicator,agency,locality,locality_name,numerator,commentary,source
        2025-26 Q2,KIDS,a,L1,North,c,,Indicators!G2
        2025-26 Q2,KIDS,b,L1,North,c,,Indicators!G2
        2025-26 Q2,KIDS,a,L2,South,30,,Indicators!G3
        2025-26 Q2,KIDS,b,L2,South,50,,Indicators!G3
        """;

    private static readonly string s_q3Page = Card(
        "2025-26 Q3",
        "count, direction only, a position at quarter end",
        """
        This quarter <strong>131</strong> · previous quarter 123 · same quarter last year No data · year to date 131
        """,
        """
        <tr><th>North</th><td>44</td><td>No data</td><td>44</td><td>c</td></tr>
        <tr><th>South</th><td>87</td><td>No data</td><td>87</td><td>c</td></tr>
        """);

    // The Q3 release's csv repeats Q2 under Q3's plan: North a and South a hidden, North b shown.
    private const string Q3Csv = """
        period,indicator,agency,locality,locality_name,numerator,revised
        2025-26 Q2,KIDS,a,L1,North,c,false
        2025-26 Q2,KIDS,b,L1,North,40,false
        2025-26 Q2,KIDS,a,L2,South,c,false
        2025-26 Q2,KIDS,b,L2,South,50,false
        2025-26 Q3,KIDS,a,L1,North,6,false
        2025-26 Q3,KIDS,b,L1,North,38,false
        2025-26 Q3,KIDS,a,L2,South,35,false
        2025-26 Q3,KIDS,b,L2,South,52,false
        """;

    [Fact]
    public void Attack_TwoReleasesEachSafeAlone_PinsNorthAFromQ2sTotalLessQ3sNorthB()
    {
        // Q2's page shows North = 43 (a + b hidden); Q3's csv shows North b = 40 for the same quarter:
        // a = 43 − 40 = 3.
        var attacker = ReleaseAttacker.Attack([new(s_q2Page, Q2Csv), new(s_q3Page, Q3Csv)], "KIDS");

        Assert.Equal(("csv 2025-26 Q2 a L1", 3d, 3d), OnlyPin(attacker));
        Assert.Empty(attacker.NotProven);
    }

    [Fact]
    public void Attack_EitherReleaseAlone_PinsNothing()
    {
        // Q2 alone: a + b = 43, each at least 1, so a is 1 to 42. Q3 alone: Q2's area 123 less b's 40 and 50
        // leaves 33 for North a and South a together, so a is 1 to 32.
        var q2 = ReleaseAttacker.Attack([new(s_q2Page, Q2Csv)], "KIDS");
        var q3 = ReleaseAttacker.Attack([new(s_q3Page, Q3Csv)], "KIDS");

        Assert.Empty(q2.Pinned(5));
        Assert.Empty(q3.Pinned(5));
        Assert.Equal((1d, 42d), Range(q2, "csv 2025-26 Q2 a L1"));
        Assert.Equal((1d, 32d), Range(q3, "csv 2025-26 Q2 a L1"));
    }

    [Fact]
    public void Attack_ACellMarkedRevised_IsANewUnknownThatTheEarlierTotalDoesNotBind()
    {
        // Q3 marks North b revised (and hides Q2's area): the 40 it shows need not be the b behind Q2's 43, so
        // a stays 1 to 42.
        var csv = Q3Csv.Replace("Q2,KIDS,b,L1,North,40,false", "Q2,KIDS,b,L1,North,40,true", StringComparison.Ordinal);
        var page = s_q3Page.Replace("previous quarter 123", "previous quarter c", StringComparison.Ordinal);

        var attacker = ReleaseAttacker.Attack([new(s_q2Page, Q2Csv), new(page, csv)], "KIDS");

        Assert.Empty(attacker.Pinned(5));
        Assert.Equal((1d, 42d), Range(attacker, "csv 2025-26 Q2 a L1"));
    }

    [Fact]
    public void Attack_ImprovingWhereLowerIsBetter_BoundsTheQuarterBelowThePreviousOne()
    {
        // North + South = 10 with both hidden (each 1 to 9); North "Improving" where lower is better says North
        // fell below its previous quarter's 2, so North is 1 and South 9.
        var page = Card(
            "2025-26 Q2",
            "count, lower is better, a position at quarter end",
            """
            This quarter <strong>10</strong> · previous quarter 11 · same quarter last year No data · year to date 10
            """,
            """
            <tr><th>North</th><td>c</td><td>No data</td><td>c</td><td>Improving</td></tr>
            <tr><th>South</th><td>c</td><td>No data</td><td>c</td><td>c</td></tr>
            """);
        const string Csv = """
            period,indicator,agency,locality,locality_name,numerator
            2025-26 Q1,KIDS,A,L1,North,2
            2025-26 Q1,KIDS,A,L2,South,9
            2025-26 Q2,KIDS,A,L1,North,c
            2025-26 Q2,KIDS,A,L2,South,c
            """;

        var attacker = ReleaseAttacker.Attack([new(page, Csv)], "KIDS");
        var withheld = page.Replace("Improving", "c", StringComparison.Ordinal);
        var blind = ReleaseAttacker.Attack([new(withheld, Csv)], "KIDS");

        Assert.Equal(("csv 2025-26 Q2 A L1", 1d, 1d), OnlyPin(attacker));
        Assert.Equal((9d, 9d), Range(attacker, "csv 2025-26 Q2 A L2"));
        Assert.Equal((1d, 9d), Range(blind, "csv 2025-26 Q2 A L1"));
    }

    [Fact]
    public void Attack_GreenWhereLowerIsBetter_BoundsTheYearToDateByTheTarget()
    {
        // Year to date = Q1's 20 + A + B, both hidden; Green against a target to date of 24 (lower is better)
        // says 20 + A + B ≤ 24, so A + B is 2 to 4 and each of A and B is 1 to 3.
        var page = Card(
            "2025-26 Q2",
            "count, lower is better, adds up over the year",
            """
            This quarter <strong>c</strong> · previous quarter 20 · same quarter last year No data · year to date c ·
            annual target 48 · target to date 24 · <span class="rag rag-green">Green</span>
            """);
        const string Csv = """
            period,indicator,agency,locality,locality_name,numerator
            2025-26 Q1,KIDS,A,ALL,Whole area,20
            2025-26 Q2,KIDS,A,ALL,Whole area,c
            2025-26 Q2,KIDS,B,ALL,Whole area,c
            """;

        var attacker = ReleaseAttacker.Attack([new(page, Csv)], "KIDS");

        var pinned = attacker.Pinned(5).ToDictionary(r => r.Figure, r => (r.Low, r.High));
        Assert.Equal(3, pinned.Count);
        Assert.Equal((1d, 3d), pinned["csv 2025-26 Q2 A ALL"]);
        Assert.Equal((1d, 3d), pinned["csv 2025-26 Q2 B ALL"]);
        Assert.Equal((2d, 4d), pinned["release 2025-26 Q2: area 2025-26 Q2"]);
        Assert.Equal((22d, 24d), Range(attacker, "release 2025-26 Q2: area year to date"));
    }

    [Fact]
    public void Attack_PercentagesToOneDecimal_PinNumeratorAndDenominator()
    {
        // North (A alone, n of d hidden) shows 25.0%, so n ≤ 0.2505 d; the area, with South's 10 of 20, shows
        // 42.9%, so n + 10 ≥ 0.4285 (d + 20). Together 0.178 d ≤ 1.43: d ≤ 8. Of d = 1 to 8 only 1 of 4 and 2 of
        // 8 round to 25.0%, and of those only 12 of 28 (42.86%) to 42.9% (11 of 24 is 45.8%): n = 2, d = 8, and
        // the complement is 6.
        var page = Card(
            "2025-26 Q2",
            "%, direction only, a position at quarter end",
            """
            This quarter <strong>42.9%</strong> · previous quarter No data · same quarter last year No data ·
            year to date 42.9%
            """,
            """
            <tr><th>North</th><td>25.0%</td><td>No data</td><td>25.0%</td><td>No target</td><td>No data</td></tr>
            <tr><th>South</th><td>50.0%</td><td>No data</td><td>50.0%</td><td>No target</td><td>No data</td></tr>
            """);
        const string Csv = """
            period,indicator,agency,locality,locality_name,numerator,denominator,value,unit
            2025-26 Q2,KIDS,A,L1,North,c,c,c,Percentage
            2025-26 Q2,KIDS,B,L2,South,10,20,50,Percentage
            """;

        var attacker = ReleaseAttacker.Attack([new(page, Csv)], "KIDS");

        Assert.Equal(("csv 2025-26 Q2 A L1", 2d, 2d), OnlyPin(attacker));
        Assert.Equal((6d, 6d), Range(attacker, "csv 2025-26 Q2 A L1 complement"));
        Assert.Equal((8d, 8d), Range(attacker, "csv 2025-26 Q2 A L1 denominator"));
    }

    [Fact]
    public void Attack_AveragesToOneDecimal_PinTheCases()
    {
        // North (A alone: n days over d cases, hidden) shows 40.0, so 39.95 d ≤ n ≤ 40.05 d; the area, with
        // South's 100 days over 10 cases, shows 12.7, so 12.65 (d + 10) ≤ n + 100 ≤ 12.75 (d + 10). Then
        // 40.05 d ≥ 12.65 d + 26.5 gives d ≥ 0.97, and 39.95 d ≤ 12.75 d + 27.5 gives d ≤ 1.01: one case.
        var page = Card(
            "2025-26 Q2",
            "average, lower is better, a position at quarter end",
            """
            This quarter <strong>12.7</strong> · previous quarter No data · same quarter last year No data ·
            year to date 12.7
            """,
            """
            <tr><th>North</th><td>40.0</td><td>No data</td><td>40.0</td><td>No target</td><td>No data</td></tr>
            <tr><th>South</th><td>10.0</td><td>No data</td><td>10.0</td><td>No target</td><td>No data</td></tr>
            """);
        const string Csv = """
            period,indicator,agency,locality,locality_name,numerator,denominator,value,unit
            2025-26 Q2,KIDS,A,L1,North,c,c,c,Average
            2025-26 Q2,KIDS,B,L2,South,100,10,10,Average
            """;

        var attacker = ReleaseAttacker.Attack([new(page, Csv)], "KIDS");

        Assert.Equal(("csv 2025-26 Q2 A L1 cases", 1d, 1d), OnlyPin(attacker));
    }

    [Fact]
    public void Attack_ARateOfAnEarlierYear_IsReadOverThatYearsPopulation()
    {
        // Under-18s were 10,000 in North and 20,000 in South in 2024-25, 10,100 and 20,300 in 2025-26 (each
        // year's shown rows give them as their denominators). The same quarter last year shows 21.0 per 10,000
        // of 2024-25's 30,000: North's hidden count and South's 60 make 62.85 to 63.15, so North is 3. Over
        // 2025-26's 30,400 the 21.0 would need 63.69 to 63.99 children, which no whole number is: that year's
        // population is not last year's.
        var page = Card(
            "2025-26 Q1",
            "rate per 10,000, direction only, a position at quarter end",
            """
            This quarter <strong>36.5</strong> · previous quarter No data · same quarter last year 21.0 ·
            year to date 36.5
            """);
        const string Csv = """
            period,indicator,agency,locality,locality_name,numerator,denominator,value,unit
            2024-25 Q1,KIDS,A,L1,North,c,c,c,RatePer10000
            2024-25 Q1,KIDS,A,L2,South,60,20000,30,RatePer10000
            2024-25 Q2,KIDS,A,L1,North,40,10000,40,RatePer10000
            2025-26 Q1,KIDS,A,L1,North,50,10100,49.504950495049506,RatePer10000
            2025-26 Q1,KIDS,A,L2,South,61,20300,30.049261083743843,RatePer10000
            """;

        var attacker = ReleaseAttacker.Attack([new(page, Csv)], "KIDS");

        Assert.Equal(("csv 2024-25 Q1 A L1", 3d, 3d), OnlyPin(attacker));
    }

    [Fact]
    public void Attack_ChangeOnLastYear_BoundsTheQuarterByLastYears()
    {
        // Same quarter last year 40 (shown); this quarter hidden; "−90.0%" says 100 × (x − 40) / 40 is within
        // 0.05 of −90 (one decimal shown), so x is 3.98 to 4.02: 4.
        const string Page = """
            <html><head><title>P: consolidated quarterly return 2025-26 Q2</title></head><body>
            <table><tbody><tr><th scope="row"><a href="#i-kids">KIDS</a> Children</th><td>c</td><td>40</td>
            <td>−90.0%</td><td>c</td><td>No target</td><td>No target</td><td>No target</td><td>c</td><td>c</td></tr>
            </tbody></table>
            <section id="i-kids"><p class="meta">count, direction only, a position at quarter end</p>
            <p>This quarter <strong>c</strong> · previous quarter c · same quarter last year 40 · year to date c</p>
            </section></body></html>
            """;
        const string Csv = """
            period,indicator,agency,locality,locality_name,numerator
            2024-25 Q2,KIDS,A,ALL,Whole area,40
            2025-26 Q1,KIDS,A,ALL,Whole area,c
            2025-26 Q2,KIDS,A,ALL,Whole area,c
            """;

        var attacker = ReleaseAttacker.Attack([new(Page, Csv)], "KIDS");

        Assert.Equal((4d, 4d), Range(attacker, "csv 2025-26 Q2 A ALL"));
        Assert.Equal((1d, double.PositiveInfinity), Range(attacker, "csv 2025-26 Q1 A ALL"));
    }

    [Fact]
    public void Attack_AQueryOnOneCellAndNoneOnItsPartner_PinsThePartner()
    {
        // North = A + B = 10, both hidden. The catalogue expects at most a 50% change on last quarter. A's
        // query (from 5) puts A beyond 2.5 to 7.5: A ≤ 2 or A ≥ 8. B has none (from 4), so B is 2 to 6 and
        // A = 10 − B is 4 to 8: A = 8 and B = 2. Without the limits A is anything from 1 to 9.
        const string Page = """
            <html><head><title>P: consolidated quarterly return 2025-26 Q2</title></head><body>
            <section id="i-kids"><p class="meta">count, direction only, a position at quarter end</p>
            <p>This quarter <strong>10</strong> · previous quarter 9 · same quarter last year No data ·
            year to date 10</p>
            <table><tbody><tr><th>North</th><td>10</td><td>No data</td><td>10</td><td>c</td></tr></tbody></table>
            </section>
            <h2 id="quality">Data quality</h2>
            <p>1 queries on accepted returns, 0 explained by the agency's commentary.</p>
            <table><thead><tr><th>Agency</th><th>Where</th><th>Query</th><th>Explained</th></tr></thead><tbody>
            <tr><td>A</td><td>Indicators!G2</td><td>Indicators!G2: a query (value-large-change) on a figure resting on
            small numbers; its figures are withheld here (c).</td><td>No</td></tr>
            </tbody></table></body></html>
            """;
        const string Csv = """
            period,indicator,agency,locality,locality_name,numerator,source
            2025-26 Q1,KIDS,A,L1,North,5,Indicators!G2
            2025-26 Q1,KIDS,B,L1,North,4,Indicators!G2
            2025-26 Q2,KIDS,A,L1,North,c,Indicators!G2
            2025-26 Q2,KIDS,B,L1,North,c,Indicators!G2
            """;

        var limits = new QueryLimits(MaxQuarterlyChange: 50);
        var attacker = ReleaseAttacker.Attack([new(Page, Csv)], "KIDS", limits: limits);
        var blind = ReleaseAttacker.Attack([new(Page, Csv)], "KIDS");

        Assert.Equal(("csv 2025-26 Q2 B L1", 2d, 2d), OnlyPin(attacker));
        Assert.Equal((8d, 8d), Range(attacker, "csv 2025-26 Q2 A L1"));
        Assert.Equal((1d, 9d), Range(blind, "csv 2025-26 Q2 A L1"));
    }

    [Fact]
    public void Attack_IndicatorsSharingCounts_GiveBackWhatOneHidesAndTheOtherShows()
    {
        // KIDS hides North's A and B beside North = 10 (A is 1 to 9); SAME, declared to count the same
        // children, shows A = 3 and B = 7 for the same quarter and locality: KIDS's A is 3.
        const string Page = """
            <html><head><title>P: consolidated quarterly return 2025-26 Q2</title></head><body>
            <section id="i-kids"><p class="meta">count, direction only, a position at quarter end</p>
            <p>This quarter <strong>10</strong> · year to date 10</p>
            <table><tbody><tr><th>North</th><td>10</td><td>No data</td><td>10</td><td>c</td></tr></tbody></table>
            </section>
            <section id="i-same"><p class="meta">count, direction only, a position at quarter end</p>
            <p>This quarter <strong>10</strong> · year to date 10</p>
            <table><tbody><tr><th>North</th><td>10</td><td>No data</td><td>10</td><td>c</td></tr></tbody></table>
            </section></body></html>
            """;
        const string Csv = """
            period,indicator,agency,locality,locality_name,numerator
            2025-26 Q2,KIDS,A,L1,North,c
            2025-26 Q2,KIDS,B,L1,North,c
            2025-26 Q2,SAME,A,L1,North,3
            2025-26 Q2,SAME,B,L1,North,7
            """;

        var linked = ReleaseAttacker.Attack([new(Page, Csv)], "KIDS", links: [new("SAME", "sameCountAs", "KIDS")]);
        var apart = ReleaseAttacker.Attack([new(Page, Csv)], "KIDS");

        Assert.Equal(("csv 2025-26 Q2 A L1", 3d, 3d), OnlyPin(linked));
        Assert.Equal((1d, 9d), Range(apart, "csv 2025-26 Q2 A L1"));
    }

    [Fact]
    public void Attack_GeneratedSeriesPublishedAsReleases_PinsNoHiddenFigure()
    {
        // Each release planned with every earlier release's decisions: a reader holding them all pins nothing.
        var publication = new PublicationOptions();
        var (pins, hidden) = AttackSeries(
            ReleaseSeries.Generator,
            publication,
            series => series.PublishAsReleases(publication),
            failOnPin: true);

        Assert.True(hidden > 100, $"only {hidden} hidden figures were generated");
        Assert.True(pins.IsEmpty, string.Join(Environment.NewLine, pins));
    }

    [Fact]
    public void Attack_GeneratedPercentageAndAverageSeriesPublishedAsReleases_PinsNoHiddenPart()
    {
        // A percentage's numerator, complement and denominator, an average's cases: none pinned by every release.
        // Some parts the solver cannot settle within its time: they are counted and listed, not taken as safe.
        var publication = new PublicationOptions();
        var unsettled = new ConcurrentBag<string>();
        var (pins, hidden) = AttackSeries(
            ReleaseSeries.RatioGenerator,
            publication,
            series => series.PublishAsReleases(publication),
            failOnPin: true,
            samples: ("SGI_RATIO_RELEASE_SAMPLES", 6),
            unsettled: unsettled,
            solverSeconds: 2);

        output.WriteLine($"{hidden} hidden parts, {unsettled.Count} not settled within the solver's time");
        Assert.True(hidden > 50, $"only {hidden} hidden parts were generated");
        Assert.True(pins.IsEmpty, string.Join(Environment.NewLine, pins));
        Assert.True(unsettled.Count * 20 <= hidden, $"{unsettled.Count} of {hidden} not settled");
    }

    [Fact]
    public void Attack_GeneratedRateAndLinkedSeriesPublishedAsReleases_PinsNoHiddenFigure()
    {
        // A rate's counts over its public population, and two indicators the catalogue ties (the same count, or a
        // percentage's numerator or denominator) read together through their link: none pinned by every release.
        // Parts the solver cannot settle within its time are counted and listed, not taken as safe.
        var publication = new PublicationOptions();
        var unsettled = new ConcurrentBag<string>();
        var (pins, hidden) = AttackSeries(
            ReleaseSeries.LinkedGenerator,
            publication,
            series => series.PublishAsReleases(publication),
            failOnPin: true,
            samples: ("SGI_LINKED_RELEASE_SAMPLES", 9),
            unsettled: unsettled,
            solverSeconds: 2);

        output.WriteLine($"{hidden} hidden figures and parts, {unsettled.Count} not settled within the solver's time");
        Assert.True(hidden > 50, $"only {hidden} hidden figures and parts were generated");
        Assert.True(pins.IsEmpty, string.Join(Environment.NewLine, pins));
        Assert.True(unsettled.Count * 20 <= hidden, $"{unsettled.Count} of {hidden} not settled");
    }

    [Fact]
    public void Attack_GeneratedSeriesEachCompilePlannedAlone_FindsPinnedFigures()
    {
        // Planned alone, each compile is safe by itself, yet a reader holding every release pins hidden figures
        // in some series: the attacker's reach, and why releases carry their decisions forward.
        var publication = new PublicationOptions();
        var (pins, hidden) = AttackSeries(ReleaseSeries.Generator, publication, series => series.Publish(publication));

        Assert.True(hidden > 100, $"only {hidden} hidden figures were generated");
        Assert.NotEmpty(pins);
    }

    /// <summary>
    /// Attacks generated series, the solver starting from what the agencies returned and each search stopping once
    /// a figure is shown to take as many values as the threshold (no need then for its exact bounds). With
    /// <paramref name="failOnPin"/> the first series with a pin fails the sample itself, so that the failure names
    /// the seed that replays it (CsCheck_Seed). <paramref name="samples"/> names the variable that sets how many,
    /// and how many without it (SGI_RELEASE_SAMPLES, 20). Each series is read with its catalogue's links and, where
    /// it has a rate, its public populations.
    /// A figure the solver could not settle within <paramref name="solverSeconds"/> (of its deterministic time, per
    /// search) fails its series, or where <paramref name="unsettled"/> is given is added to it.
    /// </summary>
    private (ConcurrentBag<string> Pins, int Hidden) AttackSeries(
        Gen<ReleaseSeries> generator,
        PublicationOptions publication,
        Func<ReleaseSeries, IReadOnlyList<Release>> publish,
        bool failOnPin = false,
        (string Variable, int Default)? samples = null,
        ConcurrentBag<string>? unsettled = null,
        double solverSeconds = 10)
    {
        var pins = new ConcurrentBag<string>();
        var hidden = 0;
        var threshold = publication.SmallCountThreshold;
        var (variable, count) = samples ?? ("SGI_RELEASE_SAMPLES", 20);
        var series = 0;
        var clock = Stopwatch.StartNew();
        generator.Sample(
            sample =>
            {
                Interlocked.Increment(ref series);
                var releases = publish(sample);
                var attacker = ReleaseAttacker.Attack(
                    releases,
                    "KIDS",
                    populations: sample.Under18(),
                    timeLimit: TimeSpan.FromSeconds(solverSeconds),
                    links: sample.Links,
                    truth: sample.Truth(),
                    threshold: threshold);
                var open = attacker.Unsettled(threshold);
                Assert.True(
                    unsettled is not null || open.Count == 0,
                    $"{sample}: {string.Join(Environment.NewLine, open)}");
                foreach (var figure in open)
                {
                    unsettled?.Add($"{sample}: {figure}");
                    output.WriteLine($"not settled: {sample}: {figure}");
                }


                // The reader's bounds never exclude what was returned: the first value of each cell.
                var first = sample.FirstFigures;
                foreach (var range in attacker.Ranges)
                {
                    if (first.TryGetValue(range.Figure, out var truth))
                    {
                        Assert.True(range.Low <= truth && truth <= range.High, $"{sample}: {range} excludes {truth}");
                    }
                }

                Interlocked.Add(ref hidden, attacker.Ranges.Count + attacker.Spans.Count);
                var pinned = attacker.Pinned(threshold);
                foreach (var pin in pinned)
                {
                    pins.Add($"{sample}: {pin}");
                }

                Assert.False(failOnPin && pinned.Count > 0, $"{sample}: {string.Join("; ", pinned)}");
            },
            iter: Environment.GetEnvironmentVariable(variable) is { } set
                ? int.Parse(set, CultureInfo.InvariantCulture)
                : count,
            threads: 1);

        output.WriteLine($"{series} series attacked in {clock.Elapsed:m\\:ss}");
        foreach (var pin in pins)
        {
            output.WriteLine(pin);
        }

        return (pins, hidden);
    }

    /// <summary>A page with the one card KIDS: its meta line, its headline figures and its localities' rows.</summary>
    private static string Card(string period, string meta, string headline, string rows = "") => $"""
        <html><head><title>P: consolidated quarterly return {period}</title></head><body>
        <section id="i-kids"><p class="meta">{meta}</p>
        <p>{headline.Trim()}</p>
        <table><tbody>{rows}</tbody></table></section></body></html>
        """;

    /// <summary>The one figure the attacker pins, with its range.</summary>
    private static (string, double, double) OnlyPin(ReleaseAttacker attacker)
    {
        var pinned = Assert.Single(attacker.Pinned(5));
        return (pinned.Figure, pinned.Low, pinned.High);
    }

    private static (double, double) Range(ReleaseAttacker attacker, string figure)
    {
        var range = attacker.Ranges.Single(r => r.Figure == figure);
        return (range.Low, range.High);
    }
}
