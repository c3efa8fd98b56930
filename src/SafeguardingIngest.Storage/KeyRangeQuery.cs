using Azure;
using Azure.Data.Tables;

namespace SafeguardingIngest.Storage;

/// <summary>
/// The rows of one partition whose row keys start with a prefix: one load's rows, an agency's records.
/// </summary>
internal static class KeyRangeQuery
{
    /// <summary>
    /// The rows of <paramref name="partition"/> whose row key starts with <paramref name="prefix"/>, in key
    /// order, with only the properties <paramref name="select"/> names where it is given.
    /// </summary>
    public static AsyncPageable<TableEntity> QueryStartingWith(
        this TableClient table,
        string partition,
        string prefix,
        IEnumerable<string>? select,
        CancellationToken cancellationToken)
    {
        var end = TableKey.After(prefix);
        return table.QueryAsync<TableEntity>(
            e => e.PartitionKey == partition && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(end) < 0,
            select: select,
            cancellationToken: cancellationToken);
    }
}
