namespace SafeguardingIngest.Reading;

/// <summary>
/// Raised by a spreadsheet reader when the content cannot be read further; carries the finding
/// to report. The validator turns it into an outcome, never lets it escape.
/// </summary>
public sealed class UnreadableSpreadsheetException : Exception
{
    /// <summary>Creates the exception for <paramref name="problem"/>.</summary>
    public UnreadableSpreadsheetException(FileProblem problem, Exception? inner = null)
        : base(problem.Message, inner)
    {
        Problem = problem;
    }

    /// <summary>What to report.</summary>
    public FileProblem Problem { get; }
}
