using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Kepegawaian.Reports.Tests;

/// <summary>
/// Issue 12.4, the tables people work in: sort by a header, search, paging, "Unduh CSV" from the same (suppressed)
/// rows as the API, and the "Data per …" stamp — in real headless Chromium over the seeded warehouse.
/// </summary>
[Trait("Category", "Scenario")]
public sealed class DashboardTableTests : IAsyncLifetime
{
    private const string Ikm = "table[data-api='/api/ikm']";

    private DashboardServer server = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private readonly HttpClient http = new();
    private readonly List<string> consoleErrors = [];

    public async Task InitializeAsync()
    {
        // 120 more HR rows below 20 JP, so the HR list has more rows than one page (50) holds: 121 in all.
        server = await DashboardServer.StartAsync(extraSql: """
            INSERT INTO mart_jp_pegawai (nip, nama, kode_unit, tahun, jp, patuh, kekurangan_jp) SELECT '19850101201001' || lpad(i::VARCHAR, 4, '0'), 'Pegawai Uji ' || i, 'U02', 2026, 4, false, 16 FROM range(1, 121) t(i);
            """);
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await browser.DisposeAsync();
        playwright.Dispose();
        await server.DisposeAsync();
    }

    private Task<IPage> NewPage() => Chromium.NewPageAsync(browser, consoleErrors, acceptDownloads: true);

    private static Task TablesReady(IPage page) => Chromium.TablesReady(page);

    private static string Shot(string name) => Chromium.Shot(name);

    /// <summary>The cells of each body row of a table, trimmed.</summary>
    private static async Task<List<List<string>>> Rows(IPage page, string table) =>
        (await page.Locator(table + " tbody tr").AllInnerTextsAsync()).Select(r => r.Split('\t').Select(c => c.Trim()).ToList()).ToList();

