using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;
using SafeguardingIngest.Tests.Compilation;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Disclosure;

/// <summary>What a reader of the published page and csv cannot work out: small figures, by any route these outputs
/// give.</summary>
public class DisclosureTests
{
    private static readonly PublicationOptions s_publication = new();

    [Theory]
    [InlineData(IndicatorUnit.Percentage, 0d, 2d, true)] // 0 of 2: the denominator is small
    [InlineData(IndicatorUnit.Percentage, 97d, 99d, true)] // 2 children not counted
    [InlineData(IndicatorUnit.Percentage, 3d, 90d, true)]
    [InlineData(IndicatorUnit.Percentage, 0d, 40d, false)]
    [InlineData(IndicatorUnit.Percentage, 40d, 40d, false)]
    [InlineData(IndicatorUnit.Percentage, 85d, 100d, false)]
    [InlineData(IndicatorUnit.RatePer10000, 20d, 3d, true)]
    [InlineData(IndicatorUnit.RatePer10000, 2d, 10000d, true)]
    [InlineData(IndicatorUnit.RatePer10000, 20d, 10000d, false)]
    [InlineData(IndicatorUnit.Average, 70d, 4d, true)]
    [InlineData(IndicatorUnit.Average, 70d, 10d, false)]
    [InlineData(IndicatorUnit.Count, 4d, null, true)]
    [InlineData(IndicatorUnit.Count, 0d, null, false)]
    public void IsSmallFigure_ChecksWhateverCountsChildren(
        IndicatorUnit unit,
        double numerator,
        double? denominator,
        bool small)
    {
        Assert.Equal(small, SmallCounts.IsSmallFigure(unit, numerator, denominator, s_publication.SmallCountThreshold));
    }

    [Fact]
    public void Percentage_WithASmallComplement_IsHiddenOnThePageAndInTheCsv()
    {
        var q1 = Q2.Previous();
        var report = Compile(Q2, Observe(Q2, "A", "NI 68", "ALL", 97, 99), Observe(q1, "A", "NI 68", "ALL", 85, 100));

        var card = Publish.Page(report, s_publication).Indicators.Single(c => c.Code == "NI 68");
        Assert.True(card.Figures[0].Cell.Suppressed);
        Assert.False(card.Figures[1].Cell.Suppressed);
        var csv = Publish.Csv(report, TestPartnership.Partnership, s_publication);
        var row = csv.Split("\r\n").Single(l =>
            l.Contains(",2011-12 Q2,", StringComparison.Ordinal) && l.Contains(",NI 68,", StringComparison.Ordinal));
        Assert.Contains(",c,c,c,true,", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",97,", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",99,", row, StringComparison.Ordinal);
    }

