using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SafeguardingIngest.Releases;

/// <summary>How manifests and decisions are written and read: camelCase JSON, states by name.</summary>
public static class ReleaseJson
{
    private static readonly JsonSerializerOptions s_options = Options();

    /// <summary>The manifest as UTF-8 JSON.</summary>
    public static byte[] Write(ReleaseManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, s_options);

    /// <summary>The decisions as UTF-8 JSON.</summary>
    public static byte[] Write(ReleaseDecisions decisions) => JsonSerializer.SerializeToUtf8Bytes(decisions, s_options);

    /// <summary>
    /// Writes the decisions to <paramref name="output"/> as they are serialized: the bytes of
    /// <see cref="Write(ReleaseDecisions)"/>, never held whole.
    /// </summary>
    public static Task WriteAsync(Stream output, ReleaseDecisions decisions, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(output, decisions, s_options, cancellationToken);

    /// <summary>
    /// A writer that writes as <see cref="Write(ReleaseDecisions)"/> does, to <paramref name="output"/>.
    /// </summary>
    internal static Utf8JsonWriter DecisionsWriter(Stream output) => new(output, new JsonWriterOptions
    {
        Indented = s_options.WriteIndented,
        IndentCharacter = s_options.IndentCharacter,
        IndentSize = s_options.IndentSize,
        NewLine = s_options.NewLine,
        Encoder = s_options.Encoder,
        MaxDepth = s_options.MaxDepth,
    });

    /// <summary>Opens a release's decisions: its period and number, then the list of indicators.</summary>
    internal static void StartDecisions(Utf8JsonWriter writer, string period, int number)
    {
        writer.WriteStartObject();
        writer.WriteString(Name(nameof(ReleaseDecisions.Period)), period);
        writer.WriteNumber(Name(nameof(ReleaseDecisions.Number)), number);
        writer.WriteStartArray(Name(nameof(ReleaseDecisions.Indicators)));
    }

    /// <summary>
    /// Writes one entry of the list of indicators opened by <see cref="StartDecisions"/>: the bytes the serializer
    /// gives the entry, written a figure and a sum at a time and flushed as they pass 32 KB, so that the writer's
    /// buffer stays that size rather than growing to the largest family's decisions and staying there. Each item goes
    /// through its converter, which, unlike the serializer's entry points, does not flush after every value.
    /// </summary>
    internal static void WriteIndicator(Utf8JsonWriter writer, IndicatorDecisions decisions)
    {
        writer.WriteStartObject();
        writer.WriteString(Name(nameof(IndicatorDecisions.Indicator)), decisions.Indicator);
        WriteList(writer, nameof(IndicatorDecisions.Figures), decisions.Figures);
        WriteList(writer, nameof(IndicatorDecisions.Sums), decisions.Sums);
        WriteList(writer, nameof(IndicatorDecisions.PartOf), decisions.PartOf);
        writer.WriteEndObject();
    }

    private static void WriteList<T>(Utf8JsonWriter writer, string property, IReadOnlyList<T> items)
    {
        writer.WriteStartArray(Name(property));
        var converter = (JsonConverter<T>)s_options.GetConverter(typeof(T));
        foreach (var item in items)
        {
            converter.Write(writer, item, s_options);
            if (writer.BytesPending > 1 << 15)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Closes what <see cref="StartDecisions"/> opened.</summary>
    internal static void EndDecisions(Utf8JsonWriter writer)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The options, made read-only up front rather than by the first serialisation: the decisions' items are written
    /// by their converters, which read the options' metadata and find none on options still open to change.
    /// </summary>
    private static JsonSerializerOptions Options()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Converters = { new JsonStringEnumConverter() },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    private static string Name(string property) => s_options.PropertyNamingPolicy?.ConvertName(property) ?? property;

    /// <summary>Reads a manifest.</summary>
    /// <exception cref="JsonException">The document is not a manifest.</exception>
    public static ReleaseManifest ReadManifest(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ReleaseManifest>(json, s_options)
        ?? throw new JsonException("The manifest is empty.");

    /// <summary>Reads decisions.</summary>
    /// <exception cref="JsonException">The document is not a release's decisions.</exception>
    public static ReleaseDecisions ReadDecisions(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ReleaseDecisions>(json, s_options)
        ?? throw new JsonException("The decisions are empty.");

    /// <summary>Reads one entry of a release's list of indicators.</summary>
    /// <exception cref="JsonException">The entry is not an indicator's decisions.</exception>
    internal static IndicatorDecisions ReadIndicator(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<IndicatorDecisions>(json, s_options)
        ?? throw new JsonException("An indicator's decisions are empty.");
}
