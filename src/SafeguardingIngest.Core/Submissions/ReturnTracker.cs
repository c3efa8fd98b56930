using SafeguardingIngest.Catalogue;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Submissions;

/// <summary>
/// Works out, for each agency that owes a return, whether it is on time, late, refused at its
/// latest upload, missing, or not yet due: from the recorded submissions and current pointers.
/// </summary>
public static class ReturnTracker
{
    /// <summary>
    /// The state of every agency owing a return for <paramref name="period"/>, as at <paramref name="today"/>
    /// (a UK date).
    /// </summary>
    public static IReadOnlyList<ReturnState> States(
        Partnership partnership,
        ReportingPeriod period,
        IReadOnlyList<Submission> submissions,
        IReadOnlyList<CurrentSubmission> current,
        DateOnly today)
    {
        var due = period.DueDate(partnership.ReturnsDueDays);
        var states = new List<ReturnState>();
        // Who owes follows the catalogue of the quarter: an agency that ended is never missing after its
        // last quarter, and one that started is owed from its first.
        foreach (var agency in partnership.AgenciesOwing(period))
        {
            var own = submissions
                .Where(s => string.Equals(s.Agency, agency.Code, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var pointer = current.FirstOrDefault(c => string.Equals(
                c.Agency,
                agency.Code,
                StringComparison.OrdinalIgnoreCase));
            var currentSubmission = pointer is null ? null : own.FirstOrDefault(s => s.Id == pointer.SubmissionId);
            var latest = own.OrderBy(s => s.ReceivedAt).ThenBy(s => s.ProcessedAt).LastOrDefault();
            ReturnStateKind state;
            if (latest is { Status: ReturnStatus.Rejected } &&
                (currentSubmission is null || latest.ReceivedAt > currentSubmission.ReceivedAt))
            {
                state = ReturnStateKind.Refused;
            }
            else if (currentSubmission is not null)
            {
                state = UkTime.DateOf(currentSubmission.ReceivedAt) > due
                    ? ReturnStateKind.Late
                    : ReturnStateKind.OnTime;
            }
            else
            {
                state = today > due ? ReturnStateKind.Missing : ReturnStateKind.NotYetDue;
            }

            states.Add(new ReturnState(agency.Code, agency.Name, state, due, currentSubmission, latest));
        }

        return states;
    }
}
