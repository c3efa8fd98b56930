namespace SafeguardingIngest.Ingest;

/// <summary>Settings of the ingest pipeline (configuration section "Ingest").</summary>
public sealed class IngestOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Ingest";

    /// <summary>Attempts at the conditional switch of the current submission before giving up to a host retry. Default 5.</summary>
    public int SwitchAttempts { get; set; } = 5;

    /// <summary>Transactions of up to 100 rows in flight while a return is read and written. Default 4.</summary>
    public int ParallelWrites { get; set; } = 4;

    /// <summary>
    /// Honour a receipt time declared in an upload's metadata, for loading historic returns with their
    /// real dates. Off by default, and off wherever agencies upload, so nobody can backdate a late return.
    /// </summary>
    public bool AllowBackdatedUploads { get; set; }

    /// <summary>
    /// How long ago, in minutes, a run must have started before the sweep takes it for dead and removes
    /// the rows it was writing. Longer than any run can last (the Functions host stops a run at its
    /// functionTimeout, 30 minutes by default). Default 60.
    /// </summary>
    public int OrphanMinutes { get; set; } = 60;

    /// <summary>Check the previous quarter's figures for changes beyond each indicator's maxQuarterlyChange. Default true.</summary>
    public bool CompareWithPreviousQuarter { get; set; } = true;
}
