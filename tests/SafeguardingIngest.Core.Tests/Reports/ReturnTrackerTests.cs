using SafeguardingIngest.Ingest;
using SafeguardingIngest.Submissions;
using SafeguardingIngest.Validation;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Reports;

public class ReturnTrackerTests
{
    // 2011-12 Q2 ends 30 September 2011; due 30 days later, on 30 October 2011.
    private static readonly DateOnly s_due = new(2011, 10, 30);

    [Fact]
    public void States_ReceivedOnOrBeforeDueDate_IsOnTime_AfterIsLate()
    {
        var states = ReturnTracker.States(Partnership, Q2,
            [Submission("A", "a1", new DateTimeOffset(2011, 10, 30, 23, 0, 0, TimeSpan.Zero), ReturnStatus.Accepted),
             Submission("B", "b1", new DateTimeOffset(2011, 10, 31, 9, 0, 0, TimeSpan.Zero), ReturnStatus.Accepted)],
            [Current("A", "a1"), Current("B", "b1")],
            new DateOnly(2011, 11, 25));

        Assert.Equal([ReturnStateKind.OnTime, ReturnStateKind.Late], states.Select(s => s.State));
        Assert.All(states, s => Assert.Equal(s_due, s.DueDate));
    }

    [Fact]
    public void States_NothingReceived_IsMissingOnlyAfterTheDueDate()
    {
        Assert.Equal(ReturnStateKind.NotYetDue, ReturnTracker.States(Partnership, Q2, [], [], s_due)[0].State);
        Assert.Equal(ReturnStateKind.Missing, ReturnTracker.States(Partnership, Q2, [], [], s_due.AddDays(1))[0].State);
    }

    [Fact]
    public void States_LatestUploadRefused_IsRefusedEvenWithAnEarlierAcceptedReturn()
    {
        var states = ReturnTracker.States(Partnership, Q2,
            [Submission("A", "a1", new DateTimeOffset(2011, 10, 1, 9, 0, 0, TimeSpan.Zero), ReturnStatus.Accepted),
             Submission("A", "a2", new DateTimeOffset(2011, 10, 5, 9, 0, 0, TimeSpan.Zero), ReturnStatus.Rejected)],
            [Current("A", "a1")],
            new DateOnly(2011, 11, 25));

        var a = states.Single(s => s.Agency == "A");
        Assert.Equal(ReturnStateKind.Refused, a.State);
        Assert.Equal("a1", a.Current!.Id);
        Assert.Equal("refused at latest upload; the earlier return, received on time, stands", a.Describe());
    }

    [Theory]
    // The CCG owes until 2025-26 Q1 and the ICB from 2025-26 Q2; nothing received, all quarters long past.
    [InlineData("2025-26 Q1", "CSC,POL,CCG")]
    [InlineData("2025-26 Q2", "CSC,POL,ICB")]
    // NEW replaces OLD at 2026-27 and EFD starts at 2025-26 Q3: CSC owes throughout.
    [InlineData("2025-26 Q4", "CSC,POL,ICB")]
    [InlineData("2026-27 Q1", "CSC,POL,ICB")]
    public void States_BeforeAndAfterAnAgencyIsReplaced_MissingOnlyFromThoseThatOweThen(string quarter, string missing)
    {
        var period = SafeguardingIngest.Periods.ReportingPeriod.Parse(quarter);

        var states = ReturnTracker.States(ThreeYearCatalogue.Partnership, period, [], [], new DateOnly(2030, 1, 1));

        Assert.Equal(missing, string.Join(",", states.Select(s => s.Agency)));
        Assert.All(states, s => Assert.Equal(ReturnStateKind.Missing, s.State));
    }

    [Fact]
    public void States_AgencyWhoseIndicatorsAllEnded_OwesNothingAfterwards()
    {
        // POL owes only HEA; retire HEA after 2025-26 and POL owes nothing from 2026-27.
        var json = ThreeYearCatalogue.Json.Replace(
            "\"agencies\": [\"POL\", \"CCG\", \"ICB\"] }",
            "\"agencies\": [\"POL\", \"CCG\", \"ICB\"], \"until\": \"2025-26\" }",
            StringComparison.Ordinal);
        var partnership = SafeguardingIngest.Catalogue.PartnershipReader.Parse(json);

        var before = ReturnTracker.States(
            partnership,
            SafeguardingIngest.Periods.ReportingPeriod.Parse("2025-26 Q4"),
            [],
            [],
            new DateOnly(2030, 1, 1));
        var after = ReturnTracker.States(
            partnership,
            SafeguardingIngest.Periods.ReportingPeriod.Parse("2026-27 Q1"),
            [],
            [],
            new DateOnly(2030, 1, 1));

        Assert.Equal("CSC,POL,ICB", string.Join(",", before.Select(s => s.Agency)));
        Assert.Equal("CSC", string.Join(",", after.Select(s => s.Agency)));
    }

    private static Submission Submission(string agency, string id, DateTimeOffset received, ReturnStatus status) =>
        new()
    {
        Id = id,
        Agency = agency,
        Period = Q2,
        BlobName = "x",
        Sha256 = "x",
        Size = 1,
        ReceivedAt = received,
        ProcessedAt = received,
        Status = status, FeedbackPath = "x", StoredAt = "x", DueDate = s_due,
    };

    private static CurrentSubmission Current(string agency, string id) =>
        new(Q2, agency, id, id, default, Arrival.Of(default, "v", "x"), "v");
}