    [Fact]
    public void FlowYearToDate_BesideAHiddenQuarter_IsHiddenWithTheLocalityYearToDateThatHoldsIt()
    {
        // CAF adds up over the year. Q1 250, Q2 3: shown, the year to date 253 less Q1 gives Q2 back, and
        // North's 153 less its Q1 150 likewise. South's quarter is 0, shown, so its year to date gives nothing away.
        var (report, card) = CafAfterQ1Of250(north: 3, south: 0);

        var figures = card.Figures.ToDictionary(f => f.Label, f => f.Cell);
        Assert.True(figures["This quarter"].Suppressed);
        Assert.False(figures["previous quarter"].Suppressed);
        Assert.Equal("250", figures["previous quarter"].Text);
        Assert.True(figures["year to date"].Suppressed);
        Assert.True(card.Localities.Single(l => l.Name == "North").Cells[2].Suppressed);
        Assert.Equal("100", card.Localities.Single(l => l.Name == "South").Cells[2].Text);
        var html = Publish.Html(report, s_publication);
        Assert.DoesNotContain("253", html, StringComparison.Ordinal);
        Assert.DoesNotContain("153", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalityRate_OnASmallCount_IsHiddenWithAPartner_SinceThePopulationsArePublic()
    {
        // CH01 per 10,000: North 2 of 10,000 (small), South 40 of 5,000. Shown, South's 80.0 and the area's 28.0
        // with the public populations give North's count back (28 × 1.5 − 80 × 0.5 = 2).
        var report = Compile(Q2, Observe(Q2, "A", "CH01", "L1", 2, 10000), Observe(Q2, "A", "CH01", "L2", 40, 5000));

        var card = Publish.Page(report, s_publication).Indicators.Single(c => c.Code == "CH01");
        Assert.False(card.Figures[0].Cell.Suppressed);
        Assert.All(card.Localities, line => Assert.True(line.Cells[0].Suppressed, line.Name));
    }

    [Fact]
    public void AreaFigure_OverLocalitiesWithNothingElseToHide_IsHiddenWithItsYearToDateAndChartPoint()
    {
        // CAF this quarter: North 3, South 2. Both are hidden; shown, the area's 5 would pin each to 1 to 4,
        // and no other locality is left to hide, so the 5 goes too, and with it the year to date (a flow).
        var (_, card) = CafAfterQ1Of250(north: 3, south: 2);

        var figures = card.Figures.ToDictionary(f => f.Label, f => f.Cell);
        Assert.True(figures["This quarter"].Suppressed);
        Assert.True(figures["year to date"].Suppressed);
        Assert.Equal("250", figures["previous quarter"].Text);
        Assert.All(card.Localities, line => Assert.True(line.Cells[0].Suppressed, line.Name));
        Assert.DoesNotContain(card.Chart.Points, p => p.Label.StartsWith("2011-12 Q2", StringComparison.Ordinal));
    }

    [Fact]
    public void StockYearToDate_IsNotHiddenForAnEarlierQuarter()
    {
        // OPEN is a position at quarter end: its year to date is where the latest quarter stands, not a sum.
        var q1 = Q2.Previous();
        var report = Compile(Q2, Observe(q1, "A", "OPEN", "ALL", 3), Observe(Q2, "A", "OPEN", "ALL", 1640));

        var figures = Publish.Page(report, s_publication).Indicators
            .Single(c => c.Code == "OPEN").Figures
            .ToDictionary(f => f.Label, f => f.Cell);
        Assert.True(figures["previous quarter"].Suppressed);
        Assert.False(figures["year to date"].Suppressed);
    }

    [Fact]
    public void Json_SaysItIsNotSuppressedAndNotForPublication()
    {
        var report = Compile(Q2, Observe(Q2, "A", "CAF", "L1", 3));

        using var json = System.Text.Json.JsonDocument.Parse(JsonReport.Render(report));

        Assert.False(json.RootElement.GetProperty("suppressed").GetBoolean());
        Assert.Equal(ReportDisclosure.NotForPublication, json.RootElement.GetProperty("publication").GetString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Chart_WithAHiddenQuarter_IsTheChartOfTheSeriesWithoutIt(int hiddenCount)
    {
        // Whatever the hidden count, the chart (points, line, projection, axis, words) is the one drawn as if that
        // quarter had no figure.
        var quarters = Enumerable.Range(0, 6)
            .Select(back => Enumerable.Range(0, back).Aggregate(Q2, (p, _) => p.Previous()))
            .Reverse()
            .ToList();
        double[] counts = [40, 55, hiddenCount, 60, 72, 80];
        var report = Compile(Q2, quarters.Select((q, i) => Observe(q, "A", "OPEN", "ALL", counts[i])).ToArray());
        var result = report.Indicator("OPEN");
        var index = result.Series.ToList().IndexOf(hiddenCount);

        var chart = TrendChart.Build(
            result,
            i => SmallCounts.IsSmallFigure(result.Indicator, result.SeriesParts[i], s_publication.SmallCountThreshold));
        var without = result.Series.Select((v, i) => i == index ? null : v).ToList();
        var blind = TrendChart.Build(result with { Series = without, Trend = Trend.Fit(without) }, _ => false);

        Assert.Equal(blind.Title, chart.Title);
        Assert.Equal(blind.Projection, chart.Projection);
        Assert.Equal(blind.Ticks, chart.Ticks);
        Assert.Equal(blind.Segments, chart.Segments);
        Assert.Equal(blind.Points, chart.Points);
        Assert.Equal(blind.Method, chart.Method);
        Assert.NotNull(chart.Projection);
    }

    [Fact]
    public void SmallCellsInTwoHiddenLocalities_ThatTogetherGiveLittle_HideAPartnerAcrossThem()
    {
        // CAF this quarter: North A 53 and B 4, South A 1 and B 0. North and South are each hidden for a small
        // cell, but the area's 58 less A's 53 and B's 0 would leave 5 between the 4 and the 1: each pinned to 1 to 4.
        var report = Compile(
            Q2,
            Observe(Q2, "A", "CAF", "L1", 53),
            Observe(Q2, "B", "CAF", "L1", 4),
            Observe(Q2, "A", "CAF", "L2", 1),
            Observe(Q2, "B", "CAF", "L2", 0));

        var attacker = DisclosureAttacker.Attack(
            Publish.Html(report, s_publication),
            Publish.Csv(report, TestPartnership.Partnership, s_publication),
            "CAF");

        Assert.Empty(attacker.Pinned(s_publication.SmallCountThreshold));
        Assert.Contains(attacker.Ranges, r => r.Figure == "csv 2011-12 Q2 B L1");
    }

    [Fact]
    public void Rag_BesideAHiddenYearToDate_IsWithheld()
    {
        // CAF's year to date (253) is hidden beside this quarter's 3; its RAG against the target to date would bound
        // it.
        var (_, card) = CafAfterQ1Of250(north: 3, south: 0);

        Assert.True(card.Figures.Single(f => f.Label == "year to date").Cell.Suppressed);
        Assert.True(card.Rag.Suppressed);
        Assert.Equal("c", card.Rag.Text);
    }

    [Fact]
    public void LocalityDirection_BesideAHiddenCellOfItsPreviousQuarter_IsWithheld()
    {
        // North's Q1 is A 150 and B 3 (hidden in the csv); "no change" or "up" beside its Q2 would bound the 3.
        var q1 = Q2.Previous();
        var report = Compile(Q2,
            Observe(q1, "A", "CAF", "L1", 150), Observe(q1, "B", "CAF", "L1", 3), Observe(q1, "B", "CAF", "L2", 100),
            Observe(Q2, "A", "CAF", "L1", 153), Observe(Q2, "B", "CAF", "L2", 90));

        var card = Publish.Page(report, s_publication).Indicators.Single(c => c.Code == "CAF");

        var north = card.Localities.Single(l => l.Name == "North");
        Assert.Equal("153", north.Cells[0].Text);
        Assert.True(north.Cells[^1].Suppressed);
    }

    [Fact]
    public void DataQualityQuery_OnAHiddenFigure_IsPublishedAsACountOnly()
    {
        // A's CAF in North fell from 20 to 3 (hidden); the query quoting both would give the 3 away on the page.
        // B's South fell from 100 to 40, shown, and its query keeps its figures.
        var q1 = Q2.Previous();
        Observation Row(ReportingPeriod period, string agency, string locality, double count, int row) =>
            Observe(period, agency, "CAF", locality, count) with { Source = $"Indicators!G{row}" };
        var current = new List<Observation>
        {
            Row(Q2, "A", "L1", 3, 17),
            Row(Q2, "A", "L2", 60, 18),
            Row(Q2, "B", "L2", 40, 9),
            Row(Q2, "B", "L1", 55, 10)
        };
        var earlier = new List<Observation>
        {
            Row(q1, "A", "L1", 20, 17),
            Row(q1, "A", "L2", 60, 18),
            Row(q1, "B", "L2", 100, 9),
            Row(q1, "B", "L1", 50, 10)
        };
        AgencyQuery Query(string agency, string cell, string message) => new(
            agency,
            "s1",
            new Finding("change-beyond-expected", Severity.Warning, "Indicators", cell, null, $"{cell}: {message}"));
        var data = new Dictionary<ReportingPeriod, PeriodData>
        {
            [q1] = new(q1, earlier, [], [], []),
            [Q2] = new(
                Q2,
                current,
                [],
                [],
                [
                    Query("A", "G17", "CAF in North fell 85% since 2011-12 Q1 (from 20 to 3)"),
                    Query("B", "G9", "CAF in South fell 60% since 2011-12 Q1 (from 100 to 40)"),
                ]),
        };
        var report = Compiler.Compile(TestPartnership.Partnership, Q2, data, [], DateTimeOffset.UnixEpoch);

        var queries = Publish.Page(report, s_publication).Queries;

        // One query each, neither explained (no commentary on the rows); the shown figures' query goes unquoted too.
        Assert.Equal([new AgencyQueries("Agency A", "A", 1, 0), new AgencyQueries("Agency B", "B", 1, 0)], queries);
        var html = Publish.Html(report, s_publication);
        Assert.DoesNotContain("from 20 to 3", html, StringComparison.Ordinal);
        Assert.DoesNotContain("from 100 to 40", html, StringComparison.Ordinal);
    }

    /// <summary>CAF (a flow count by locality): Q1 North 150 and South 100, then this quarter's two figures.</summary>
    private static (ConsolidatedReturn Report, IndicatorCard Card) CafAfterQ1Of250(double north, double south)
    {
        var q1 = Q2.Previous();
        var report = Compile(Q2,
            Observe(q1, "A", "CAF", "L1", 150), Observe(q1, "B", "CAF", "L2", 100),
            Observe(Q2, "A", "CAF", "L1", north), Observe(Q2, "B", "CAF", "L2", south));
        return (report, Publish.Page(report, s_publication).Indicators.Single(c => c.Code == "CAF"));
    }
}
