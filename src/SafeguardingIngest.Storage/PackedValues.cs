using System.Text;
using SafeguardingIngest.Ingest;

namespace SafeguardingIngest.Storage;

/// <summary>
/// A load's figures packed into binary chunks, each within the 64 KiB a binary property may hold:
/// indicator and locality as length-prefixed UTF-8, then the value as an IEEE double.
/// </summary>
internal static class PackedValues
{
    /// <summary>The most bytes one chunk holds, under the table service's 64 KiB property limit.</summary>
    public const int MaxChunkBytes = 60_000;

    /// <summary>Packs <paramref name="values"/> into chunks of whole figures; none give one empty chunk.</summary>
    public static List<byte[]> Pack(IReadOnlyList<LoadValue> values, int maxChunkBytes = MaxChunkBytes)
    {
        var chunks = new List<byte[]>();
        using var chunk = new MemoryStream();
        using var record = new MemoryStream();
        using var writer = new BinaryWriter(record, Encoding.UTF8);
        foreach (var value in values)
        {
            record.SetLength(0);
            writer.Write(value.Indicator);
            writer.Write(value.Locality);
            writer.Write(value.Value);
            writer.Flush();
            if (record.Length > maxChunkBytes)
            {
                throw new ArgumentException(
                    $"The figure for {value.Indicator} in {value.Locality} packs to {record.Length} bytes, " +
                    $"over the {maxChunkBytes} a chunk holds.",
                    nameof(values));
            }

            if (chunk.Length + record.Length > maxChunkBytes)
            {
                chunks.Add(chunk.ToArray());
                chunk.SetLength(0);
            }

            record.WriteTo(chunk);
        }

        chunks.Add(chunk.ToArray());
        return chunks;
    }

    /// <summary>The figures one chunk holds, in the order packed.</summary>
    public static IEnumerable<LoadValue> Unpack(byte[] chunk)
    {
        using var reader = new BinaryReader(new MemoryStream(chunk, writable: false), Encoding.UTF8);
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            yield return new LoadValue(reader.ReadString(), reader.ReadString(), reader.ReadDouble());
        }
    }
}
