using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace Kepegawaian.Reports.Tests;

/// <summary>
/// Issue 12.4, the drill-down city → kecamatan area → unit → (HR) employees, in real headless Chromium over the seed
/// plus a hand-made kecamatan (Sako: the office and two kelurahan). Figures are checked against SQL on the warehouse.
/// </summary>
[Trait("Category", "Scenario")]
public sealed class DashboardDrillTests : IAsyncLifetime
{
    private const string Nip = "198001012005011002";
    private const string Name = "Siti Aminah";

    private DashboardServer server = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private readonly HttpClient http = new();
    private readonly List<string> consoleErrors = [];

    public async Task InitializeAsync()
    {
        // Kelurahan 10 Ilir and 2 Ilir belong to Kecamatan Ilir Barat I (U02: 4 employees in the 20 JP year, hidden).
        server = await DashboardServer.StartAsync(extraSql: $"""
            UPDATE dim_unit SET kode_induk = 'U02' WHERE kode_unit IN ('U05', 'U06');
            INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, kode_induk, row_hash) VALUES
              ('K10', 'Kecamatan Sako', 'kecamatan', NULL, 10), ('K11', 'Kelurahan Sako Baru', 'kelurahan', 'K10', 11),
              ('K12', 'Kelurahan Sialang', 'kelurahan', 'K10', 12);
            INSERT INTO mart_jp_unit (kode_unit, tahun, pegawai, patuh, share_patuh) VALUES ('K10', 2026, 10, 5, 0.5), ('K11', 2026, 30, 20, 20.0 / 30), ('K12', 2026, 12, 7, 7.0 / 12);
            INSERT INTO mart_ikm (level, kode_unit, nama_unit, jenis_layanan, periode, jenis_periode, periode_mulai, responden,
                nrr_u1, nrr_u2, nrr_u3, nrr_u4, nrr_u5, nrr_u6, nrr_u7, nrr_u8, nrr_u9, ikm, mutu, kinerja, ci_low, ci_high, populasi, sampel_minimum, sampel_cukup) VALUES
              ('kecamatan', 'K10', 'Kecamatan Sako', NULL, '2026-Q3', 'triwulan', DATE '2026-07-01', 380, 3.3,3.3,3.3,3.3,3.3,3.3,3.3,3.3,3.3, 82.50, 'B', 'Baik', 81.0, 84.0, NULL, NULL, NULL),
              ('unit', 'K11', 'Kelurahan Sako Baru', NULL, '2026-Q3', 'triwulan', DATE '2026-07-01', 200, 3.32,3.32,3.32,3.32,3.32,3.32,3.32,3.32,3.32, 83.00, 'B', 'Baik', 81.5, 84.5, NULL, NULL, NULL);
            INSERT INTO mart_jp_pegawai (nip, nama, kode_unit, tahun, jp, patuh, kekurangan_jp) VALUES ('{Nip}', '{Name}', 'K11', 2026, 6, false, 14);
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

    /// <summary>Independent figures: the area's 20 JP counts summed in SQL over the kecamatan and the units whose parent it is.</summary>
    /// <summary>
    /// Follows a drill or breadcrumb link to its href (what the link points to is what is checked): a click followed by a URL
    /// wait raced the navigation on a loaded machine and hung until the 2-minute timeout.
    /// </summary>
    private static async Task FollowAsync(IPage page, string selector)
    {
        var href = await page.GetAttributeAsync(selector, "href") ?? throw new Xunit.Sdk.XunitException($"{selector} has no href");
        await page.GotoAsync(new Uri(new Uri(page.Url), href).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    private (long Pegawai, long Patuh) AreaJp(string kecamatan)
    {
        using var c = server.Warehouse.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT sum(j.pegawai)::BIGINT, sum(j.patuh)::BIGINT FROM mart_jp_unit j JOIN dim_unit u ON u.kode_unit = j.kode_unit
            WHERE j.tahun = 2026 AND (u.kode_unit = '{kecamatan}' OR u.kode_induk = '{kecamatan}')
            """;
        using var r = cmd.ExecuteReader();
        r.Read();
        return (Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture));
    }

