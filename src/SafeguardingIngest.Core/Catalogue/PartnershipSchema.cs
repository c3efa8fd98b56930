using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace SafeguardingIngest.Catalogue;

/// <summary>
/// The shape of a partnership file, checked with the JSON Schema published as
/// docs/partnership.schema.json (embedded here, so the reader and an editor check the same thing);
/// each schema error is put in the reader's words at its JSON path ("$.indicators[0].unit").
/// </summary>
internal static class PartnershipSchema
{
    private static readonly string s_text = Load();
    private static readonly JsonSchema s_schema = JsonSchema.FromText(s_text);
    private static readonly JsonDocument s_document = JsonDocument.Parse(s_text);
    private static readonly EvaluationOptions s_evaluation = new() { OutputFormat = OutputFormat.List };

    /// <summary>Fields any object may carry for a partnership's own notes: never an "unknown field".</summary>
    private static readonly string[] s_annotations = ["$schema", "description", "notes", "source"];

    /// <summary>The schema document itself.</summary>
    public static string Text => s_text;

    /// <summary>Every way <paramref name="root"/> departs from the schema; empty when it fits.</summary>
    public static List<ReferenceDataProblem> Check(JsonElement root)
    {
        var problems = new List<ReferenceDataProblem>();
        var results = s_schema.Evaluate(root, s_evaluation);
        if (results.IsValid)
        {
            return problems;
        }

        foreach (var detail in (results.Details ?? []).Prepend(results))
        {
            if (detail.Errors is not { Count: > 0 } errors)
            {
                continue;
            }

            var (path, value) = Locate(root, detail.InstanceLocation.ToString());
            var location = SchemaFragment(detail.SchemaLocation.ToString());
            foreach (var keyword in errors.Keys)
            {
                foreach (var problem in Explain(keyword, path, value, location))
                {
                    if (!problems.Contains(problem))
                    {
                        problems.Add(problem);
                    }
                }
            }
        }

        return problems;
    }

