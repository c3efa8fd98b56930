namespace SafeguardingIngest.Ingest;

/// <summary>Settings of the ingest pipeline (configuration section "Ingest").</summary>
public sealed class IngestOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Ingest";

    /// <summary>
    /// Attempts at the conditional switch of the current submission before giving up to a host retry. Default 5.
    /// </summary>
    public int SwitchAttempts { get; set; } = 5;

    /// <summary>Transactions of up to 100 rows in flight while a return is read and written. Default 4.</summary>
    public int ParallelWrites { get; set; } = 4;

    /// <summary>
    /// Honour a receipt time declared in an upload's metadata, for loading historic returns with their
    /// real dates. Off by default, and off wherever agencies upload, so nobody can backdate a late return.
    /// </summary>
    public bool AllowBackdatedUploads { get; set; }

    /// <summary>
    /// The longest a run can last, in minutes: the Functions host stops a run at host.json's
    /// functionTimeout ("00:10:00"). A test holds the two to the same value.
    /// </summary>
    public const int FunctionTimeoutMinutes = 10;

    /// <summary>
    /// Minutes beyond <see cref="FunctionTimeoutMinutes"/> before a run is taken for dead: clocks differ, and a stop
    /// takes time.
    /// </summary>
    public const int SweepMarginMinutes = 5;

    /// <summary>
    /// The least <see cref="OrphanMinutes"/> may be: one more than the function timeout plus the margin.
    /// </summary>
    public const int MinOrphanMinutes = FunctionTimeoutMinutes + SweepMarginMinutes + 1;

    /// <summary>
    /// How long ago, in minutes, a run must have started before the sweep takes it for dead and removes
    /// the rows it was writing. More than any run can last: the host's function timeout
    /// (<see cref="FunctionTimeoutMinutes"/>) plus <see cref="SweepMarginMinutes"/>, or it is refused at
    /// start. Default 60.
    /// </summary>
    public int OrphanMinutes { get; set; } = 60;

    /// <summary>
    /// Minutes an upload may wait in the returns container before the reconciler takes it for missed by the
    /// trigger and runs it itself. Default 10.
    /// </summary>
    public int StaleUploadMinutes { get; set; } = 10;

    /// <summary>
    /// Check the previous quarter's figures for changes beyond each indicator's maxQuarterlyChange. Default true.
    /// </summary>
    public bool CompareWithPreviousQuarter { get; set; } = true;
}
