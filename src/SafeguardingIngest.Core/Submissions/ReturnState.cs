using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Submissions;

/// <summary>Where an owing agency's return for a period stands.</summary>
public enum ReturnStateKind
{
    /// <summary>Accepted by the due date.</summary>
    OnTime,

    /// <summary>Accepted, but after the due date.</summary>
    Late,

    /// <summary>The latest upload was refused (an earlier accepted submission, if any, still counts).</summary>
    Refused,

    /// <summary>Nothing accepted and the due date has passed.</summary>
    Missing,

    /// <summary>Nothing received yet, and the due date is still ahead.</summary>
    NotYetDue,
}

/// <summary>One owing agency's position for a period, as the performance team tracks it.</summary>
public sealed record ReturnState(
    string Agency,
    string AgencyName,
    ReturnStateKind State,
    DateOnly DueDate,
    Submission? Current,
    Submission? Latest)
{
    /// <summary>Whether the return that stands arrived after the due date (UK time); null when none stands.</summary>
    public bool? StandingLate => Current is null ? null : UkTime.DateOf(Current.ReceivedAt) > DueDate;

    /// <summary>
    /// Words for the state, as the board report and the command line show it; where the latest upload
    /// was refused and an earlier return stands, that return's own timeliness too.
    /// </summary>
    public string Describe() => State == ReturnStateKind.Refused && Current is not null
        ? $"refused at latest upload; the earlier return, received {(StandingLate == true ? "late" : "on time")}, " +
            "stands"
        : Words(State);

    /// <summary>Words for a kind of state, where no particular return is in view (counts, headings).</summary>
    public static string Words(ReturnStateKind state) => state switch
    {
        ReturnStateKind.OnTime => "on time",
        ReturnStateKind.Late => "late",
        ReturnStateKind.Refused => "refused at latest upload",
        ReturnStateKind.Missing => "missing",
        _ => "not yet due",
    };
}
