namespace SafeguardingIngest.Compilation;

/// <summary>Settings of a compile (configuration section "Compile").</summary>
public sealed class CompileOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Compile";

    /// <summary>
    /// The instant a compile is stamped with and judged at (which returns are late or not yet due, whether the
    /// quarter's release is provisional), such as 2026-11-14T09:00:00Z. Default none: the clock's time. Set, the
    /// same returns compile to the same page, csv, workbook and JSON, byte for byte.
    /// </summary>
    public DateTimeOffset? Time { get; set; }
}
