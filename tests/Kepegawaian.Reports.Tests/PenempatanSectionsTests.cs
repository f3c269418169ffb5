using System.Text.Json;
using System.Text.RegularExpressions;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Reports.Data;
using Kepegawaian.Testing;
using Microsoft.Playwright;

namespace Kepegawaian.Reports.Tests;

/// <summary>
/// /dasbor/penempatan as sections (one question each: anchor, headline, chart, table), on the report seed plus
/// <see cref="KomposisiSeed"/>, whose hand count gives the expected figures: city 40 staff, 13 below the minimum (32,5 %);
/// A1 33 staff, 6 below (18,2 %); A2 (3) and A3 (4) small; the city per jenis jabatan pelaksana 17, fungsional 15, pengawas 8.
/// </summary>
public sealed partial class PenempatanSectionsTests
{
    private static readonly DashboardFilter All = new(null, null, null);

    private static TempWarehouse Seeded() => KomposisiWarehouse.Create();

    private static DashboardModel Model(TempWarehouse wh) => new(new ReportDataReader(wh.Database).Read(), ReportText.Indonesian, 5);

    [Fact]
    public void Headlines_are_the_hand_counted_figures_and_the_cells_of_their_own_tables()
    {
        using var wh = Seeded();
        var model = Model(wh);
        var kes = model.PenempatanHeadline("kesesuaian", All);
        Assert.Equal(13.0 / 40 * 100, (double)kes.Value!, 1);
        Assert.Equal("Kota Palembang: 13 dari 40 pegawai (32,5 %) berpendidikan di bawah minimum jabatannya.", kes.Text);
        var a1 = model.PenempatanHeadline("kesesuaian", new DashboardFilter(null, "A1", null));
        Assert.Equal(6.0 / 33 * 100, (double)a1.Value!, 1);
        Assert.Equal(40L, model.PenempatanHeadline("formasi", All).Value);
        Assert.Equal(33L, model.PenempatanHeadline("formasi", new DashboardFilter(null, "A1", null)).Value);
        // Born 1985, BUP 58: nobody retires within 2 years, no group is a wave.
        var pensiun = model.PenempatanHeadline("pensiun", All);
        Assert.Equal(0.0, pensiun.Value);
        Assert.StartsWith("0 kelompok jabatan", pensiun.Text, StringComparison.Ordinal);
        foreach (var bagian in DashboardModel.PenempatanBagian)
        {
            var h = model.PenempatanHeadline(bagian, All);
            if (h.Row is { } row) Assert.Equal(model.PenempatanRows(bagian, All)[row][h.Key], h.Value);
        }
    }

