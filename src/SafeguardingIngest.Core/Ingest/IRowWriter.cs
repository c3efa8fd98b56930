using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Ingest;

/// <summary>Writes the rows of a return under its load.</summary>
public interface IRowWriter
{
    /// <summary>
    /// Writes rows of a return under <paramref name="load"/>, in transactions sized by their payload;
    /// rerunning it writes the same rows. Called with a batch of observations at a time while the
    /// return is read, then with its actions and risks.
    /// </summary>
    Task WriteRowsAsync(
        Load load,
        IReadOnlyList<Observation> observations,
        IReadOnlyList<ActionItem> actions,
        IReadOnlyList<RiskItem> risks,
        CancellationToken cancellationToken);

    /// <summary>
    /// Writes an accepted return's figures under its load once more, packed into a few rows, so that the
    /// next quarter's check on change reads them in one request instead of a page for every thousand rows.
    /// </summary>
    Task WriteValuesAsync(Load load, IReadOnlyList<LoadValue> values, CancellationToken cancellationToken);

    /// <summary>Writes the warnings (queries) of an accepted return under its load.</summary>
    Task WriteQueriesAsync(Load load, IReadOnlyList<Finding> queries, CancellationToken cancellationToken);
}