    private string Scalar(string sql)
    {
        using var c = server.Warehouse.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    private static async Task<List<List<string>>> Rows(IPage page, string table) =>
        (await page.Locator(table + " tbody tr").AllInnerTextsAsync()).Select(r => r.Split('\t').Select(c => c.Trim()).ToList()).ToList();

    private static async Task AssertFitsWidth(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");

    private async Task AssertNoPersonalData(IPage page)
    {
        var html = await page.ContentAsync();
        Assert.DoesNotContain(Nip, html);
        Assert.DoesNotContain(Name, html);
        Assert.DoesNotContain("199001012015031001", html);
        Assert.DoesNotContain("Budi Santoso", html);
    }

    [Fact]
    public async Task Walk_city_to_area_to_unit_and_back_shows_the_sql_figures_and_no_names_without_the_token()
    {
        const string Areas = "table[data-api='/api/wilayah']", Units = "table[data-api='/api/wilayah/unit']";
        foreach (var width in new[] { 1366, 375 })
        {
            var page = await Chromium.NewPageAsync(browser, consoleErrors, width);
            await page.GotoAsync(server.BaseUrl + "/dasbor/wilayah?periode=2026-Q3&tahun=2026");
            await Chromium.TablesReady(page);

            // City: one row per kecamatan area, the city agencies last.
            var areas = await Rows(page, Areas);
            Assert.Equal(["Kecamatan Ilir Barat I", "Kecamatan Sako", "Perangkat daerah (di luar kecamatan)"], areas.Select(r => r[0]));
            var (pegawai, patuh) = AreaJp("K10");
            Assert.Equal((52L, 32L), (pegawai, patuh));   // 10 + 30 + 12 employees, 5 + 20 + 7 compliant
            var sako = areas[1];
            Assert.Equal("3", sako[1]);
            Assert.Equal(Scalar("SELECT responden FROM mart_ikm WHERE level = 'kecamatan' AND kode_unit = 'K10' AND periode = '2026-Q3'"), sako[2]);
            Assert.Equal(decimal.Parse(Scalar("SELECT ikm FROM mart_ikm WHERE level = 'kecamatan' AND kode_unit = 'K10' AND periode = '2026-Q3'"), CultureInfo.InvariantCulture).ToString("F2", Id), sako[3]);
            Assert.Equal([pegawai.ToString(Id), patuh.ToString(Id), Math.Round(100.0 * patuh / pegawai, 1).ToString("F1", Id)], sako[5..8]);
            // Ilir Barat I: the kecamatan office's 4 employees are hidden, and with them Kelurahan 2 Ilir's 8 (the city's 20 JP
            // columns would give the 4 away otherwise, PageFigures.JpCells); 52 − 40 shown = 12 covers both: the area shows.
            Assert.Equal((52L, 17L), AreaJp("U02"));
            Assert.Equal(["52", "17", "32,7"], areas[0][5..8]);
            Assert.Equal(["20", "15", "75,0"], areas[2][5..8]);   // U01 only (U03, U04 have no 20 JP row)
            await AssertNoPersonalData(page);
            await AssertFitsWidth(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Shot($"drill-1-kota-{width}"), FullPage = true });

            // Area: its units, the kecamatan office first; the URL holds the state.
            await FollowAsync(page, Areas + " a.drill:text-is('Kecamatan Sako')");
            await Chromium.TablesReady(page);
            Assert.Equal("Kecamatan Sako", await page.InnerTextAsync("main h2"));
            Assert.Equal("Kota Palembang › Kecamatan Sako", (await page.InnerTextAsync("#breadcrumb")).Trim());
            var units = await Rows(page, Units);
            Assert.Equal(["Kecamatan Sako", "Kelurahan Sako Baru", "Kelurahan Sialang"], units.Select(r => r[0]));
            var k11 = units[1];
            var jpK11 = Scalar("SELECT pegawai || ';' || patuh FROM mart_jp_unit WHERE kode_unit = 'K11' AND tahun = 2026").Split(';');
            Assert.Equal([jpK11[0], jpK11[1], "66,7"], k11[5..8]);
            Assert.Equal("83,00", k11[3]);
            await AssertNoPersonalData(page);
            await AssertFitsWidth(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Shot($"drill-2-wilayah-{width}"), FullPage = true });

            // Unit: the unit's own IKM, 20 JP, leave and kinerja tables through the existing APIs with unit=K11.
            await FollowAsync(page, Units + " a.drill:text-is('Kelurahan Sako Baru')");
            await Chromium.TablesReady(page);
            Assert.Contains("area=K10", page.Url);
            Assert.Equal("Kelurahan Sako Baru", await page.InnerTextAsync("main h2"));
            Assert.Equal(["2026", jpK11[0], jpK11[1], "66,7"], Assert.Single(await Rows(page, "table[data-api='/api/jp']")));
            Assert.Equal("83,00", Assert.Single(await Rows(page, "table[data-api='/api/ikm']"))[2]);
            Assert.Equal(0, await page.Locator("table[data-api='/api/hr/jp']").CountAsync());
            await AssertNoPersonalData(page);
            await AssertFitsWidth(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Shot($"drill-3-unit-{width}"), FullPage = true });

            // Back up by the breadcrumb: area, then city.
            await FollowAsync(page, "#breadcrumb a:text-is('Kecamatan Sako')");
            await Chromium.TablesReady(page);
            Assert.Equal(3, (await Rows(page, Units)).Count);
            await FollowAsync(page, "#breadcrumb a:text-is('Kota Palembang')");
            await Chromium.TablesReady(page);
            Assert.Equal(3, (await Rows(page, Areas)).Count);
            await page.CloseAsync();
        }
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task A_shared_unit_link_opens_the_unit_and_its_employee_list_only_behind_the_token()
    {
        var page = await Chromium.NewPageAsync(browser, consoleErrors, 1366);
        // The link a colleague sent: straight to the unit page.
        await page.GotoAsync(server.BaseUrl + "/dasbor/wilayah?periode=2026-Q3&tahun=2026&area=K10&unit=K11");
        await Chromium.TablesReady(page);
        Assert.Equal("Kelurahan Sako Baru", await page.InnerTextAsync("main h2"));
        await AssertNoPersonalData(page);
        // Choosing another period keeps the unit in the URL (the drill state is part of every request) and in the breadcrumb.
        await page.SelectOptionAsync("#filter-periode", "2026-Q2");
        await page.WaitForFunctionAsync("() => document.querySelector('#breadcrumb a').href.includes('periode=2026-Q2')");
        await Chromium.TablesReady(page);
        Assert.Contains("periode=2026-Q2", page.Url);
        Assert.Contains("area=K10", page.Url);
        Assert.Contains("unit=K11", page.Url);
        Assert.Contains("periode=2026-Q2", await page.GetAttributeAsync("#hr-pegawai", "href"));

        // Its HR link without a session: the login form, no names.
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#hr-pegawai"), r => r.Url.Contains("/hr/wilayah", StringComparison.Ordinal));
        Assert.Equal(401, response.Status);
        consoleErrors.RemoveAll(e => e.Contains("status of 401", StringComparison.Ordinal));   // Chromium logs the refused page itself
        await AssertNoPersonalData(page);
        using var api = await http.GetAsync(server.BaseUrl + "/api/hr/jp?tahun=2026&unit=K11");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        // Signed in: the same walk under /hr/wilayah, and the unit's page lists its employees below 20 JP.
        await Chromium.LoginHrAsync(page, server.BaseUrl);
        await page.GotoAsync(server.BaseUrl + "/hr/wilayah?periode=2026-Q3&tahun=2026&area=K10&unit=K11");
        await Chromium.TablesReady(page);
        var hr = Assert.Single(await Rows(page, "table[data-api='/api/hr/jp']"));
        Assert.Equal([Nip, Name, "2026", "6", "14"], hr);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Shot("drill-4-unit-hr-1366"), FullPage = true });
        // Back up from the HR unit page stays on the HR walk.
        await FollowAsync(page, "#breadcrumb a:text-is('Kecamatan Sako')");
        await Chromium.TablesReady(page);
        Assert.Equal(3, (await Rows(page, "table[data-api='/api/wilayah/unit']")).Count);
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Drill_tables_download_as_csv_and_xlsx_with_the_same_suppressed_cells()
    {
        // Ilir Barat I's units: the kecamatan office (4 employees) is a hidden row.
        var json = JsonDocument.Parse(await http.GetStringAsync(server.BaseUrl + "/api/wilayah/unit?area=U02&periode=2026-Q3&tahun=2026")).RootElement;
        var office = json.EnumerateArray().Single(r => r.GetProperty("kode_unit").GetString() == "U02");
        Assert.Equal("<5", office.GetProperty("pegawai").GetString());
        var sheet = XlsxSheet.Read(await http.GetByteArrayAsync(server.BaseUrl + "/api/wilayah/unit?area=U02&periode=2026-Q3&tahun=2026&format=xlsx"));
        Assert.Equal(["kode_unit", "unit"], sheet.Header.Take(2));
        var row = Enumerable.Range(2, json.GetArrayLength()).Single(r => sheet.Cell(r, "kode_unit")?.Text == "U02");
        Assert.True(sheet.Cell(row, "pegawai")!.Value is null && sheet.Cell(row, "pegawai")!.Filled);
        var csv = await http.GetStringAsync(server.BaseUrl + "/api/wilayah/unit?area=K10&tahun=2026&format=csv");
        Assert.Contains("K11;Kelurahan Sako Baru;kelurahan;", csv);
        Assert.DoesNotContain(Nip, csv);
    }
}
