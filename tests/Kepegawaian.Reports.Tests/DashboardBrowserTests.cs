using System.Text.Json;
using Microsoft.Playwright;

namespace Kepegawaian.Reports.Tests;

/// <summary>The dashboard in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).</summary>
[Trait("Category", "Scenario")]
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private DashboardServer server = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private readonly List<string> consoleErrors = [];

    public async Task InitializeAsync()
    {
        server = await DashboardServer.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await server.DisposeAsync();
    }

    private Task<IPage> NewPage(int width = 1500) => Chromium.NewPageAsync(browser, consoleErrors, width);

    private static Task TablesReady(IPage page) => Chromium.TablesReady(page);

    private static Task ImagesLoaded(IPage page) => Chromium.ImagesLoaded(page);

    /// <summary>The page's width and the elements (tag#id.class, width) that stick out of the viewport.</summary>
    private const string Overflow = """
        () => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
                 wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5
                         && !e.closest('.table-wrap table'))
                       .map(e => e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right)) })
        """;

    private static string Shot(string name) => Chromium.Shot(name);

    [Fact]
    public async Task Policy_pages_load_with_charts_and_tables_and_no_console_errors()
    {
        var page = await NewPage();
        foreach (var path in new[] { "/dasbor/ikm", "/dasbor/kinerja", "/dasbor/jp", "/dasbor/cuti", "/dasbor/peringatan" })
        {
            var response = await page.GotoAsync(server.BaseUrl + path);
            Assert.Equal(200, response!.Status);
            await TablesReady(page);
            await ImagesLoaded(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot(path.Trim('/').Replace('/', '-')), FullPage = true });
        }
        Assert.Contains("mutu turun dari B ke C", await page.InnerTextAsync("table"));
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Changing_the_period_filter_changes_the_chart_and_the_table()
    {
        var page = await NewPage();
        await page.GotoAsync(server.BaseUrl + "/dasbor/ikm");
        await TablesReady(page);
        await ImagesLoaded(page);
        var chart = page.Locator("img[data-chart='/chart/ikm_unit.png']");
        var before = await chart.ScreenshotAsync();
        Assert.Contains("89,72", await page.InnerTextAsync("table[data-api='/api/ikm']"));

        await page.SelectOptionAsync("#filter-periode", "2026-Q2");
        await page.WaitForFunctionAsync("() => document.querySelector(\"img[data-chart='/chart/ikm_unit.png']\").src.includes('periode=2026-Q2')");
        await TablesReady(page);
        await ImagesLoaded(page);
        await page.WaitForFunctionAsync("() => document.querySelector(\"table[data-api='/api/ikm']\").innerText.includes('77,50')");
        var after = await chart.ScreenshotAsync();
        Assert.NotEqual(before, after);
        Assert.DoesNotContain("89,72", await page.InnerTextAsync("table[data-api='/api/ikm']"));
        Assert.Contains("periode=2026-Q2", page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("ikm-2026-Q2"), FullPage = true });
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Hr_page_is_refused_without_token_and_opens_after_login()
    {
        var page = await NewPage();
        var refused = await page.GotoAsync(server.BaseUrl + "/hr/jp");
        Assert.Equal(401, refused!.Status);
        Assert.DoesNotContain("199001012015031001", await page.ContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("hr-refused") });

        await page.FillAsync("#token", DashboardServer.Token);
        await page.ClickAsync("#login");
        await page.WaitForURLAsync("**/hr/jp", Chromium.Committed);
        await TablesReady(page);
        Assert.Contains("199001012015031001", await page.InnerTextAsync("table"));
        Assert.Contains("Budi Santoso", await page.InnerTextAsync("table"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("hr-jp"), FullPage = true });

        await page.GotoAsync(server.BaseUrl + "/hr/diklat");
        await TablesReady(page);
        await ImagesLoaded(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("hr-diklat"), FullPage = true });
        // The 401 of the refused page is the only console error expected.
        Assert.All(consoleErrors, e => Assert.Contains("401", e));
    }

    /// <summary>
    /// Issue 11.6: an indicative grade (110 respondents for 10 000 people, Krejcie–Morgan minimum 370) is marked on the
    /// rendered IKM page, the grade to use names the year whose sample suffices, and the rule is said once.
    /// </summary>
    [Fact]
    public async Task Ikm_page_marks_an_indicative_grade_and_explains_it_once()
    {
        await using var small = await DashboardServer.StartAsync(extraSql: """
            UPDATE mart_ikm SET responden = 110, populasi = 10000, sampel_minimum = 370, sampel_cukup = false WHERE kode_unit = 'U01' AND periode = '2026-Q3';
            INSERT INTO mart_ikm (level, kode_unit, nama_unit, jenis_layanan, periode, jenis_periode, periode_mulai, responden,
                nrr_u1, nrr_u2, nrr_u3, nrr_u4, nrr_u5, nrr_u6, nrr_u7, nrr_u8, nrr_u9, ikm, mutu, kinerja, ci_low, ci_high, populasi, sampel_minimum, sampel_cukup)
            VALUES ('unit', 'U01', 'Dinas Kependudukan', NULL, '2026', 'tahun', DATE '2026-01-01', 400, 3.5,3.5,3.5,3.5,3.5,3.5,3.5,3.5,3.5, 87.50, 'B', 'Baik', 86, 89, 10000, 370, true);
            """);
        var page = await NewPage();
        await page.GotoAsync(small.BaseUrl + "/dasbor/ikm?periode=2026-Q3");
        await TablesReady(page);
        var rows = await page.Locator("table[data-api='/api/ikm'] tr").AllInnerTextsAsync();
        var u01 = rows.Single(r => r.Contains("Dinas Kependudukan", StringComparison.Ordinal)).Split('\t').Select(c => c.Trim()).ToList();
        Assert.Contains("A*", u01);                  // the quarter's grade, indicative
        Assert.Contains("B", u01);                   // the grade to use: the year's, enough respondents
        Assert.Contains("Tahun 2026", u01);
        var other = rows.Single(r => r.Contains("Kecamatan Ilir Barat I", StringComparison.Ordinal)).Split('\t').Select(c => c.Trim()).ToList();
        Assert.DoesNotContain(other, c => c.EndsWith('*'));   // no population on record: no minimum, no mark
        var body = await page.InnerTextAsync("body");
        Assert.Equal(1, body.Split("Mutu indikatif").Length - 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("ikm-indikatif"), FullPage = true });
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task At_phone_width_no_page_is_wider_than_the_screen()
    {
        var page = await NewPage(width: 375);
        await Chromium.LoginHrAsync(page, server.BaseUrl);
        foreach (var path in new[] { "/dasbor/ikm", "/dasbor/kinerja", "/dasbor/jp", "/dasbor/cuti", "/dasbor/peringatan", "/hr/diklat", "/hr/jp" })
        {
            await page.GotoAsync(server.BaseUrl + path);
            await TablesReady(page);
            await ImagesLoaded(page);
            var o = await page.EvaluateAsync<JsonElement>(Overflow);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("375-" + path.Trim('/').Replace('/', '-')), FullPage = true });
            Assert.True(o.GetProperty("scroll").GetInt32() <= o.GetProperty("inner").GetInt32(), $"{path}: {o}");
            Assert.Equal(0, o.GetProperty("wide").GetArrayLength());
            // Charts shrink to the screen instead of being cut: every image fits inside the viewport.
            Assert.True(await page.EvaluateAsync<bool>("() => [...document.images].every(i => i.getBoundingClientRect().width <= window.innerWidth)"), path);
        }
        Assert.Empty(consoleErrors);
    }
}
