namespace SafeguardingIngest.Ingest;

/// <summary>One figure of a load as the next quarter's check on change reads it.</summary>
public readonly record struct LoadValue(string Indicator, string Locality, double Value);
