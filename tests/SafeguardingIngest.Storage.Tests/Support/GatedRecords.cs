using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Storage.Tests;

/// <summary>
/// The table records of one host, holding each switch at a gate the test opens: how a test makes
/// two overlapping runs finish in the order it wants. <paramref name="beforeListCurrent"/>, where given,
/// runs before each listing of a period's pointers, so a test can move one while a read is under way.
/// </summary>
public sealed class GatedRecords(
    ISubmissionRecords inner,
    Func<Load, Task> beforeSwitch,
    Func<Submission, Task>? beforeSave = null,
    Func<ReportingPeriod, Task>? beforeListCurrent = null)
    : ISubmissionRecords
{
    public Task<Submission?> FindAsync(
        ReportingPeriod period,
        string agency,
        string submissionId,
        CancellationToken cancellationToken) => inner.FindAsync(period, agency, submissionId, cancellationToken);

    public async Task<bool> TrySaveAsync(Submission submission, CancellationToken cancellationToken)
    {
        if (beforeSave is not null)
        {
            await beforeSave(submission);
        }

        return await inner.TrySaveAsync(submission, cancellationToken);
    }

    public Task<IReadOnlyList<Submission>> ListAsync(ReportingPeriod period, CancellationToken cancellationToken) =>
        inner.ListAsync(period, cancellationToken);

    public Task<CurrentSubmission?> GetCurrentAsync(
        ReportingPeriod period,
        string agency,
        CancellationToken cancellationToken) => inner.GetCurrentAsync(period, agency, cancellationToken);

    public async Task<IReadOnlyList<CurrentSubmission>> ListCurrentAsync(
        ReportingPeriod period, CancellationToken cancellationToken)
    {
        if (beforeListCurrent is not null)
        {
            await beforeListCurrent(period);
        }

        return await inner.ListCurrentAsync(period, cancellationToken);
    }

    public Task<Load> StartLoadAsync(
        ReportingPeriod period,
        string agency,
        string submissionId,
        DateTimeOffset startedAt,
        CancellationToken cancellationToken) => inner.StartLoadAsync(period,
        agency,
        submissionId,
        startedAt,
        cancellationToken);

    public Task<Load?> GetLoadAsync(
        ReportingPeriod period,
        string agency,
        string loadId,
        CancellationToken cancellationToken) => inner.GetLoadAsync(period, agency, loadId, cancellationToken);

    public async Task<SwitchResult> TrySwitchAsync(
        Load load,
        CurrentSubmission? expected,
        DateTimeOffset receivedAt,
        Arrival arrival,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await beforeSwitch(load);
        return await inner.TrySwitchAsync(load, expected, receivedAt, arrival, at, cancellationToken);
    }

    public Task<bool> TryMoveArrivalAsync(
        CurrentSubmission current,
        Arrival arrival,
        CancellationToken cancellationToken) => inner.TryMoveArrivalAsync(current, arrival, cancellationToken);

    public Task<bool> TryDiscardAsync(Load load, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.TryDiscardAsync(load, at, cancellationToken);

    public Task<bool> MarkClearedAsync(Load load, int rows, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.MarkClearedAsync(load, rows, at, cancellationToken);

    public Task<IReadOnlyList<Load>> ListOpenLoadsAsync(
        ReportingPeriod? period,
        string? agency,
        CancellationToken cancellationToken) => inner.ListOpenLoadsAsync(period, agency, cancellationToken);
}
