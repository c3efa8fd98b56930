using Microsoft.Playwright;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Storage.Access;

namespace SafeguardingIngest.Storage.Tests.Access;

/// <summary>
/// The agencies' upload page in headless Chromium (Debian's) against Azurite: opened from the link
/// sgi credential issues, it sends the file straight to storage and shows the pipeline's feedback.
/// A watcher runs the pipeline beside it, as the blob trigger would. Pictures of each state are kept
/// where SGI_SCREENSHOT_DIR says (docs/images holds the README's).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UploadPageTests(AzuriteFixture azurite)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Page_GoodReturn_IsSentAndShowsAccepted()
    {
        await using var session = await Session.StartAsync(azurite);
        var tab = await session.OpenAsync(await session.LinkAsync("POL"));

        Assert.Equal("Staffordshire Police (POL)", await tab.Locator("#agency").InnerTextAsync());
        Assert.Equal("2025-26 Q2", await tab.Locator("#period").InnerTextAsync());
        Assert.Equal("30 October 2025", await tab.Locator("#due").InnerTextAsync());
        await Session.ShotAsync(tab, "upload-page-ready.png");
        await tab.Locator("#file").SetInputFilesAsync(session.Write("return.xlsx", TestWorkbook.Good("POL")));

        await Assertions.Expect(tab.Locator("#result-heading")).ToHaveTextAsync("Accepted", new() { Timeout = 30_000 });
        Assert.Contains(
            "accepted",
            await tab.Locator("#result-text").InnerTextAsync(),
            StringComparison.OrdinalIgnoreCase);
        await Session.ShotAsync(tab, "upload-page-accepted.png");
    }

    [Fact]
    public async Task Page_BadReturn_ShowsEveryFindingWithItsCell()
    {
        await using var session = await Session.StartAsync(azurite);
        var tab = await session.OpenAsync(await session.LinkAsync("POL"));

        await tab.Locator("#file").SetInputFilesAsync(
            session.Write("return.xlsx", TestWorkbook.Good("POL").Set("Indicators", "G4", "n/a")));

        await Assertions.Expect(tab.Locator("#result-heading")).ToHaveTextAsync(
            "Not accepted",
            new() { Timeout = 30_000 });
        var row = tab.Locator("#findings tbody tr");
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("Indicators!G4", await row.Locator("td").First.InnerTextAsync());
        Assert.StartsWith(
            "'n/a' is not a number",
            await row.Locator("td").Last.InnerTextAsync(),
            StringComparison.Ordinal);
        await Session.ShotAsync(tab, "upload-page-refused.png");

        // Keyboard only: the result takes focus, then "Send a corrected file" hands it back to the file chooser.
        Assert.Equal("result-heading", await tab.EvaluateAsync<string>("document.activeElement.id"));
        await tab.Keyboard.PressAsync("Tab");
        Assert.Equal("again", await tab.EvaluateAsync<string>("document.activeElement.id"));
        await tab.Keyboard.PressAsync("Enter");
        Assert.Equal("file", await tab.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task Page_LinkAlteredForAnotherAgency_IsRefusedInPlainWords()
    {
        await using var session = await Session.StartAsync(azurite);
        var police = await session.LinkAsync("POL");

        // The Police link's signature, pointed at Children's Social Care's folder, its agency field to match.
        var altered = new Uri(police.AbsoluteUri
            .Replace("returns%2FPOL%2F", "returns%2FCSC%2F", StringComparison.Ordinal)
            .Replace("&agency=POL&", "&agency=CSC&", StringComparison.Ordinal));
        Assert.NotEqual(police.AbsoluteUri, altered.AbsoluteUri);
        var tab = await session.OpenAsync(altered);

        await tab.Locator("#file").SetInputFilesAsync(session.Write("return.xlsx", TestWorkbook.Good("CSC")));

        await Assertions.Expect(tab.Locator("#result-heading")).ToHaveTextAsync("Not sent", new() { Timeout = 30_000 });
        Assert.Contains(
            "does not allow sending a return here",
            await tab.Locator("#result-text").InnerTextAsync(),
            StringComparison.Ordinal);
        Assert.Empty(await session.Pipeline.ListAsync(session.Pipeline.Names.Returns));
    }

    [Fact]
    public async Task Page_CsvChosenOnALinkForReturnXlsx_IsReadAsACsvAndAccepted()
    {
        await using var session = await Session.StartAsync(azurite);
        var tab = await session.OpenAsync(await session.LinkAsync("CHS"));

        // The sample csv return, as an officer would choose it; the link's file name is return.xlsx.
        var csv = Path.Combine(session.Folder, "CHS-2025-26-Q2.csv");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "samples", "returns", "CHS-2025-26-Q2.csv"), csv);
        await tab.Locator("#file").SetInputFilesAsync(csv);

        await Assertions.Expect(tab.Locator("#result-heading")).ToHaveTextAsync("Accepted", new() { Timeout = 30_000 });
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("path")]
    [InlineData("stranger")]
    public async Task Page_LinkCutAlteredOrSendingElsewhere_SaysSoAndSendsNothing(string how)
    {
        await using var session = await Session.StartAsync(azurite);
        var police = (await session.LinkAsync("POL")).AbsoluteUri;
        var link = how switch
        {
            // An email program cuts a link at its first space: what an unencoded link lost.
            "cut" => police[..police.IndexOf("&agencyName=", StringComparison.Ordinal)],
            "path" => police.Replace("returns%2FPOL%2F", "returns%2FCSC%2F", StringComparison.Ordinal),
            _ => police.Replace(
                "upload=http%3A%2F%2F127.0.0.1",
                "upload=https%3A%2F%2Fcollector.example",
                StringComparison.Ordinal)
                .Replace(
                    "feedback=http%3A%2F%2F127.0.0.1",
                    "feedback=https%3A%2F%2Fcollector.example",
                    StringComparison.Ordinal),
        };
        Assert.NotEqual(police, link);

        var tab = await session.OpenAsync(new Uri(link));

        Assert.True(await tab.Locator("#link-problem").IsVisibleAsync());
        Assert.False(await tab.Locator("#form").IsVisibleAsync());
        var expected = how switch
        {
            "cut" => "The link is incomplete",
            "path" => "This link has been altered",
            _ => "not the partnership's",
        };
        Assert.Contains(expected, await tab.Locator("#link-problem-text").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_RefusedFileSentAgain_ShowsTheFeedbacksOwnMessage()
    {
        await using var session = await Session.StartAsync(azurite);
        var tab = await session.OpenAsync(await session.LinkAsync("POL"));
        var bad = session.Write("return.xlsx", TestWorkbook.Good("POL").Set("Indicators", "G4", "n/a"));
        await tab.Locator("#file").SetInputFilesAsync(bad);
        await Assertions.Expect(tab.Locator("#result-heading")).ToHaveTextAsync(
            "Not accepted",
            new() { Timeout = 30_000 });

        await tab.Locator("#again").ClickAsync();
        await tab.Locator("#file").SetInputFilesAsync(bad);

        await Assertions.Expect(tab.Locator("#result-text")).ToContainTextAsync(
            "the same as one already checked",
            new() { Timeout = 30_000 });
        Assert.Contains("still stands", await tab.Locator("#result-text").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_LinkWithoutItsFragment_SaysSo()
    {
        await using var session = await Session.StartAsync(azurite);
        var tab = await session.OpenAsync(new Uri(UploadPageLink.ShippedPage));

        Assert.True(await tab.Locator("#link-problem").IsVisibleAsync());
        Assert.Contains(
            "The link is incomplete",
            await tab.Locator("#link-problem-text").InnerTextAsync(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ReadyAndRefused_HasOneMainLandmarkAndNoAxeViolations()
    {
        await using var session = await Session.StartAsync(azurite);
        var tab = await session.OpenAsync(await session.LinkAsync("POL"));

        Assert.Equal(1, await tab.Locator("main").CountAsync());
        Assert.Empty(await Accessibility.ViolationsAsync(tab));

        // With a finding listed, the page still passes: the result's table and focus move are checked too.
        var refused = TestWorkbook.Good("POL").Set("Indicators", "G4", "n/a");
        await tab.Locator("#file").SetInputFilesAsync(session.Write("return.xlsx", refused));
        await Assertions.Expect(tab.Locator("#result-heading"))
            .ToHaveTextAsync("Not accepted", new() { Timeout = 30_000 });
        Assert.Equal(1, await tab.Locator("#findings tbody tr").CountAsync());
        Assert.Empty(await Accessibility.ViolationsAsync(tab));
    }

    /// <summary>A pipeline on Azurite with a watcher running it, and Chromium.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly string _folder = Directory.CreateTempSubdirectory("sgi-page-").FullName;
        private Task _watching = Task.CompletedTask;
        private IPlaywright? _playwright;
        private IBrowser? _browser;

        private Session(PipelineHarness pipeline) => Pipeline = pipeline;

        public PipelineHarness Pipeline { get; }

        public string Folder => _folder;

        public static async Task<Session> StartAsync(AzuriteFixture azurite)
        {
            Assert.True(
                File.Exists(Chromium),
                $"{Chromium} is missing: install Debian's chromium package (scripts/test.sh does).");
            var session = new Session(await PipelineHarness.StartAsync(azurite));

            // Links are signed by the clock and checked by Azurite's and the browser's: use the real time.
            session.Pipeline.Clock.SetUtcNow(DateTimeOffset.UtcNow);
            // The blob trigger's part: each upload that arrives is ingested, as the Functions host would.
            var files = session.Pipeline.Get<IReturnFiles>();
            var ingest = session.Pipeline.Get<IngestReturn>();
            session._watching = Task.Run(async () =>
            {
                while (!session._stop.IsCancellationRequested)
                {
                    var waiting = new List<string>();
                    await foreach (var name in files.ListUploadsAsync(CancellationToken.None))
                    {
                        waiting.Add(name);
                    }

                    foreach (var name in waiting)
                    {
                        try
                        {
                            await ingest.RunAsync(name, CancellationToken.None);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            // As the host does: the upload stays where it is and is tried again next time.
                        }
                    }

                    await Task.Delay(250);
                }
            });
            session._playwright = await Playwright.CreateAsync();
            session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run"],
            });
            return session;
        }

        public async Task<Uri> LinkAsync(string agency)
        {
            var credential = await Pipeline.Access.IssueAsync(
                agency,
                Samples.Q2,
                "return.xlsx",
                TimeSpan.FromHours(1),
                CancellationToken.None);
            var partnership = await Pipeline.Reference.GetAsync(CancellationToken.None);
            return UploadPageLink.For(
                new Uri(UploadPageLink.ShippedPage),
                credential,
                partnership.FindAgency(agency)!.Name,
                Samples.Q2,
                Samples.Q2.DueDate(partnership.ReturnsDueDays));
        }

        public async Task<IPage> OpenAsync(Uri link)
        {
            var tab = await _browser!.NewPageAsync(
                new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 800 } });
            await tab.GotoAsync(link.AbsoluteUri);
            return tab;
        }

        public string Write(string name, TestWorkbook workbook)
        {
            var path = Path.Combine(_folder, Guid.NewGuid().ToString("N"), name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, workbook.ToStream().ToArray());
            return path;
        }

        public static async Task ShotAsync(IPage tab, string name)
        {
            if (Environment.GetEnvironmentVariable("SGI_SCREENSHOT_DIR") is { Length: > 0 } keep)
            {
                await tab.ScreenshotAsync(
                    new PageScreenshotOptions
                    {
                        Path = Path.Combine(Directory.CreateDirectory(keep).FullName, name),
                        FullPage = true
                    });
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _watching;
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }

            _playwright?.Dispose();
            await Pipeline.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
            _stop.Dispose();
        }
    }
}
