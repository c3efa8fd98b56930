using Microsoft.Extensions.DependencyInjection;
using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Returns;

namespace SafeguardingIngest.Storage.Tests;

/// <summary>
/// The compile's read of a quarter: each agency's current load read by a key-range query of its own, several
/// at once, and an agency whose pointer moved during the read read again from its new load.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TablePeriodReaderTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken s_none = CancellationToken.None;
    private static readonly ReportingPeriod s_period = ReportingPeriod.Parse("2025-26 Q2");
    private static readonly DateTimeOffset s_received = new(2025, 10, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReadPeriod_ManyAgencies_ReadsEveryCurrentLoadWholeInPointerOrder()
    {
        IServiceProvider? provider = null;
        await using var pipeline = await PipelineHarness.StartAsync(
            azurite,
            configure: c => c.AddSingleton<ISubmissionRecords>(sp =>
            {
                provider = sp;
                return ActivatorUtilities.CreateInstance<TableSubmissionRecords>(sp);
            }));
        var records = pipeline.Records;
        var agencies = Enumerable.Range(0, 20).Select(i => $"AG{i:00}").ToList();
        foreach (var agency in agencies)
        {
            await LoadAsync(records, provider!.GetRequiredService<IRowWriter>(), agency, "first", 1);
        }

        var data = await pipeline.Reader.ReadPeriodAsync(s_period, s_none);

        // 20 agencies × 3 indicators × 2 localities = 120 figures, each agency's 6 together, agencies as listed.
        Assert.Equal(120, data.Observations.Count);
        Assert.Equal(agencies, data.Observations.Select(o => o.Agency).Distinct());
        Assert.All(data.Observations, o => Assert.Equal(1, o.Numerator));
    }

    [Fact]
    public async Task ReadPeriod_PointerMovesWhileRowsAreRead_AgencyIsReadAgainFromItsNewLoad()
    {
        IServiceProvider? provider = null;
        var listings = 0;
        var moved = false;
        await using var pipeline = await PipelineHarness.StartAsync(
            azurite,
            configure: c => c.AddSingleton<ISubmissionRecords>(sp =>
            {
                provider = sp;
                var inner = ActivatorUtilities.CreateInstance<TableSubmissionRecords>(sp);
                return new GatedRecords(inner, _ => Task.CompletedTask, beforeListCurrent: async _ =>
                {
                    // The reader lists the pointers, reads the rows, then lists again: between the two, POL sends.
                    if (Interlocked.Increment(ref listings) == 2 && !moved)
                    {
                        moved = true;
                        await LoadAsync(inner, sp.GetRequiredService<IRowWriter>(), "POL", "second", 7);
                    }
                });
            }));
        var records = pipeline.Records;
        var writer = provider!.GetRequiredService<IRowWriter>();
        await LoadAsync(records, writer, "CSC", "first", 1);
        await LoadAsync(records, writer, "POL", "first", 2);
        listings = 0;

        var data = await pipeline.Reader.ReadPeriodAsync(s_period, s_none);

        // CSC's six figures of 1 as they stood; POL's six of its second return (7), none of its first (2).
        Assert.True(moved);
        Assert.Equal([1, 1, 1, 1, 1, 1], data.Observations.Where(o => o.Agency == "CSC").Select(o => o.Numerator));
        Assert.Equal([7, 7, 7, 7, 7, 7], data.Observations.Where(o => o.Agency == "POL").Select(o => o.Numerator));
    }

    /// <summary>
    /// Writes a load of three count indicators in two localities, each <paramref name="numerator"/>, and makes it
    /// current.
    /// </summary>
    private static async Task LoadAsync(
        ISubmissionRecords records, IRowWriter writer, string agency, string submission, double numerator)
    {
        var id = $"{agency}{submission}".ToLowerInvariant();
        var load = await records.StartLoadAsync(s_period, agency, id, s_received, s_none);
        List<Observation> observations =
        [
            .. from indicator in new[] { "K1", "K2", "K3" }
               from locality in new[] { "L1", "L2" }
               select new Observation(
                   s_period, agency, indicator, locality, numerator, null, numerator, IndicatorUnit.Count, null,
                   "Indicators!G2"),
        ];
        await writer.WriteRowsAsync(load, observations, [], [], s_none);
        var expected = await records.GetCurrentAsync(s_period, agency, s_none);
        var result = await records.TrySwitchAsync(
            load, expected, s_received, Arrival.Of(s_received, id, id), s_received, s_none);
        Assert.Equal(SwitchResult.Switched, result);
    }
}