    [Fact]
    public void Chart_data_leave_out_every_small_cell_the_tables_hide()
    {
        using var wh = Seeded();
        var model = Model(wh);
        foreach (var bagian in DashboardModel.PenempatanBagian)
            foreach (var unit in new[] { null, "A1", "A2", "A3" })
                Assert.All(model.PenempatanChartData(bagian, new DashboardFilter(null, unit, null)), p => Assert.True(p.Pegawai >= 5, $"{bagian} {unit}: {p}"));
        // Only A1's share is published (A2 3 and A3 4 staff show "<5" in the table): one bar, 6 of 33.
        var kes = Assert.Single(model.PenempatanChartData("kesesuaian", All));
        Assert.Equal(("Badan Satu", 18.2, 33L), (kes.Label, kes.Value, kes.Pegawai));
        Assert.Equal([("pelaksana", 17.0), ("fungsional", 15.0), ("pengawas", 8.0)],
            model.PenempatanChartData("formasi", All).Select(p => (p.Label, p.Value)));
        Assert.Empty(model.PenempatanChartData("formasi", new DashboardFilter(null, "A2", null)));
        Assert.DoesNotContain(model.PenempatanChartData("pensiun", All), p => p.Label.StartsWith("Badan Dua", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_anchor_leads_to_its_section_with_headline_chart_and_table()
    {
        using var wh = Seeded();
        await using var server = await DashboardServer.StartAsync(warehouse: wh);
        using var http = new HttpClient();
        var html = await http.GetStringAsync(server.BaseUrl + "/dasbor/penempatan");
        var nav = SectionNav().Match(html);
        Assert.True(nav.Success);
        var anchors = Anchor().Matches(nav.Value).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(DashboardModel.PenempatanBagian, anchors);
        foreach (var id in anchors)
        {
            var section = Regex.Match(html, $"<section class=\"bagian\" id=\"{id}\">(.*?)</section>", RegexOptions.Singleline);
            Assert.True(section.Success, id);
            Assert.Contains($"data-chart=\"/chart/penempatan_{id}.png\"", section.Value, StringComparison.Ordinal);
            Assert.Contains($"data-headline=\"/api/penempatan/ringkasan/{id}\"", section.Value, StringComparison.Ordinal);
            Assert.Equal(1, Regex.Count(section.Value, "<table data-api="));
            var png = await http.GetAsync(server.BaseUrl + $"/chart/penempatan_{id}.png");
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        }
        Assert.Contains("data-value=\"32.5\">Kota Palembang: 13 dari 40 pegawai", html, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(server.BaseUrl + "/chart/penempatan_lain.png")).StatusCode);
        using var h = JsonDocument.Parse(await http.GetStringAsync(server.BaseUrl + "/api/penempatan/ringkasan/kesesuaian?unit=A1"));
        Assert.Equal(18.2, h.RootElement.GetProperty("value").GetDouble());
    }

    /// <summary>In Chromium at phone width: no sideways page scroll, and each headline equals the figure its table shows.</summary>
    [Fact]
    [Trait("Category", "Scenario")]
    public async Task At_phone_width_the_page_does_not_scroll_sideways_and_headlines_match_their_tables()
    {
        using var wh = Seeded();
        await using var server = await DashboardServer.StartAsync(warehouse: wh);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var page = await Chromium.NewPageAsync(browser, errors, width: 375);
        await page.GotoAsync(server.BaseUrl + "/dasbor/penempatan");
        await Chromium.TablesReady(page);
        await Chromium.ImagesLoaded(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Shot("375-dasbor-penempatan-bagian"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"));
        // A chart stays readable: wider than the screen it scrolls inside its own box, not the page.
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('section.bagian .charts')].every(c => c.getBoundingClientRect().right <= window.innerWidth && getComputedStyle(c).overflowX === 'auto')"));

        // The headline's figure is the same cell the table's first row (kesesuaian: the city) shows, as rendered text.
        var cell = await page.InnerTextAsync("section#kesesuaian table tbody tr:first-child td:nth-child(6)");
        Assert.Equal("32,5", cell.Trim());
        Assert.Contains("(32,5 %)", await page.InnerTextAsync("section#kesesuaian p.headline"), StringComparison.Ordinal);

        // A tap on an anchor scrolls its section into view (the last one cannot reach the top of a short page).
        await page.ClickAsync("nav.sections a[href='#formasi']");
        await page.WaitForFunctionAsync("""
            () => location.hash === '#formasi' && window.scrollY > 0
                  && document.getElementById('formasi').getBoundingClientRect().top >= 0 && document.getElementById('formasi').getBoundingClientRect().top < window.innerHeight
            """);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 375"));

        // A unit filter refreshes the headline with the table. The seed's units have no IKM, kinerja, cuti or JP rows, so the
        // unit list (built from those marts) lacks them: the option is added here.
        await page.EvaluateAsync("() => document.getElementById('filter-unit').add(new Option('Badan Satu', 'A1'))");
        await page.SelectOptionAsync("#filter-unit", "A1");
        await page.WaitForFunctionAsync("() => document.querySelector('section#kesesuaian p.headline').dataset.value === '18.2'");
        Assert.Empty(errors);
    }

    [GeneratedRegex("<nav class=\"sections\"[^>]*>.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex SectionNav();

    [GeneratedRegex("<a href=\"#([^\"]+)\">")]
    private static partial Regex Anchor();
}
