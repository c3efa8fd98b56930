namespace SafeguardingIngest.Reports;

/// <summary>
/// A rendered report as the release store writes it: <paramref name="WriteAsync"/> writes its content to a stream as
/// it is produced, so a large one (the csv) is never held whole. <see cref="Held"/> is the file where it is
/// rendered whole anyway (the page, the workbook), and null where it is streamed.
/// </summary>
public sealed record StreamedFile(
    string Name,
    string ContentType,
    Func<Stream, CancellationToken, Task> WriteAsync,
    bool Public = false)
{
    /// <summary>The file rendered whole, where it is.</summary>
    public ReportFile? Held { get; init; }

    /// <summary>A file rendered whole, written as it is.</summary>
    public static StreamedFile Of(ReportFile file) =>
        new(
            file.Name,
            file.ContentType,
            (stream, token) => stream.WriteAsync(file.Content, token).AsTask(),
            file.Public)
        {
            Held = file,
        };
}
