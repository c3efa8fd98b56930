using Azure;

namespace SafeguardingIngest.Cli;

/// <summary>Plain words for the storage failures a person at a terminal can do something about.</summary>
internal static class StorageFailure
{
    /// <summary>A message for <paramref name="exception"/>, or null when it is not a storage failure.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        AggregateException { InnerException: { } inner } => Describe(inner),
        RequestFailedException { Status: 0 } or HttpRequestException =>
            $"Cannot reach storage ({Innermost(exception).Message}). Is Azurite running? Start it with " +
            "scripts/azurite.sh start, or give --connection.",
        RequestFailedException failed =>
            $"Storage refused the request ({failed.Status} {failed.ErrorCode}): {failed.Message.Split('\n')[0].Trim()}",
        _ => null,
    };

    private static Exception Innermost(Exception exception) =>
        exception.InnerException is { } inner ? Innermost(inner) : exception;
}
