using System.CommandLine;
using System.Globalization;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Storage.Access;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>`sgi credential`: an agency's short-lived upload link and the link to that upload's feedback.</summary>
internal static class CredentialCommand
{
    private static readonly string[] s_columns =
        ["agency", "agency_name", "contact", "period", "due", "expires", "upload_page", "upload_url"];

    public static Command Create(CliConsole console)
    {
        var agency = CommonOptions.Agency(required: false);
        var all = new Option<bool>("--all")
        {
            Description = "Every agency that owes a return for the period, "
                + "written to a csv (--out) rather than the screen.",
        };
        var grace = new Option<int>("--grace-days")
        {
            Description = "With --all: the links work until the due date plus this many days (default 7), "
                + "and for 7 days at the most.",
            DefaultValueFactory = _ => 7,
        };
        var output = new Option<FileInfo?>("--out")
        {
            Description = "With --all: the csv to write (default credentials-{PERIOD}.csv), readable by you alone. "
                + "It holds the links: keep it as a secret.",
            HelpName = "FILE",
        };
        var revoke = new Option<bool>("--revoke")
        {
            Description = "Say how to withdraw links already issued, and stop.",
        };
        // Required for every use but --revoke, which issues nothing: checked below, once --revoke is ruled out.
        var period = CommonOptions.Period(required: false);
        var file = new Option<string>("--file")
        {
            Description = "The name the return will be uploaded as.",
            HelpName = "NAME",
            DefaultValueFactory = _ => "return.xlsx",
        };
        var minutes = new Option<int>("--minutes")
        {
            Description = "How long the links work, in minutes (at most 10,080: seven days).",
            DefaultValueFactory = _ => 60,
        };
        var page = new Option<string?>("--page")
        {
            Description = "The address the upload page is published at "
                + "(default the page shipped with sgi, opened as a file, for Azurite).",
            HelpName = "URL",
        };
        var storage = new StorageCommandOptions();
        var command = new Command(
            "credential",
            "Issue an agency's credential: a link that can upload one return to its own folder, "
            + "and a link to read the feedback on that upload. Nothing else.")
        {
            agency, period, file, minutes, page, all, grace, output, revoke,
        };
        storage.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (result.GetValue(revoke))
            {
                console.Out.WriteLine(RevokeGuidance);
                return ExitCodes.Accepted;
            }

            var quarter = CommonOptions.ParsePeriod(result.GetValue(period))
                ?? throw new UsageException("Give --period P, the quarter the links are for, such as 2025-26 Q2.");
            if (!result.GetValue(all) && result.GetValue(agency) is null)
            {
                throw new UsageException(
                    "Give --agency CODE for one agency's credential, or --all for every agency that owes a return.");
            }

            var pageAddress = PageAddress(result.GetValue(page));
            var (host, partnership) = await storage.StartAsync(result, console, cancellationToken);
            await using (host)
            {
                if (result.GetValue(all))
                {
                    return await IssueAllAsync(
                        console,
                        host,
                        partnership,
                        quarter,
                        result.GetValue(file)!,
                        result.GetValue(grace),
                        result.GetValue(output),
                        pageAddress,
                        cancellationToken);
                }

                var owner = CommonOptions.FindAgency(partnership, result.GetValue(agency)!);
                AgencyCredential credential;
                try
                {
                    credential = await host.Get<AgencyAccess>().IssueAsync(
                        owner.Code,
                        quarter,
                        result.GetValue(file)!,
                        TimeSpan.FromMinutes(result.GetValue(minutes)),
                        cancellationToken);
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(e.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
                }

                var until = credential.ExpiresOn.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
                console.Ansi.MarkupLine($"Credential for [bold]{Markup.Escape(owner.Name)}[/], valid until {until}.");
                console.Ansi.MarkupLine("Send the agency this link to the upload page (it needs only a browser):");
                // AbsoluteUri, not ToString(), which would print the fragment's spaces unencoded.
                var pageLink = UploadPageLink.For(
                    pageAddress,
                    credential,
                    owner.Name,
                    quarter,
                    quarter.DueDate(partnership.ReturnsDueDays));
                console.Out.WriteLine($"  {pageLink.AbsoluteUri}");
                console.Ansi.MarkupLine($"Or upload {Markup.Escape(credential.BlobName)} with:");
                console.Out.WriteLine(
                    $"  curl -X PUT -H \"x-ms-blob-type: BlockBlob\" --data-binary @{result.GetValue(file)} "
                    + $"\"{credential.UploadUri}\"");
                // One place to look: the page for people on this upload (the upload page reads the JSON itself).
                // Every report the agency ever had would be dozens of links, none of them the one it waits for.
                console.Ansi.MarkupLine("Its feedback, once the upload is processed (a page, with the same expiry):");
                console.Out.WriteLine($"  {credential.UploadFeedbackHtml.AbsoluteUri}");

                return ExitCodes.Accepted;
            }
        });
        return command;
    }

    private const string RevokeGuidance = """
        Links cannot be withdrawn one by one: each is a signature that works until it expires.
        To withdraw every link issued so far:
          - in Azure, where the app signs with its managed identity (user delegation keys):
              az storage account revoke-delegation-keys --name <account> --resource-group <group>
          - where links were signed with the account key (Azurite, or shared keys on): rotate the key
              az storage account keys renew --account-name <account> --key key1
        Then issue new links (sgi credential --period P --all) to the agencies that still need them.
        """;

    /// <summary>Every owing agency's link for the quarter, to a csv; the screen shows only where it went.</summary>
    private static async Task<int> IssueAllAsync(
        CliConsole console,
        StorageHost host,
        Catalogue.Partnership partnership,
        Periods.ReportingPeriod quarter,
        string fileName,
        int graceDays,
        FileInfo? output,
        Uri pageAddress,
        CancellationToken cancellationToken)
    {
        if (graceDays is < 0 or > 90)
        {
            throw new UsageException("--grace-days must be 0 to 90.");
        }

        // The clock the links are signed by, so "until" and the links' own expiry agree.
        var now = host.Get<TimeProvider>().GetUtcNow();
        var due = quarter.DueDate(partnership.ReturnsDueDays);
        var until = new DateTimeOffset(due.AddDays(graceDays + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (until <= now)
        {
            throw new UsageException(
                $"{quarter} was due on {due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}; "
                + $"with {graceDays} days' grace that has passed. Give more --grace-days, "
                + "or issue single links with --agency.");
        }

        var capped = until - now > AgencyAccess.MaxLifetime;
        var lifetime = capped ? AgencyAccess.MaxLifetime : until - now;
        var path = output?.FullName ?? Path.GetFullPath($"credentials-{quarter.Key}.csv");
        var rows = new List<IReadOnlyList<string>>();
        var access = host.Get<AgencyAccess>();
        foreach (var owing in partnership.AgenciesOwing(quarter))
        {
            var credential = await access.IssueAsync(owing.Code, quarter, fileName, lifetime, cancellationToken);
            string[] fields =
            [
                owing.Code,
                owing.Name,
                owing.Contact ?? string.Empty,
                quarter.ToString(),
                due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                credential.ExpiresOn.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                UploadPageLink.For(pageAddress, credential, owing.Name, quarter, due).AbsoluteUri,
                credential.UploadUri.AbsoluteUri,
            ];
            // Text from the reference data cannot start a formula when the file is opened in a spreadsheet.
            rows.Add([.. fields.Select(f => FigureText.SafeForSpreadsheet(f)!)]);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await WriteSecretAsync(path, rows, cancellationToken);
        var cappedNote = capped
            ? $" (the due date plus {graceDays} days is further off than the "
                + $"{AgencyAccess.MaxLifetime.TotalDays:0} days a link can live: issue them again next week)"
            : string.Empty;
        var expiry = now.Add(lifetime).ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
        console.Ansi.MarkupLine(Markup.Escape(
            $"Wrote {Counted.Of(rows.Count, "agency's link", "agencies' links")} for {quarter} to {path}; "
            + $"they work until {expiry}{cappedNote}. "
            + "The file holds the links: send each agency its own, and keep the file as a secret."));
        return ExitCodes.Accepted;
    }

    /// <summary>
    /// Writes the links' csv readable and writable by its owner alone (mode 0600 on Unix), from its first byte:
    /// a file already there is narrowed before it is overwritten, a new one is created so.
    /// </summary>
    private static async Task WriteSecretAsync(
        string path,
        IReadOnlyList<IReadOnlyList<string>> rows,
        CancellationToken cancellationToken)
    {
        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = ownerOnly;
            if (File.Exists(path))
            {
                File.SetUnixFileMode(path, ownerOnly);
            }
        }

        await using var writer = new StreamWriter(path, options);
        await CsvRows.WriteAsync(writer, s_columns, rows, cancellationToken);
    }

    /// <summary>The page the links open: the address given with --page, else the page shipped beside sgi.</summary>
    private static Uri PageAddress(string? given)
    {
        if (given is null)
        {
            return new Uri(UploadPageLink.ShippedPage);
        }

        return Uri.TryCreate(given, UriKind.Absolute, out var address)
            && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeFile || address.IsLoopback)
            ? address
            : throw new UsageException(
                "--page must be the upload page's full address, such as "
                + $"https://<account>.z33.web.core.windows.net/upload.html; got '{given}'.");
    }
}
