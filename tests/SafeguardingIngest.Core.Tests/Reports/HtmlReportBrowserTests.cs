using Microsoft.Playwright;
using SafeguardingIngest.Disclosure;
using SafeguardingIngest.Reports;

namespace SafeguardingIngest.Tests.Reports;

/// <summary>
/// The consolidated return page opened in headless Chromium (Debian's, never a downloaded one): the
/// charts and RAG labels are drawn, and a screenshot is kept (set SGI_SCREENSHOT_DIR to keep it
/// elsewhere, as the README's picture is).
/// </summary>
public sealed class HtmlReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Page_InChromium_DrawsEveryChartAndRagLabel()
    {
        Assert.True(
            File.Exists(Chromium),
            $"{Chromium} is missing: install Debian's chromium package (scripts/test.sh does).");
        var report = SampleReport.Report;
        var (folder, page) = await WriteAsync(report);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var tab = await browser.NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });
        await tab.GotoAsync(new Uri(page).AbsoluteUri);

        Assert.Equal(report.Indicators.Count, await tab.Locator("svg.chart").CountAsync());
        // One line for each run of two or more quarters with figures; a series break ends a run (AVG01's, in 2026-27).
        Assert.Equal(report.Indicators.Sum(Runs), await tab.Locator("svg.chart polyline.actual").CountAsync());
        Assert.Equal(
            report.Indicators.Count(i => i.SeriesBreakIndex is not null),
            await tab.Locator("svg.chart line.break").CountAsync());
        Assert.Equal(
            report.Indicators.Count(i => i.Trend is not null),
            await tab.Locator("svg.chart polyline.projection").CountAsync());
        var rated = report.Indicators.Select(i => FigureText.Rag(i.Area.Rag)).ToList();
        var shown = await tab.Locator("#summary + table .rag").AllInnerTextsAsync();
        Assert.Equal(rated, shown);
        Assert.EndsWith("consolidated quarterly return 2026-27 Q2", await tab.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("Consolidated quarterly return, 2026-27 Q2", await tab.Locator("h1").InnerTextAsync());

        // The chart has real size on screen, so it was laid out and drawn, not just present in the markup.
        var box = await tab.Locator("svg.chart").First.BoundingBoxAsync();
        Assert.True(box is { Width: > 300, Height: > 100 }, $"chart box {box?.Width}×{box?.Height}");

        var screenshot = Path.Combine(
            Environment.GetEnvironmentVariable("SGI_SCREENSHOT_DIR") is { Length: > 0 } keep
                ? Directory.CreateDirectory(keep).FullName
                : folder,
            "consolidated-return.png");
        await tab.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        Assert.True(new FileInfo(screenshot).Length > 20_000);
        var card = Path.Combine(Path.GetDirectoryName(screenshot)!, "consolidated-return-indicator.png");
        await tab.Locator("section.card").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = card });
        Assert.True(new FileInfo(card).Length > 5_000);
        Directory.Delete(folder, recursive: true);
    }

    private static int Runs(SafeguardingIngest.Compilation.IndicatorResult result)
    {
        var (runs, length) = (0, 0);
        for (var q = 0; q <= result.Series.Count; q++)
        {
            if (q == result.SeriesBreakIndex || q == result.Series.Count || result.Series[q] is null)
            {
                runs += length > 1 ? 1 : 0;
                length = 0;
            }

            length += q < result.Series.Count && result.Series[q] is not null ? 1 : 0;
        }

        return runs;
    }

    [Fact]
    public async Task Page_EducationMissing_MarksItsFiguresAndKeepsEveryChartInBounds()
    {
        Assert.True(
            File.Exists(Chromium),
            $"{Chromium} is missing: install Debian's chromium package (scripts/test.sh does).");
        var report = SampleReport.WithoutEducation;
        var (folder, page) = await WriteAsync(report);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var tab = await browser.NewPageAsync();
        await tab.GotoAsync(new Uri(page).AbsoluteUri);

        // Education owes NEG03 and EH01: their rows are marked, their RAG says why it is missing, and the note names
        // Education.
        foreach (var code in new[] { "NEG03", "EH01" })
        {
            var row = tab.Locator("#summary + table tbody tr").Filter(
                new LocatorFilterOptions { HasText = code + " " });
            Assert.Equal("Incomplete", await row.Locator(".rag").InnerTextAsync());
            Assert.True(await row.Locator("a.mark").CountAsync() >= 2);
            StringAssert(
                await tab.Locator($"#note-i-{code.ToLowerInvariant()}").InnerTextAsync(),
                "Education Services (EDU) for 2026-27 Q2");
        }

        // Indicators Education does not owe are complete and unmarked.
        var ch01 = tab.Locator("#summary + table tbody tr").Filter(new LocatorFilterOptions { HasText = "CH01 " });
        Assert.Equal(0, await ch01.Locator("a.mark").CountAsync());

        // Every point and the projection's every vertex lie inside the plotted area: nothing below the zero line or
        // above 100%.
        foreach (var chart in await tab.Locator("svg.chart").AllAsync())
        {
            var ys = await chart.EvaluateAsync<double[]>(
                "svg => [...svg.querySelectorAll('circle.point')].map(c => " +
                "+c.getAttribute('cy')).concat([...svg.querySelectorAll('polyline.projection')].flatMap(p => " +
                "p.getAttribute('points').split(' ').map(xy => +xy.split(',')[1])))");
            Assert.All(ys, y => Assert.InRange(y, TrendChart.Top - 0.1, TrendChart.Bottom + 0.1));
        }

        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The page of <paramref name="report"/>, written to a folder of its own.</summary>
    private static async Task<(string Folder, string Page)> WriteAsync(
        SafeguardingIngest.Compilation.ConsolidatedReturn report)
    {
        var folder = Directory.CreateTempSubdirectory("sgi-html-").FullName;
        var page = Path.Combine(folder, HtmlReport.FileName);
        await File.WriteAllBytesAsync(
            page,
            HtmlReport.Render(report, DisclosurePlan.For(report, new PublicationOptions())));
        return (folder, page);
    }

    /// <summary>Debian's Chromium, headless, with the arguments this machine's closed network needs.</summary>
    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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

    private static void StringAssert(string text, string part) => Assert.Contains(part, text, StringComparison.Ordinal);
}
