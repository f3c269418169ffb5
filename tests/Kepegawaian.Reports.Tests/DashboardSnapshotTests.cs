using System.Text.RegularExpressions;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Testing;
using Microsoft.Playwright;

namespace Kepegawaian.Reports.Tests;

public sealed class DashboardSnapshotTests
{
    private static readonly string[] Pages =
        ["dasbor-cuti.html", "dasbor-ikm.html", "dasbor-jp.html", "dasbor-kinerja.html", "dasbor-penempatan.html", "dasbor-peringatan.html", "dasbor-wilayah.html"];

    [Fact]
    public async Task Snapshot_writes_every_policy_page_as_static_html_with_charts_and_filled_tables()
    {
        using var wh = ReportSeed.Create();
        using var folder = TempFolder.Create("snapshot");

        var pages = await DashboardSnapshot.WriteAsync(wh.Path, folder.Path);

        Assert.Equal(Pages, pages.Select(Path.GetFileName).Order());
        var ikm = File.ReadAllText(folder.File("dasbor-ikm.html"));
        Assert.Contains("<td>89,72</td>", ikm);                           // seed: U01 2026-Q3, as the live page shows
        Assert.DoesNotContain("<script", ikm);                             // static: no dashboard.js, and data stays text
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", ikm);
        Assert.Contains("src=\"dasbor-ikm-ikm_unit.png\"", ikm);
        Assert.True(new FileInfo(folder.File("dasbor-ikm-ikm_unit.png")).Length > 1000);
        Assert.Contains("href=\"dasbor-kinerja.html\"", ikm);
        Assert.DoesNotContain("format=csv", ikm);                          // no server: no download links, search box or pager
        Assert.DoesNotContain("format=xlsx", ikm);
        Assert.DoesNotContain("table-search", ikm);
        Assert.Contains("Data per 22 November 2026 20.00 WIB", ikm);       // the page's build stamp comes along
        Assert.DoesNotContain(pages, p => p.Contains("hr-", StringComparison.Ordinal));

        // Filters cannot work without the server: no dead select, but the choice the copy shows, and where to choose others.
        Assert.DoesNotContain("<select", ikm);
        Assert.DoesNotContain("data-filter", ikm);
        Assert.Contains("Periode: Triwulan III 2026", ikm);
        Assert.Contains("Unit: Semua", ikm);
        Assert.Contains("Salinan statis: pilihan lain", ikm);
        // The drill-down's city table is filled in (areas as plain text: no drill without the server).
        var wilayah = File.ReadAllText(folder.File("dasbor-wilayah.html"));
        Assert.Contains("<td>Kecamatan Ilir Barat I</td>", wilayah);
        Assert.DoesNotContain("<tbody></tbody>", wilayah);

        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            // HR links are left out (HR pages are never copied), and every other link points at a file of the copy.
            Assert.DoesNotContain("/hr/", html);
            Assert.DoesNotContain("(HR)", html);
            foreach (Match m in Regex.Matches(html, "(?:href|src)=\"(?<target>[^\"#]+)\""))
                Assert.True(m.Groups["target"].Value.StartsWith("data:", StringComparison.Ordinal) || File.Exists(folder.File(m.Groups["target"].Value)),
                    $"{Path.GetFileName(page)} links to {m.Groups["target"].Value}");
        }
    }

    [Fact]
    [Trait("Category", "Scenario")]
    public async Task Snapshot_opens_offline_in_chromium_with_its_charts_and_no_request_leaving_the_folder()
    {
        using var wh = ReportSeed.Create();
        using var folder = TempFolder.Create("snapshot-offline");
        var pages = await DashboardSnapshot.WriteAsync(wh.Path, folder.Path);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var page = await Chromium.NewPageAsync(browser, errors, 375);
        var outside = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal)) await route.ContinueAsync();
            else { outside.Add(route.Request.Url); await route.AbortAsync(); }
        });
        foreach (var file in pages)
        {
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
            Assert.Equal(0, await page.Locator("select, input, button").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), file);
        }
        // Following the navigation works from disk.
        await page.GotoAsync(new Uri(folder.File("dasbor-ikm.html")).AbsoluteUri);
        await page.ClickAsync("nav a:text-is('Wilayah & unit')");
        await page.WaitForURLAsync("**/dasbor-wilayah.html");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Shot("snapshot-wilayah-375"), FullPage = true });
        Assert.Empty(outside);
        Assert.Empty(errors);
    }
}
