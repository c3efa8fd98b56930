using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Compilation;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Notifications;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Releases;
using SafeguardingIngest.Submissions;
using static SafeguardingIngest.Tests.Compilation.TestPartnership;

namespace SafeguardingIngest.Tests.Compilation;

/// <summary>
/// The scheduled compile alone, every port it drives a mock: what it tells the performance team and when.
/// Test partnership: returns for 2011-12 Q2 (to 30 September 2011) are due 30 days on, on 30 October.
/// </summary>
public class ScheduledCompileTests
{
    private static readonly CancellationToken s_none = CancellationToken.None;
    private readonly Mock<INotifier> _notifier = new();
    private readonly Mock<ICompileWatermarks> _watermarks = new();
    private readonly Mock<IReleaseStore> _releases = new();

    private CompileQuarterlyReturn Compiler(DateTimeOffset now)
    {
        // The base class's timestamps stay (the plan times itself by them); only the date is fixed.
        var clock = new Mock<TimeProvider> { CallBase = true };
        clock.Setup(c => c.GetUtcNow()).Returns(now);
        var records = new Mock<ISubmissionRecords>();
        records.Setup(r => r.ListAsync(It.IsAny<ReportingPeriod>(), s_none)).ReturnsAsync([]);
        records.Setup(r => r.ListCurrentAsync(It.IsAny<ReportingPeriod>(), s_none)).ReturnsAsync([]);
        var reader = new Mock<IPeriodReader>();
        reader.Setup(r => r.ReadPeriodAsync(It.IsAny<ReportingPeriod>(), s_none))
            .ReturnsAsync((ReportingPeriod p, CancellationToken _) => PeriodData.Empty(p));
        var reference = new Mock<IPartnershipSource>();
        reference.Setup(r => r.GetAsync(s_none)).ReturnsAsync(TestPartnership.Partnership);
        _releases.Setup(r => r.ListAsync(It.IsAny<ReportingPeriod?>(), s_none)).ReturnsAsync([]);
        _releases.Setup(r => r.NextNumberAsync(It.IsAny<ReportingPeriod>(), s_none)).ReturnsAsync(1);
        _releases.Setup(r => r.WriteAsync(It.IsAny<ReleaseDraft>(), s_none))
            .ReturnsAsync((ReleaseDraft draft, CancellationToken _) => new WrittenRelease(draft.Manifest, ["reports"]));
        return new CompileQuarterlyReturn(
            records.Object,
            reader.Object,
            reference.Object,
            _releases.Object,
            _watermarks.Object,
            Options.Create(new PublicationOptions()),
            _notifier.Object,
            clock.Object,
            NullLogger<CompileQuarterlyReturn>.Instance,
            Options.Create(new CompileOptions()));
    }

    private void Pending(params (ReportingPeriod Period, DateTimeOffset Changed)[] periods) =>
        _watermarks.Setup(w => w.PendingAsync(s_none)).ReturnsAsync(periods);

    [Fact]
    public async Task RunScheduled_DayAfterTheDueDateWithBothReturnsMissing_TellsTheTeamOnceWhichAreOutstanding()
    {
        Pending();

        await Compiler(new DateTimeOffset(2011, 10, 31, 6, 0, 0, TimeSpan.Zero)).RunScheduledAsync(s_none);

        _notifier.Verify(
            n => n.NotifyAsync(
                It.Is<Notification>(m => m.Kind == "overdue"
                    && m.Facts.Any(f => f.Value.Contains("Agency A", StringComparison.Ordinal))
                    && m.Facts.Any(f => f.Value.Contains("Agency B", StringComparison.Ordinal))),
                s_none),
            Times.Once);
        // The routine daily compile of a quarter nobody changed is not news.
        _notifier.VerifyNoOtherCalls();
        _watermarks.Verify(w => w.MarkCompiledAsync(Q2, null, It.IsAny<DateTimeOffset>(), s_none), Times.Once);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    public async Task RunScheduled_LaterDaysWithTheSameReturnsMissing_TellsNobodyAgain(int day)
    {
        Pending();

        var outcomes = await Compiler(new DateTimeOffset(2011, 11, day, 6, 0, 0, TimeSpan.Zero))
            .RunScheduledAsync(s_none);

        var q2 = Assert.Single(outcomes);
        Assert.All(q2.Report.Submissions, s => Assert.Equal(ReturnStateKind.Missing, s.State));
        _notifier.VerifyNoOtherCalls();
        _watermarks.Verify(w => w.MarkCompiledAsync(Q2, null, It.IsAny<DateTimeOffset>(), s_none), Times.Once);
    }

    [Fact]
    public async Task RunScheduled_QuarterChangedSinceItsLastCompile_TellsTheTeamOfTheRelease()
    {
        var changed = new DateTimeOffset(2011, 10, 20, 9, 0, 0, TimeSpan.Zero);
        Pending((Q2, changed));

        await Compiler(new DateTimeOffset(2011, 10, 25, 6, 0, 0, TimeSpan.Zero)).RunScheduledAsync(s_none);

        _notifier.Verify(
            n => n.NotifyAsync(
                It.Is<Notification>(m => m.Kind == "compiled" && m.Facts.Any(f => f.Value == Q2.ToString())),
                s_none),
            Times.Once);
        _notifier.VerifyNoOtherCalls();
        _releases.Verify(r => r.WriteAsync(It.Is<ReleaseDraft>(d => d.Manifest.Number == 1), s_none), Times.Once);
        _watermarks.Verify(w => w.MarkCompiledAsync(Q2, changed, It.IsAny<DateTimeOffset>(), s_none), Times.Once);
    }
}
