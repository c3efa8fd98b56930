using System.Text.Encodings.Web;
using System.Text.Json;

namespace SafeguardingIngest.Validation;

/// <summary>
/// The machine-readable form of a validation report, shared by `sgi validate --format json` and the
/// feedback left for agencies: {status, file, agency, period, errors, warnings, observations,
/// findingsNotShown, findings: [{code, severity, sheet, cell, value, message}]}.
/// </summary>
public static class ReportJson
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = true,

        // Agencies' text may hold any character; the output is read by programs, not pasted into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The writer settings every JSON document of the project uses.</summary>
    public static JsonWriterOptions WriterOptions => s_options;

    /// <summary>Writes <paramref name="report"/> as UTF-8 JSON.</summary>
    public static void Write(Stream output, ValidationReport report, string? fileName)
    {
        using var json = new Utf8JsonWriter(output, s_options);
        json.WriteStartObject();
        WriteFields(json, report, fileName);
        json.WriteEndObject();
    }

    /// <summary>Writes the report's fields into an object already started, for documents that add their own.</summary>
    public static void WriteFields(Utf8JsonWriter json, ValidationReport report, string? fileName)
    {
        json.WriteString("status", report.Status.ToString());
        WriteOptional(json, "file", fileName);
        WriteOptional(json, "fileType", report.FileKind?.ToString().ToLowerInvariant());
        WriteOptional(json, "agency", report.Agency);
        WriteOptional(json, "agencyFrom", report.AgencyFrom);
        WriteOptional(json, "period", report.Period?.ToString());
        WriteOptional(json, "periodFrom", report.PeriodFrom);
        json.WriteNumber("errors", report.ErrorCount);
        json.WriteNumber("warnings", report.WarningCount);
        json.WriteNumber("observations", report.ObservationCount);
        json.WriteNumber("findingsNotShown", report.FindingsNotShown);
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("code", finding.Code);
            json.WriteString("severity", finding.Severity == Severity.Error ? "error" : "warning");
            WriteOptional(json, "sheet", finding.Sheet);
            WriteOptional(json, "cell", finding.Cell);
            WriteOptional(json, "value", finding.Value);
            json.WriteString("message", finding.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The report as a JSON string.</summary>
    public static string ToJson(ValidationReport report, string? fileName)
    {
        using var buffer = new MemoryStream();
        Write(buffer, report, fileName);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes a string property, or null.</summary>
    public static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
