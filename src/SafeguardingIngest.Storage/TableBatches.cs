using Azure;
using Azure.Data.Tables;

namespace SafeguardingIngest.Storage;

/// <summary>
/// Groups table operations into transactions that Table Storage accepts: at most 100 operations,
/// one partition, and a request body under 4 MiB. The body is sized by an upper bound of what is
/// really sent: each entity's JSON in UTF-8, with every character that a JSON writer may escape
/// counted as its six-byte \uXXXX form, plus each operation's part of the multipart body.
/// </summary>
internal static class TableBatches
{
    /// <summary>Operations in one transaction (the service's limit).</summary>
    public const int MaxOperations = 100;

    /// <summary>The request body limit of one transaction, 4 MiB, less room for the batch envelope.</summary>
    public const int MaxPayloadBytes = (4 * 1024 * 1024) - (64 * 1024);

    // One operation's multipart headers: boundaries, content types, the verb and URL, If-Match, Prefer.
    private const int OperationOverheadBytes = 1024;

    /// <summary>
    /// Splits entities into transactions of at most <see cref="MaxOperations"/> and <see cref="MaxPayloadBytes"/>.
    /// </summary>
    public static IEnumerable<List<TableTransactionAction>> Split(
        IEnumerable<TableEntity> entities,
        Func<TableEntity, TableTransactionAction> action)
    {
        var batch = new List<TableTransactionAction>(MaxOperations);
        var bytes = 0;
        foreach (var entity in entities)
        {
            var size = PayloadBytes(entity);
            if (batch.Count == MaxOperations || (batch.Count > 0 && bytes + size > MaxPayloadBytes))
            {
                yield return batch;
                batch = new List<TableTransactionAction>(MaxOperations);
                bytes = 0;
            }

            batch.Add(action(entity));
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>An upper bound of the bytes one entity adds to a transaction's body.</summary>
    public static int PayloadBytes(TableEntity entity)
    {
        // The keys travel twice: in the operation's URL (percent-encoded UTF-8, up to 9 bytes a
        // character) and in the JSON body.
        var total = OperationOverheadBytes + (9 * (entity.PartitionKey.Length + entity.RowKey.Length)) + 2;
        foreach (var (name, value) in entity)
        {
            // "name":value, and, for types JSON cannot tell apart, "name@odata.type":"Edm.Int64",
            total += JsonTextBytes(name) + 4 + 40 + JsonTextBytes(name) + 20;
            total += value switch
            {
                null => 4,
                string text => JsonTextBytes(text) + 2,
                byte[] bytes => ((bytes.Length + 2) / 3 * 4) + 2,
                _ => 48,
            };
        }

        return total;
    }

    /// <summary>
    /// Bytes of a string inside a JSON document, counting every character a writer may escape at its escaped length.
    /// </summary>
    public static int JsonTextBytes(string text)
    {
        var total = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            total += rune.Value switch
            {
                < 0x20 => 6,
                '"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`' => 6,
                < 0x7F => 1,
                _ => rune.IsBmp ? 6 : 12,
            };
        }

        return total;
    }

    /// <summary>
    /// Submits transactions, a few at a time. With <paramref name="ignoreMissing"/> (deletes), a
    /// transaction that fails because another run deleted one of its rows first is redone one row at a time.
    /// </summary>
    public static async Task SubmitAsync(
        TableClient table,
        IEnumerable<List<TableTransactionAction>> batches,
        int parallel,
        CancellationToken cancellationToken,
        bool ignoreMissing = false)
    {
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, parallel),
                CancellationToken = cancellationToken
            },
            async (batch, token) =>
            {
                try
                {
                    await table.SubmitTransactionAsync(batch, token);
                }
                catch (TableTransactionFailedException e) when (ignoreMissing && e.Status == 404)
                {
                    foreach (var item in batch)
                    {
                        await table.DeleteEntityAsync(item.Entity.PartitionKey, item.Entity.RowKey, ETag.All, token);
                    }
                }
            });
    }
}
