using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Ingest;

/// <summary>
/// Where a return was uploaded in the returns container: {agency}/{period}/{file}. The period is
/// written as a key ("2025-26-Q2"), though any form <see cref="ReportingPeriod.Parse"/> accepts is read.
/// </summary>
public sealed record UploadPath(string Agency, ReportingPeriod Period, string FileName)
{
    /// <summary>
    /// The blob name for an agency's upload of <paramref name="fileName"/> for <paramref name="period"/>.
    /// </summary>
    public static string For(string agency, ReportingPeriod period, string fileName) =>
        $"{agency}/{period.Key}/{fileName}";

    /// <summary>
    /// Where the feedback on the latest upload under a name is also kept, in the feedback container:
    /// {agency}/{period}/uploads/{file}.json and .html. An upload credential can read exactly these,
    /// so the upload page finds its feedback without knowing the submission id.
    /// </summary>
    public static string FeedbackFor(string agency, ReportingPeriod period, string fileName) =>
        $"{agency}/{period.Key}/uploads/{fileName}";

    private static readonly System.Buffers.SearchValues<char> s_hexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdef");

    /// <summary>What a file name restored for a reprocess starts with: a name reserved for the pipeline.</summary>
    public const string ReprocessPrefix = "_reprocess_";

    /// <summary>
    /// The reserved name a refused return is restored under to be run again,
    /// {agency}/{period}/_reprocess_{submission}_{file}, never the upload's own name, which may hold a newer upload.
    /// </summary>
    public static string ForReprocess(string agency, ReportingPeriod period, string submissionId, string fileName) =>
        For(agency, period, $"{ReprocessPrefix}{submissionId}_{fileName}");

    /// <summary>
    /// The submission id and original file name in a reserved reprocess name; false for any other name.
    /// </summary>
    public static bool TryReadReprocess(string fileName, out string submissionId, out string originalName)
    {
        (submissionId, originalName) = (string.Empty, string.Empty);
        const int IdLength = 24;
        var rest = fileName.AsSpan();
        if (!rest.StartsWith(ReprocessPrefix, StringComparison.Ordinal)
            || rest.Length <= ReprocessPrefix.Length + IdLength + 1
            || rest[ReprocessPrefix.Length + IdLength] != '_')
        {
            return false;
        }

        var id = rest.Slice(ReprocessPrefix.Length, IdLength);
        if (id.ContainsAnyExcept(s_hexDigits))
        {
            return false;
        }

        (submissionId, originalName) = (id.ToString(), rest[(ReprocessPrefix.Length + IdLength + 1)..].ToString());
        return true;
    }

    /// <summary>Reads a blob name; null with a reason when it is not {agency}/{period}/{file}.</summary>
    public static UploadPath? TryParse(string blobName, out string? problem)
    {
        var parts = blobName.Split('/');
        if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
        {
            problem = $"The file was uploaded as '{blobName}'; upload it under " +
                $"returns/{{agency}}/{{period}}/{{file}}, for example returns/POL/2025-26-Q2/return.xlsx.";
            return null;
        }

        if (!ReportingPeriod.TryParse(parts[1], out var period))
        {
            problem = $"The folder '{parts[1]}' in '{blobName}' is not a reporting period; upload the file under " +
                $"returns/{parts[0]}/2025-26-Q2/ (the quarter it reports on).";
            return null;
        }

        problem = null;
        return new UploadPath(parts[0], period, parts[2]);
    }
}
