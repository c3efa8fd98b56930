using System.Runtime.CompilerServices;
using System.Text.Json;

namespace SafeguardingIngest.Releases;

/// <summary>
/// Reads a release's decisions (<see cref="ReleaseJson.Write(ReleaseDecisions)"/>) from a stream one indicator family
/// at a time, holding no more of the document than the family being read: at regional scale a release's decisions
/// run to hundreds of megabytes, and a compile reads every earlier release's.
/// </summary>
internal static class DecisionsReader
{
    private const int FirstBuffer = 1 << 16;

    /// <summary>
    /// Each entry of the document's list of indicators, as its indicator (one code, or linked codes joined by +) and
    /// its bytes, in the order written.
    /// </summary>
    /// <exception cref="JsonException">
    /// The stream is not a release's decisions, or ends before the document does.
    /// </exception>
    public static IAsyncEnumerable<(string Indicator, byte[] Entry)> EntriesAsync(
        Stream json,
        CancellationToken cancellationToken) =>
        EntriesAsync(json, FirstBuffer, cancellationToken);

    /// <summary>
    /// As <see cref="EntriesAsync(Stream, CancellationToken)"/>, the bytes read in blocks of
    /// <paramref name="firstBuffer"/> (more where one entry needs it).
    /// </summary>
    internal static async IAsyncEnumerable<(string Indicator, byte[] Entry)> EntriesAsync(
        Stream json,
        int firstBuffer,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[firstBuffer];
        var (length, final) = (0, false);
        var scan = new Scan();
        while (true)
        {
            // The buffer is filled before each scan, however little each read gives: an entry that does not fit is
            // scanned again from its start once there is twice the room, so no entry is scanned more than about twice.
            while (!final && length < buffer.Length)
            {
                var read = await json.ReadAsync(buffer.AsMemory(length), cancellationToken);
                final = read == 0;
                length += read;
            }

            var found = new List<(string, byte[])>();
            var consumed = scan.Next(buffer.AsSpan(0, length), found);
            foreach (var entry in found)
            {
                yield return entry;
            }

            if (scan.Done)
            {
                yield break;
            }

            if (final && consumed == 0 && found.Count == 0)
            {
                throw new JsonException("The decisions end before their document does.");
            }

            // Keep what is not yet read; where a single entry fills the buffer, make room for the rest of it.
            buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
            length -= consumed;
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    /// <summary>Where the reader stands in the document between one block of bytes and the next.</summary>
    private sealed class Scan
    {
        private JsonReaderState _state;
        private int _depth;
        private bool _inIndicators;
        private bool _nextIsIndicators;
        private int _lists;

        public bool Done { get; private set; }

        /// <summary>
        /// Reads <paramref name="block"/> as far as whole tokens and whole entries go, adding each entry to
        /// <paramref name="found"/>; gives how many bytes it read. The block is never taken as the last: the document
        /// is an object, whose closing brace is a whole token, so a document cut short simply stops being read, and is
        /// refused for ending early rather than for the depth it ends at.
        /// </summary>
        public int Next(ReadOnlySpan<byte> block, List<(string, byte[])> found)
        {
            var reader = new Utf8JsonReader(block, isFinalBlock: false, _state);
            // What was read, and the reader's state, as of the last whole token or entry.
            var consumed = 0;
            while (true)
            {
                if (!reader.Read())
                {
                    return consumed;
                }

                if (_inIndicators && _depth == 2 && reader.TokenType == JsonTokenType.StartObject)
                {
                    var begins = (int)reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        // The entry runs past this block: read it again, whole, from its start with more bytes.
                        return consumed;
                    }

                    var entry = block[begins..(int)reader.BytesConsumed];
                    found.Add((IndicatorOf(entry), entry.ToArray()));
                }
                else
                {
                    Follow(ref reader);
                }

                consumed = (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                if (Done)
                {
                    return consumed;
                }
            }
        }

        /// <summary>Follows the document's shape outside its entries: an object holding the indicators.</summary>
        private void Follow(ref Utf8JsonReader reader)
        {
            if (_inIndicators && reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException("Each indicator of a release's decisions is a JSON object.");
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (_depth == 0 && reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException("A release's decisions are a JSON object.");
                    }

                    _depth++;
                    _inIndicators = _nextIsIndicators && reader.TokenType == JsonTokenType.StartArray;
                    if (_nextIsIndicators && !_inIndicators)
                    {
                        throw new JsonException("A release's decisions list their indicators in an array.");
                    }

                    if (_inIndicators && ++_lists > 1)
                    {
                        throw new JsonException("A release's decisions list their indicators twice.");
                    }

                    _nextIsIndicators = false;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    _depth--;
                    _inIndicators = false;
                    Done = _depth == 0;
                    if (Done && _lists == 0)
                    {
                        throw new JsonException("A release's decisions list no indicators.");
                    }

                    break;
                case JsonTokenType.PropertyName:
                    _nextIsIndicators = _depth == 1 && Named(ref reader, "indicators");
                    break;
                default:
                    if (_nextIsIndicators)
                    {
                        throw new JsonException("A release's decisions list their indicators in an array.");
                    }

                    break;
            }
        }

        /// <summary>
        /// Whether the property name at <paramref name="reader"/> is <paramref name="name"/>, in any case, as the
        /// serializer reads them.
        /// </summary>
        private static bool Named(ref Utf8JsonReader reader, string name) =>
            string.Equals(reader.GetString(), name, StringComparison.OrdinalIgnoreCase);

        /// <summary>An entry's indicator: its <c>indicator</c> property, read without reading the rest.</summary>
        private static string IndicatorOf(ReadOnlySpan<byte> entry)
        {
            var reader = new Utf8JsonReader(entry);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var indicator = Named(ref reader, "indicator");
                reader.Read();
                if (indicator && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString()!;
                }

                reader.Skip();
            }

            throw new JsonException("An indicator of a release's decisions has no \"indicator\".");
        }
    }
}
