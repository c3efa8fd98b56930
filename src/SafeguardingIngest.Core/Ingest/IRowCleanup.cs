namespace SafeguardingIngest.Ingest;

/// <summary>Removes the rows of one load.</summary>
public interface IRowCleanup
{
    /// <summary>Deletes every row written under <paramref name="load"/>; returns how many were there.</summary>
    Task<int> DeleteRowsAsync(Load load, CancellationToken cancellationToken);
}
