using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Ingest;
using SafeguardingIngest.Reports;
using SafeguardingIngest.Returns;
using SafeguardingIngest.Validation;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>
/// The board's page and an agency's feedback page in headless Chromium (Debian's): one main landmark, no axe-core
/// violation of WCAG 2.2 AA or best practice, and the board's page printed to PDF on A4 landscape with no table row
/// cut across a page.
/// </summary>
public sealed partial class PageStandardsBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task BoardPage_InChromium_HasOneMainLandmarkAndNoAxeViolations()
    {
        // Education missing: the page then carries its marks, notes and incomplete figures too.
        await using var browser = await Browser.StartAsync();
        var tab = await browser.OpenAsync(HtmlReport.Render(
            SampleReport.WithoutEducation,
            DisclosurePlan.For(SampleReport.WithoutEducation, new PublicationOptions())));

        Assert.Equal(1, await tab.Locator("main").CountAsync());
        Assert.Empty(await Accessibility.ViolationsAsync(tab));
    }

    [Fact]
    public async Task FeedbackPage_RefusedReturn_HasOneMainLandmarkAndNoAxeViolations()
    {
        var upload = TestWorkbook.Good("POL").Set("Indicators", "G4", "n/a").ToStream();
        var result = new ReturnValidator(Samples.Partnership).Validate(upload, new ReturnContext("POL", Samples.Q2));
        Assert.Equal(ReturnStatus.Rejected, result.Report.Status);
        var at = new DateTimeOffset(2025, 10, 20, 9, 30, 0, TimeSpan.Zero);
        var submission = new Submission
        {
            Id = "0123456789abcdef01234567", Agency = "POL", Period = Samples.Q2, BlobName = "POL/return.xlsx",
            Sha256 = new string('0', 64), Size = upload.Length, ReceivedAt = at, ProcessedAt = at,
            Status = result.Report.Status, FeedbackPath = "POL/2025-26-Q2/0123456789abcdef01234567",
            StoredAt = "quarantine/POL/return.xlsx",
        };

        await using var browser = await Browser.StartAsync();
        var tab = await browser.OpenAsync(
            Feedback.Html(submission, result.Report, "return.xlsx", "Sample partnership", isCurrent: false));

        Assert.Equal("Not accepted", await tab.Locator(".verdict").InnerTextAsync());
        Assert.Equal(1, await tab.Locator("main").CountAsync());
        Assert.Empty(await Accessibility.ViolationsAsync(tab));
    }

    [Fact]
    public async Task BoardPage_PrintedToPdf_IsA4LandscapeWithNoTableRowCutAcrossPages()
    {
        await using var browser = await Browser.StartAsync();
        var report = SampleReport.Report;
        var tab = await browser.OpenAsync(
            HtmlReport.Render(report, DisclosurePlan.For(report, new PublicationOptions())));

        // The page asks for A4 landscape itself, so printing it with the browser's defaults gives A4 landscape.
        var pdf = await tab.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        var text = Encoding.Latin1.GetString(pdf);
        var boxes = MediaBox().Matches(text)
            .Select(m => (W: Number(m.Groups[1].Value), H: Number(m.Groups[2].Value)))
            .ToList();
        // The page tree's root counts every page; the nodes under it count their own.
        var pages = PageCount().Matches(text).Max(m => (int)Number(m.Groups[1].Value));
        // A4 is 210 × 297 mm: 595.28 × 841.89 points, the long side across.
        Assert.True(pages > 1, $"{pages} pages");
        Assert.True(boxes.Count >= pages, $"{boxes.Count} media boxes for {pages} pages");
        Assert.All(boxes, b => Assert.Equal((842, 595), ((int)Math.Round(b.W), (int)Math.Round(b.H))));

        // Laid out for print, no table row and no indicator card crosses the boundary between two A4 pages.
        await tab.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var rules = await tab.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('tr, section.card, thead')]" +
            ".map(e => getComputedStyle(e).breakInside + ' ' + getComputedStyle(e).display)");
        Assert.All(
            rules.Where(r => !r.EndsWith("table-header-group", StringComparison.Ordinal)),
            r => Assert.StartsWith("avoid", r, StringComparison.Ordinal));
        Assert.Contains(rules, r => r == "avoid table-header-group");
    }

    private static double Number(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex(@"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)")]
    private static partial Regex PageCount();

    /// <summary>Debian's Chromium, headless, with a folder for the pages it opens; both gone when disposed.</summary>
    private sealed class Browser : IAsyncDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("sgi-standards-").FullName;
        private IPlaywright? _playwright;
        private IBrowser? _browser;

        public static async Task<Browser> StartAsync()
        {
            Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package.");
            var browser = new Browser();
            browser._playwright = await Playwright.CreateAsync();
            browser._browser = await browser._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run",
                ],
            });
            return browser;
        }

        public async Task<IPage> OpenAsync(byte[] html)
        {
            var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".html");
            await File.WriteAllBytesAsync(path, html);
            var tab = await _browser!.NewPageAsync(
                new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
            await tab.GotoAsync(new Uri(path).AbsoluteUri);
            return tab;
        }

        public async ValueTask DisposeAsync()
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }

            _playwright?.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