    [Fact]
    public async Task Ikm_table_sorts_by_number_and_by_name_in_natural_order_and_search_narrows_it()
    {
        var page = await NewPage();
        await page.GotoAsync(server.BaseUrl + "/dasbor/ikm?periode=2026-Q3");
        await TablesReady(page);
        // The API sends the highest IKM first (Dinas Kependudukan 89,72).
        Assert.Equal("Dinas Kependudukan", (await Rows(page, Ikm))[0][0]);

        await page.ClickAsync(Ikm + " th[data-key='ikm']");
        var ascending = await Rows(page, Ikm);
        Assert.Equal(["60,00", "63,00", "64,50", "70,00", "77,22", "89,72"], ascending.Select(r => r[3]));
        Assert.Equal("=HYPERLINK(\"http://x\")", ascending[0][0]);   // the hand-known lowest, U04 (grade D)
        Assert.Equal("ascending", await page.GetAttributeAsync(Ikm + " th[data-key='ikm']", "aria-sort"));
        await page.ClickAsync(Ikm + " th[data-key='ikm']");
        Assert.Equal("89,72", (await Rows(page, Ikm))[0][3]);

        // Names: "Kelurahan 2 Ilir" before "Kelurahan 10 Ilir" (text order would put 10 first; so does the API's IKM order).
        await page.ClickAsync(Ikm + " th[data-key='unit']");
        var units = (await Rows(page, Ikm)).Select(r => r[0]).ToList();
        Assert.True(units.IndexOf("Kelurahan 2 Ilir") >= 0 && units.IndexOf("Kelurahan 2 Ilir") < units.IndexOf("Kelurahan 10 Ilir"), string.Join(" | ", units));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("table-ikm-sorted-by-unit"), FullPage = true });

        await page.FillAsync(".table-search", "ilir barat");
        var found = await Rows(page, Ikm);
        Assert.Equal("Kecamatan Ilir Barat I", Assert.Single(found)[0]);
        Assert.Equal("1–1 dari 1", await page.InnerTextAsync(".pager-info"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("table-ikm-search"), FullPage = true });
        await page.FillAsync(".table-search", "");
        Assert.Equal(6, (await Rows(page, Ikm)).Count);
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_suppressed_cell_sorts_last_in_both_directions()
    {
        var page = await NewPage();
        await page.GotoAsync(server.BaseUrl + "/dasbor/kinerja?periode=2026-Q3");
        await TablesReady(page);
        var table = "table[data-api='/api/kinerja']";
        // Seed: U01 10 employees, mean SKP 80,00; U02 3 employees, hidden as "<5". The API sends U01 first (by name).
        await page.ClickAsync(table + " th[data-key='mean_nilai_skp']");
        Assert.Equal(["80,00", "<5"], (await Rows(page, table)).Select(r => r[3]));
        await page.ClickAsync(table + " th[data-key='mean_nilai_skp']");
        Assert.Equal("descending", await page.GetAttributeAsync(table + " th[data-key='mean_nilai_skp']", "aria-sort"));
        Assert.Equal(["80,00", "<5"], (await Rows(page, table)).Select(r => r[3]));
        // By the employee count "<5" also stays last, where a text sort would put it first ("<" before digits).
        await page.ClickAsync(table + " th[data-key='n']");
        Assert.Equal(["10", "<5"], (await Rows(page, table)).Select(r => r[2]));
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Hr_list_of_121_rows_is_paged_50_at_a_time()
    {
        var page = await NewPage();
        await Chromium.LoginHrAsync(page, server.BaseUrl);
        await page.GotoAsync(server.BaseUrl + "/hr/jp?tahun=2026");
        await TablesReady(page);
        var table = "table[data-api='/api/hr/jp']";
        Assert.Equal(50, (await Rows(page, table)).Count);
        Assert.Equal("1–50 dari 121", await page.InnerTextAsync(".pager-info"));
        Assert.True(await page.IsDisabledAsync(".pager-prev"));
        await page.ClickAsync(".pager-next");
        await page.ClickAsync(".pager-next");
        Assert.Equal("101–121 dari 121", await page.InnerTextAsync(".pager-info"));
        Assert.Equal(21, (await Rows(page, table)).Count);
        Assert.True(await page.IsDisabledAsync(".pager-next"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("table-hr-jp-page-3"), FullPage = true });

        // Sorting by the JP a row still misses, largest first: the 16-JP rows, Budi Santoso (8 missing; first in the API's order) last.
        await page.ClickAsync(table + " th[data-key='kekurangan_jp']");
        await page.ClickAsync(table + " th[data-key='kekurangan_jp']");
        Assert.Equal("descending", await page.GetAttributeAsync(table + " th[data-key='kekurangan_jp']", "aria-sort"));
        Assert.Equal("1–50 dari 121", await page.InnerTextAsync(".pager-info"));
        Assert.Equal("16", (await Rows(page, table))[0][5]);
        Assert.DoesNotContain(await Rows(page, table), r => r[1] == "Budi Santoso");
        await page.ClickAsync(".pager-next");
        await page.ClickAsync(".pager-next");
        Assert.Equal("Budi Santoso", (await Rows(page, table))[^1][1]);
        // Search by name and by NIP.
        await page.FillAsync(".table-search", "pegawai uji 12");
        Assert.Equal(2, (await Rows(page, table)).Count);   // 12 and 120
        await page.FillAsync(".table-search", "198501012010010120");
        Assert.Equal("Pegawai Uji 120", Assert.Single(await Rows(page, table))[1]);
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Csv_download_holds_the_api_rows_in_indonesian_format()
    {
        var page = await NewPage();
        await page.GotoAsync(server.BaseUrl + "/dasbor/ikm?periode=2026-Q3");
        await TablesReady(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a.download"));
        Assert.Equal("ikm-2026-Q3.csv", download.SuggestedFilename);
        var path = Path.Combine(ReportSeed.Artifacts("downloads"), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);   // UTF-8 BOM: Indonesian Excel reads it as UTF-8
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';');
        Assert.Contains("kode_unit", header);

        var api = JsonDocument.Parse(await http.GetStringAsync(server.BaseUrl + "/api/ikm?periode=2026-Q3")).RootElement;
        Assert.Equal(api.GetArrayLength(), lines.Length - 1);
        foreach (var row in api.EnumerateArray())
        {
            var line = lines.Single(l => l.StartsWith(row.GetProperty("kode_unit").GetString() + ";", StringComparison.Ordinal)).Split(';');
            Assert.Equal(row.GetProperty("ikm").GetDouble().ToString("F2", CultureInfo.InvariantCulture).Replace('.', ','), line[Array.IndexOf(header, "ikm")]);
            Assert.Equal(row.GetProperty("responden").GetInt64().ToString(CultureInfo.InvariantCulture), line[Array.IndexOf(header, "responden")]);
        }
        Assert.Contains(lines, l => l.StartsWith("U01;Dinas Kependudukan;Triwulan III 2026;2026-Q3;410;89,72;", StringComparison.Ordinal));
        // The formula-looking unit name is neutralised, as in every CSV of the product.
        Assert.Contains(lines, l => l.StartsWith("U04;\"'=HYPERLINK(\"\"http://x\"\")\";", StringComparison.Ordinal));

        // A policy table: the suppressed cells stay "<5" (the same rows as the API), and no NIP or name of an employee.
        using var kinerja = await http.GetAsync(server.BaseUrl + "/api/kinerja?periode=2026-Q3&format=csv");
        Assert.Equal("kinerja-2026-Q3.csv", kinerja.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var kinerjaCsv = await kinerja.Content.ReadAsStringAsync();
        var u02 = kinerjaCsv.Split("\r\n").Single(l => l.StartsWith("U02;", StringComparison.Ordinal));
        Assert.Contains(";<5", u02);
        Assert.DoesNotContain("70,0", u02);   // the 3 employees' mean SKP the API hides
        var jp = await http.GetStringAsync(server.BaseUrl + "/api/jp?tahun=2026&format=csv");
        Assert.DoesNotContain("199001012015031001", jp);
        Assert.DoesNotContain("Budi Santoso", jp);
        Assert.DoesNotContain("nip", jp.Split("\r\n")[0].Split(';'));
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Hr_csv_requires_the_token()
    {
        using var refused = await http.GetAsync(server.BaseUrl + "/api/hr/jp?tahun=2026&format=csv");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("199001012015031001", await refused.Content.ReadAsStringAsync());

        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + "/api/hr/jp?tahun=2026&unit=U01&format=csv");
        request.Headers.Add("X-Dashboard-Token", DashboardServer.Token);
        using var ok = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("no-store", ok.Headers.CacheControl?.ToString());
        Assert.Equal("hr-jp-2026-U01.csv", ok.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await ok.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("nip;nama;kode_unit;unit;tahun;jp;kekurangan_jp", lines[0]);
        Assert.Equal("199001012015031001;Budi Santoso;U01;Dinas Kependudukan;2026;12;8", Assert.Single(lines[1..]));
    }

    [Fact]
    public async Task Every_page_shows_when_its_marts_were_built_and_prints_without_controls()
    {
        var page = await NewPage();
        await Chromium.LoginHrAsync(page, server.BaseUrl);
        foreach (var path in new[] { "/dasbor/ikm", "/dasbor/kinerja", "/dasbor/jp", "/dasbor/cuti", "/dasbor/peringatan", "/hr/diklat", "/hr/jp" })
        {
            await page.GotoAsync(server.BaseUrl + path);
            // ReportSeed records every mart area as built on 22 November 2026 at 20:00 (Schedule:TimeZone, Asia/Jakarta by default).
            Assert.Equal("Data per 22 November 2026 20.00 WIB", await page.InnerTextAsync("#data-per"));
        }

        await page.GotoAsync(server.BaseUrl + "/hr/jp?tahun=2026");
        await TablesReady(page);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('beforeprint'))");
        Assert.False(await page.IsVisibleAsync("nav"));
        Assert.False(await page.IsVisibleAsync(".table-search"));
        Assert.False(await page.IsVisibleAsync(".pager"));
        Assert.False(await page.IsVisibleAsync("a.download"));
        Assert.Equal(121, (await Rows(page, "table[data-api='/api/hr/jp']")).Count);   // on paper every row, not one page
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("print-hr-jp"), FullPage = true });
        Assert.Empty(consoleErrors);
    }
}