    private static IEnumerable<ReferenceDataProblem> Explain(
        string keyword,
        string path,
        JsonElement value,
        string location)
    {
        var schema = SchemaAt(location);
        switch (keyword)
        {
            case "required":
                foreach (var name in schema.GetProperty("required").EnumerateArray().Select(n => n.GetString()!))
                {
                    if (value.ValueKind == JsonValueKind.Object && !value.TryGetProperty(name, out _))
                    {
                        yield return new($"{path}.{name}", "required");
                    }
                }

                break;
            case "type":
                yield return new(path, $"expected {Expected(schema, location)}, found {Describe(value)}");
                break;
            case "enum":
                var allowed = string.Join(", ", schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
                yield return new(path, value.ValueKind == JsonValueKind.String
                    ? $"'{value.GetString()}' is not one of {allowed}"
                    : $"expected one of {allowed}, found {Describe(value)}");
                break;
            case "minimum" or "maximum":
                var min = schema.TryGetProperty("minimum", out var low) ? low.GetRawText() : "-∞";
                var max = schema.TryGetProperty("maximum", out var high) ? high.GetRawText() : "∞";
                yield return new(path, $"{Describe(value)} is outside {min} to {max}");
                break;
            case "minItems":
                yield return new(path, "must not be empty");
                break;
            case "pattern":
                yield return new(path, Malformed(location, value));
                break;
            case "":
                yield return new(path, Unknown(location, path));
                break;
            default:
                yield return new(path, $"does not fit the schema ({keyword})");
                break;
        }
    }

    /// <summary>What a value that fails a text pattern should have been, in the words of its definition.</summary>
    private static string Malformed(string location, JsonElement value) => location switch
    {
        _ when location.EndsWith("/financialYear", StringComparison.Ordinal) =>
            $"'{value.GetString()}' is not a financial year; write it like 2025-26",
        _ when location.EndsWith("/period", StringComparison.Ordinal) =>
            $"'{value.GetString()}' is neither a financial year nor a quarter; write it like 2026-27 or 2026-27 Q2",
        _ when location.EndsWith("/countryCode", StringComparison.Ordinal) =>
            $"'{value.GetString()}' is not a country's ONS code; write it like E92000001 (England)",
        _ when location.EndsWith("/regionCode", StringComparison.Ordinal) =>
            $"'{value.GetString()}' is not an English region's ONS code; write it like E12000005 (West Midlands)",
        _ when location.EndsWith("/oldLaCode", StringComparison.Ordinal) =>
            $"'{value.GetString()}' is not a local authority's old code; write its three digits, like 860",
        _ when location.EndsWith("/newLaCode", StringComparison.Ordinal) =>
            $"'{value.GetString()}' is not a local authority's ONS code (E06, E08, E09 or E10 and six digits); " +
            "write it like E10000028",
        _ => $"expected non-empty text, found {Describe(value)}",
    };

    /// <summary>A field the schema does not allow: a target for something that is not a year, or a typo.</summary>
    private static string Unknown(string location, string path)
    {
        var parentLocation = location[..location.LastIndexOf("/additionalProperties", StringComparison.Ordinal)];
        var parent = SchemaAt(parentLocation);
        var name = NameAt(path);
        if (parent.TryGetProperty("patternProperties", out _))
        {
            return $"'{name}' is not a financial year; write it like 2025-26";
        }

        var names = parent.GetProperty("properties").EnumerateObject()
            .Select(p => p.Name)
            .Where(n => !s_annotations.Contains(n, StringComparer.Ordinal))
            .ToList();
        var hint = names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? NearestMatch.Find(name, names.Select(n => (NameKey.Fold(n), n)));
        return hint is null
            ? $"unknown field; expected one of {string.Join(", ", names)}"
            : $"unknown field; did you mean '{hint}'?";
    }

    private static string Expected(JsonElement schema, string location)
    {
        if (location.EndsWith("/text", StringComparison.Ordinal))
        {
            return "non-empty text";
        }

        if (location.EndsWith("/indicatorCodes", StringComparison.Ordinal))
        {
            return "an array of indicator codes";
        }

        return schema.TryGetProperty("type", out var type) ? type.GetString() switch
        {
            "string" => "text",
            "integer" => "a whole number",
            "number" => "a number",
            "boolean" => "true or false",
            "array" => "an array",
            "object" => "an object",
            var other => other ?? "something else",
        } : "something else";
    }

    /// <summary>"$.indicators[0].targets['2025']" and the element there, for a JSON Pointer into it.</summary>
    private static (string Path, JsonElement Value) Locate(JsonElement root, string pointer)
    {
        var path = "$";
        var at = root;
        foreach (var raw in Segments(pointer))
        {
            if (at.ValueKind == JsonValueKind.Array &&
                int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                path += $"[{index}]";
                at = index < at.GetArrayLength() ? at[index] : default;
            }
            else
            {
                path += IsName(raw) ? "." + raw : $"['{raw}']";
                at = at.ValueKind == JsonValueKind.Object && at.TryGetProperty(raw, out var child) ? child : default;
            }
        }

        return (path, at);
    }

    private static string NameAt(string path) =>
        path.EndsWith("']", StringComparison.Ordinal)
            ? path[(path.LastIndexOf("['", StringComparison.Ordinal) + 2)..^2]
            : path[(path.LastIndexOf('.') + 1)..];

    private static bool IsName(string segment) =>
        segment.Length > 0 &&
        (char.IsAsciiLetter(segment[0]) || segment[0] is '$' or '_') &&
        segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '$' or '_');

    private static string SchemaFragment(string schemaLocation)
    {
        var hash = schemaLocation.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? string.Empty : Uri.UnescapeDataString(schemaLocation[(hash + 1)..]);
    }

    private static JsonElement SchemaAt(string fragment)
    {
        var at = s_document.RootElement;
        foreach (var segment in Segments(fragment))
        {
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(segment, out at))
            {
                return default;
            }
        }

        return at;
    }

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    private static string Load()
    {
        using var stream = typeof(PartnershipSchema).Assembly.GetManifestResourceStream("partnership.schema.json")
            ?? throw new InvalidOperationException("The partnership schema is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
