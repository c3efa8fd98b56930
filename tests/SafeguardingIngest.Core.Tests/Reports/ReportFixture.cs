using SafeguardingIngest.Compilation;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Submissions;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>A compiled return with figures chosen to exercise the reports: a small count, hostile commentary, every
/// RAG.</summary>
internal static class ReportFixture
{
    public const string Formula = "=HYPERLINK(\"http://attacker.example/\",\"Click\")";
    public const string Script = "<script>alert('x')</script>";

    public static ConsolidatedReturn Build()
    {
        var q1 = Q2.Previous();
        var observations = new List<Observation>
        {
            // CAF by locality this quarter: North 3 (small), South 40; both agencies.
            Observe(Q2, "A", "CAF", "L1", 3),
            Observe(Q2, "B", "CAF", "L2", 40),
            Observe(q1, "A", "CAF", "L1", 150),
            Observe(q1, "B", "CAF", "L2", 100),
            Observe(Q2, "A", "CH01", "L1", 20, 10000), Observe(Q2, "A", "CH01", "L2", 10, 5000),
            Observe(Q2, "A", "NI 65", "ALL", 10, 80) with { Commentary = Formula },
            Observe(Q2, "B", "NI 65", "ALL", 5, 20) with { Commentary = Script },
            Observe(q1, "A", "NI 65", "ALL", 10, 80), Observe(q1, "B", "NI 65", "ALL", 5, 20),
            Observe(Q2, "A", "NI 68", "ALL", 91, 100), Observe(q1, "A", "NI 68", "ALL", 85, 100),
            Observe(Q2, "A", "OPEN", "ALL", 1640), Observe(Q2, "A", "DAYS", "ALL", 70, 10),
        };
        var actions = new[]
        {
            new AgencyItem<ActionItem>(
                "A",
                new ActionItem("2", Script, Rag.Red, Formula, "Recovery: " + Script, "Actions!C3"))
        };
        var risks = new[]
        {
            new AgencyItem<RiskItem>(
                "B",
                new RiskItem("1", "Capacity", 4, 5, Formula, "Head of Service", "2012-03-31", "Risks!C2"))
        };
        var data = observations
            .GroupBy(o => o.Period)
            .ToDictionary(
                g => g.Key,
                g => new PeriodData(g.Key, g.ToList(), g.Key == Q2 ? actions : [], g.Key == Q2 ? risks : [], []));
        var states = new[]
        {
            new ReturnState("A", "Agency A", ReturnStateKind.OnTime, Q2.DueDate(30), null, null),
            new ReturnState("B", "Agency B", ReturnStateKind.Missing, Q2.DueDate(30), null, null),
        };
        return Compiler.Compile(Partnership, Q2, data, states, new DateTimeOffset(2011, 11, 1, 6, 0, 0, TimeSpan.Zero));
    }

    public static ReportingPeriod Period => Q2;
}
