using SafeguardingIngest.Periods;
using SafeguardingIngest.Reading;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Tests.Support;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Validation;

/// <summary>
/// Last quarter's figures are read from storage while the return is read: the check on quarterly change
/// waits for them at the end of the sheet, and the report must not show that it did.
/// </summary>
public class LateLastQuarterTests
{
    [Theory]
    [InlineData(100)]
    [InlineData(3)]
    [InlineData(1)]
    public void Validate_LastQuarterStillOnItsWay_GivesTheFindingsInTheirPlaces(int maxFindings)
    {
        // Every figure last quarter a tenth of this quarter's, with other warnings among the rows.
        var workbook = TestWorkbook.Good("POL").Set("Indicators", "H3", "see note").Set("Indicators", "G5", 9_999);
        var lastQuarter = LastQuarterTenthOf(workbook);
        var limits = ReaderLimits.Default with { MaxFindings = maxFindings };

        var atOnce = Validate(workbook, lastQuarter, limits);
        var late = Validate(workbook, new NotYetRead(lastQuarter), limits);

        Assert.Contains(atOnce.Report.Findings, f => f.Code == Rules.ValueLargeChange.Code);
        Assert.Equal(Describe(atOnce), Describe(late));
        Assert.Equal(atOnce.Report.WarningCount, late.Report.WarningCount);
        Assert.Equal(atOnce.Report.ErrorCount, late.Report.ErrorCount);
        Assert.Equal(atOnce.Report.FindingsNotShown, late.Report.FindingsNotShown);
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    public void Validate_LastQuarterArrivingPartWayThroughTheSheet_GivesTheFindingsInTheirPlaces(
        int readyAfter, int maxFindings)
    {
        // Some rows are checked at once, those before the figures came at the end of the sheet.
        var workbook = TestWorkbook.Good("POL").Set("Indicators", "H3", "see note").Set("Indicators", "G5", 9_999);
        var lastQuarter = LastQuarterTenthOf(workbook);
        var limits = ReaderLimits.Default with { MaxFindings = maxFindings };

        var atOnce = Validate(workbook, lastQuarter, limits);
        var arriving = new ReadyAfter(lastQuarter, readyAfter);
        var partWay = Validate(workbook, arriving, limits);

        Assert.True(arriving.AskedBeforeReady > 0 && arriving.AskedWhenReady > 0, "the figures came part way through");
        Assert.Equal(Describe(atOnce), Describe(partWay));
        Assert.Equal(atOnce.Report.WarningCount, partWay.Report.WarningCount);
        Assert.Equal(atOnce.Report.FindingsNotShown, partWay.Report.FindingsNotShown);
    }

    [Fact]
    public async Task PreviousValuesOnTheWay_ReadNotFinished_IsNotReadyAndFindWaitsForIt()
    {
        var read = new TaskCompletionSource<PreviousValues>(TaskCreationOptions.RunContinuationsAsynchronously);
        var onTheWay = new PreviousValuesOnTheWay(read.Task);
        var period = Samples.Q2.Previous();
        using var asking = new ManualResetEventSlim();

        Assert.False(onTheWay.IsReady);
        var found = Task.Factory.StartNew(
            () =>
            {
                asking.Set();
                return onTheWay.Find("POL", "DA02", "ALL", period);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        asking.Wait();
        await Task.Delay(100);

        Assert.False(found.IsCompleted);
        var values = new PreviousValues();
        values.Add("POL", "DA02", "ALL", period, 12);
        read.SetResult(values);
        Assert.Equal(12, await found);
        Assert.True(onTheWay.IsReady);
    }

    private static ReturnResult Validate(TestWorkbook workbook, IPreviousValues previous, ReaderLimits limits)
    {
        using var stream = workbook.ToStream();
        return Check.Return(stream, new ReturnContext("POL", Samples.Q2), previous: previous, limits: limits);
    }

    private static PreviousValues LastQuarterTenthOf(TestWorkbook workbook)
    {
        var read = new ObservationBuffer();
        Check.Return(workbook, new ReturnContext("POL", Samples.Q2), read);
        var values = new PreviousValues();
        foreach (var o in read.Items)
        {
            values.Add(o.Agency, o.Indicator, o.Locality, o.Period.Previous(), (o.Value / 10) + 1);
        }

        return values;
    }

    private static List<string> Describe(ReturnResult result) =>
        result.Report.Findings.Select(f => $"{f.Code} {f.Location}: {f.Message}").ToList();

    /// <summary>Values that come after the first few checks have asked whether they are there.</summary>
    private sealed class ReadyAfter(IPreviousValues values, int asks) : IPreviousValues
    {
        private int _asked;

        public int AskedBeforeReady { get; private set; }

        public int AskedWhenReady { get; private set; }

        public bool IsReady
        {
            get
            {
                if (++_asked > asks)
                {
                    AskedWhenReady++;
                    return true;
                }

                AskedBeforeReady++;
                return false;
            }
        }

        public double? Find(string agency, string indicator, string locality, ReportingPeriod period) =>
            values.Find(agency, indicator, locality, period);
    }

    /// <summary>Values that say they are still on their way, so every check waits for the end of the sheet.</summary>
    private sealed class NotYetRead(IPreviousValues values) : IPreviousValues
    {
        public bool IsReady => false;

        public double? Find(string agency, string indicator, string locality, ReportingPeriod period) =>
            values.Find(agency, indicator, locality, period);
    }
}
