namespace SafeguardingIngest.Cli;

/// <summary>Exit codes of every `sgi` command.</summary>
public static class ExitCodes
{
    /// <summary>Done; for validate, the return is accepted (with or without warnings).</summary>
    public const int Accepted = 0;

    /// <summary>The return was refused.</summary>
    public const int Rejected = 1;

    /// <summary>Wrong usage, unusable reference data, or a system error.</summary>
    public const int UsageOrSystemError = 2;
}
