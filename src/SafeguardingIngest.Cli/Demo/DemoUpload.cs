using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Cli.Demo;

/// <summary>
/// One return the demonstration sends: whose, for when, the file, when it arrives and what should become of it.
/// </summary>
internal sealed record DemoUpload(
    string Agency,
    ReportingPeriod Period,
    string FileName,
    byte[] Content,
    DateTimeOffset ReceivedAt,
    string Story);
