using Microsoft.Playwright;

namespace Kepegawaian.Reports.Tests;

/// <summary>What the dashboard's browser tests share: Debian's Chromium through Playwright, the waits, the HR login, screenshots.</summary>
internal static class Chromium
{
    private static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Args });

    /// <summary>A page whose console errors and page errors land in <paramref name="errors"/>.</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, List<string> errors, int width = 1500, bool acceptDownloads = false)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = 1100 }, AcceptDownloads = acceptDownloads });
        // CI shares two cores with builds and other suites: Playwright's 30 s default has timed out a page load there.
        // A real hang still fails, after 2 minutes.
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        return page;
    }

    /// <summary>
    /// URL waits end once the new page's DOM is parsed (its tables exist), not at "load" (every chart image): the tests then
    /// wait for what they read; waiting for "load" hung once on a drill page under a shifted clock (faketime).
    /// </summary>
    public static readonly PageWaitForURLOptions Committed = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    public static Task TablesReady(IPage page) =>
        page.WaitForFunctionAsync("() => [...document.querySelectorAll('table[data-api]')].every(t => t.dataset.state === 'ready')");

    public static Task ImagesLoaded(IPage page) =>
        page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth === 700)");

    /// <summary>Signs in to the HR pages through the login form (the session cookie then covers every /hr page).</summary>
    public static async Task LoginHrAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync(baseUrl + "/hr/login");
        await page.FillAsync("#token", DashboardServer.Token);
        await page.ClickAsync("#login");
        await page.WaitForURLAsync("**/hr/diklat", Chromium.Committed);
    }

    public static string Shot(string name) => Path.Combine(ReportSeed.Artifacts("screenshots"), name + ".png");
}
