using System.CommandLine;
using System.Globalization;
using SafeguardingIngest.Storage.Access;
using Spectre.Console;

namespace SafeguardingIngest.Cli.Commands;

/// <summary>`sgi credential`: issues an agency's short-lived upload link and links to its own feedback.</summary>
internal static class CredentialCommand
{
    public static Command Create(CliConsole console)
    {
        var agency = CommonOptions.Agency(required: true);
        var period = CommonOptions.Period(required: true);
        var file = new Option<string>("--file") { Description = "The name the return will be uploaded as.", HelpName = "NAME", DefaultValueFactory = _ => "return.xlsx" };
        var minutes = new Option<int>("--minutes") { Description = "How long the links work, in minutes (at most 1,440).", DefaultValueFactory = _ => 60 };
        var page = new Option<string?>("--page")
        {
            Description = "The address the upload page is published at (default the page shipped with sgi, opened as a file, for Azurite).",
            HelpName = "URL",
        };
        var storage = new StorageCommandOptions();
        var command = new Command("credential", "Issue an agency's credential: a link that can upload one return to its own folder, and links to read its own feedback. Nothing else.")
        {
            agency, period, file, minutes, page,
        };
        storage.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var quarter = CommonOptions.ParsePeriod(result.GetValue(period))!.Value;
            var (host, partnership) = await storage.StartAsync(result, console, cancellationToken);
            await using (host)
            {
                var owner = CommonOptions.FindAgency(partnership, result.GetValue(agency)!);
                AgencyCredential credential;
                try
                {
                    credential = await host.Get<AgencyAccess>().IssueAsync(owner.Code, quarter, result.GetValue(file)!, TimeSpan.FromMinutes(result.GetValue(minutes)), cancellationToken);
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(e.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
                }

                console.Ansi.MarkupLine($"Credential for [bold]{Markup.Escape(owner.Name)}[/], valid until {credential.ExpiresOn.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}.");
                var pageAddress = result.GetValue(page) is { } given ? new Uri(given) : new Uri(UploadPageLink.ShippedPage);
                console.Ansi.MarkupLine("Send the agency this link to the upload page (it needs only a browser):");
                console.Out.WriteLine($"  {UploadPageLink.For(pageAddress, credential, owner.Name, quarter, quarter.DueDate(partnership.ReturnsDueDays))}");
                console.Ansi.MarkupLine($"Or upload {Markup.Escape(credential.BlobName)} with:");
                console.Out.WriteLine($"  curl -X PUT -H \"x-ms-blob-type: BlockBlob\" --data-binary @{result.GetValue(file)} \"{credential.UploadUri}\"");
                console.Ansi.MarkupLine(credential.Feedback.Count == 0 ? "No feedback yet." : "Feedback:");
                foreach (var link in credential.Feedback)
                {
                    console.Out.WriteLine($"  {link.Name}: {link.Uri}");
                }

                return ExitCodes.Accepted;
            }
        });
        return command;
    }
}
