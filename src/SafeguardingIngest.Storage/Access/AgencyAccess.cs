using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Periods;

namespace SafeguardingIngest.Storage.Access;

/// <summary>
/// The upload page's link for a credential: the page's address with everything it needs in the
/// fragment (after #), which a browser never sends to a server, so the SAS reaches no server's log.
/// </summary>
public static class UploadPageLink
{
    /// <summary>The page, as shipped beside the command line (Access/Page/upload.html).</summary>
    public static string ShippedPage => Path.Combine(AppContext.BaseDirectory, "Access", "Page", "upload.html");

    /// <summary>The link to <paramref name="page"/> for <paramref name="credential"/>.</summary>
    public static Uri For(
        Uri page,
        AgencyCredential credential,
        string agencyName,
        ReportingPeriod period,
        DateOnly due)
    {
        var fragment = string.Join('&', new (string Key, string Value)[]
        {
            ("upload", credential.UploadUri.ToString()),
            ("feedback", credential.UploadFeedbackJson.ToString()),
            ("agency", credential.Agency),
            ("agencyName", agencyName),
            ("period", period.ToString()),
            ("due", due.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)),
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return new UriBuilder(page) { Fragment = fragment }.Uri;
    }
}

/// <summary>A link an agency may use to read one of its own feedback reports.</summary>
public sealed record FeedbackLink(string Name, Uri Uri);

/// <summary>
/// What an agency is given: a short-lived link to upload one return, links to read the feedback on
/// that upload (JSON for the upload page, HTML for people; they exist once the upload is processed),
/// and links to its own earlier feedback.
/// </summary>
public sealed record AgencyCredential(
    string Agency,
    string BlobName,
    Uri UploadUri,
    DateTimeOffset ExpiresOn,
    IReadOnlyList<FeedbackLink> Feedback)
{
    /// <summary>The feedback on this upload, as JSON.</summary>
    public required Uri UploadFeedbackJson { get; init; }

    /// <summary>The feedback on this upload, as a page.</summary>
    public required Uri UploadFeedbackHtml { get; init; }
}

/// <summary>
/// Issues agencies' credentials as SAS scoped to single blobs: create-and-write on exactly
/// returns/{agency}/{period}/{file}, and read on each of the agency's own feedback blobs. A SAS signed
/// for one blob is refused for any other name, and none grants listing, so an agency can never read,
/// list or write another's blobs. Signed with the account key where the client has one (Azurite, or
/// an account with shared keys on), otherwise with a user delegation key from the app's managed
/// identity (Azure with shared-key access off). See docs/security.md.
/// </summary>
public sealed class AgencyAccess(BlobServiceClient service, StorageNames names, TimeProvider time)
{
    /// <summary>
    /// The longest life a credential may be given: seven days, the most a user delegation key (how the
    /// app signs where shared keys are off) can live.
    /// </summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// Issues <paramref name="agency"/>'s credential to upload <paramref name="fileName"/> for
    /// <paramref name="period"/>.
    /// </summary>
    public async Task<AgencyCredential> IssueAsync(
        string agency,
        ReportingPeriod period,
        string fileName,
        TimeSpan lifetime,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(agency) ||
            agency.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
        {
            throw new ArgumentException($"'{agency}' is not an agency code.", nameof(agency));
        }

        if (string.IsNullOrWhiteSpace(fileName) ||
            fileName.IndexOfAny(['/', '\\']) >= 0 ||
            fileName is "." or
            ".." ||
            fileName.Length > 200)
        {
            throw new ArgumentException(
                $"'{fileName}' is not a file name: no folders, at most 200 characters.",
                nameof(fileName));
        }

        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentOutOfRangeException(
                nameof(lifetime),
                lifetime,
                $"A credential lives for up to {MaxLifetime.TotalDays:0} days.");
        }

        var now = time.GetUtcNow();
        var expires = now + lifetime;
        var blobName = UploadPath.For(agency, period, fileName);
        var upload = await SignAsync(
            service.GetBlobContainerClient(names.Returns).GetBlobClient(blobName),
            BlobSasPermissions.Create | BlobSasPermissions.Write,
            now,
            expires,
            cancellationToken);

        var feedback = new List<FeedbackLink>();
        var container = service.GetBlobContainerClient(names.Feedback);
        var byUpload = UploadPath.FeedbackFor(agency, period, fileName);
        var uploadJson = await SignAsync(
            container.GetBlobClient(byUpload + ".json"),
            BlobSasPermissions.Read,
            now,
            expires,
            cancellationToken);
        var uploadHtml = await SignAsync(
            container.GetBlobClient(byUpload + ".html"),
            BlobSasPermissions.Read,
            now,
            expires,
            cancellationToken);
        await foreach (var item in container.GetBlobsAsync(
            Azure.Storage.Blobs.Models.BlobTraits.None,
            Azure.Storage.Blobs.Models.BlobStates.None,
            agency + "/",
            cancellationToken))
        {
            feedback.Add(new FeedbackLink(
                item.Name,
                await SignAsync(
                    container.GetBlobClient(item.Name),
                    BlobSasPermissions.Read,
                    now,
                    expires,
                    cancellationToken)));
        }

        return new AgencyCredential(agency, blobName, upload, expires, feedback)
        {
            UploadFeedbackJson = uploadJson,
            UploadFeedbackHtml = uploadHtml
        };
    }

    private async Task<Uri> SignAsync(
        BlobClient blob,
        BlobSasPermissions permissions,
        DateTimeOffset now,
        DateTimeOffset expires,
        CancellationToken cancellationToken)
    {
        var sas = new BlobSasBuilder
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",

            // A little slack for clocks that run behind the service's.
            StartsOn = now.AddMinutes(-5),
            ExpiresOn = expires,
        };
        sas.SetPermissions(permissions);
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var key = await service.GetUserDelegationKeyAsync(sas.StartsOn, sas.ExpiresOn, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, service.AccountName) }.ToUri();
    }
}
