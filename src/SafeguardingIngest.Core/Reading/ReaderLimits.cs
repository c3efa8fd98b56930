namespace SafeguardingIngest.Reading;

/// <summary>
/// Bounds on what a return may hold, so a hostile or broken file is refused with a finding
/// rather than exhausting memory. Defaults suit a quarterly return with generous headroom.
/// </summary>
public sealed record ReaderLimits
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Limits";

    /// <summary>Largest upload accepted, in bytes. Default 25 MiB.</summary>
    public long MaxFileBytes { get; init; } = 25L * 1024 * 1024;

    /// <summary>Largest total uncompressed size of an xlsx's parts, in bytes (zip bombs). Default 256 MiB.</summary>
    public long MaxDecompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Most rows read from any one sheet. Default 250,000.</summary>
    public int MaxRows { get; init; } = 250_000;

    /// <summary>Most columns in any row. Default 256.</summary>
    public int MaxColumns { get; init; } = 256;

    /// <summary>Longest text in one cell, in characters. Default 32,767 (Excel's own limit).</summary>
    public int MaxCellLength { get; init; } = 32_767;

    /// <summary>Most findings kept in a report; the rest are counted. Default 1,000.</summary>
    public int MaxFindings { get; init; } = 1_000;

    /// <summary>The defaults.</summary>
    public static ReaderLimits Default { get; } = new();
}
