using System.Net;
using System.Text.Json;

namespace Kepegawaian.Reports.Tests;

public sealed class DashboardApiTests : IAsyncLifetime
{
    private DashboardServer server = null!;
    private readonly HttpClient http = new();

    public async Task InitializeAsync() => server = await DashboardServer.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    private async Task<JsonElement> GetJson(string path, string? token = null)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + path);
        if (token is not null) req.Headers.Add("X-Dashboard-Token", token);
        using var res = await http.SendAsync(req);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        return JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Ikm_api_filters_by_period_and_unit()
    {
        var q3 = await GetJson("/api/ikm?periode=2026-Q3");
        Assert.Equal(6, q3.GetArrayLength());                         // U01–U06 (seed.sql)
        Assert.Equal(89.72, q3[0].GetProperty("ikm").GetDouble()); // best first
        Assert.Equal(("Triwulan III 2026", "2026-Q3"), (q3[0].GetProperty("periode").GetString(), q3[0].GetProperty("kode_periode").GetString()));
        var q2 = await GetJson("/api/ikm?periode=2026-Q2&unit=U02");
        Assert.Equal(77.50, q2.EnumerateArray().Single().GetProperty("ikm").GetDouble());
    }

    [Fact]
    public async Task Policy_api_suppresses_small_groups_and_has_no_nip()
    {
        var kinerja = await GetJson("/api/kinerja?periode=2026-Q3");
        var u02 = kinerja.EnumerateArray().Single(r => r.GetProperty("kode_unit").GetString() == "U02");
        Assert.Equal("<5", u02.GetProperty("mean_nilai_skp").GetString());
        var jp = await GetJson("/api/jp?tahun=2026");
        Assert.Equal(75.0, jp.EnumerateArray().Single(r => r.GetProperty("kode_unit").GetString() == "U01").GetProperty("persen_patuh").GetDouble());
        foreach (var path in new[] { "/api/ikm", "/api/kinerja", "/api/jp", "/api/cuti", "/api/peringatan", "/dasbor/jp", "/dasbor/ikm" })
        {
            var body = await http.GetStringAsync(server.BaseUrl + path);
            Assert.DoesNotContain("199001012015031001", body);
            Assert.DoesNotContain("Budi Santoso", body);
        }
    }

    [Fact]
    public async Task Leave_api_gives_the_median_of_the_requests_per_channel()
    {
        var cuti = await GetJson("/api/cuti?unit=U01");
        // October online, 10 requests 1 1 2 2 2 2 3 3 4 5: median 2,0, p90 4,1 (seed.sql).
        var online = cuti.EnumerateArray().Single(r => r.GetProperty("bulan").GetString() == "Okt 2026" && r.GetProperty("kanal").GetString() == "online");
        Assert.Equal(2.0, online.GetProperty("median_hari_kerja").GetDouble(), 6);
        Assert.Equal(4.1, online.GetProperty("p90_hari_kerja").GetDouble(), 6);
        Assert.Equal(2, cuti.EnumerateArray().Count(r => r.GetProperty("bulan").GetString() == "Okt 2026"));
    }

    [Fact]
    public async Task Charts_are_png_and_change_with_the_filter()
    {
        var q3 = await http.GetByteArrayAsync(server.BaseUrl + "/chart/ikm_unit.png?periode=2026-Q3");
        var q2 = await http.GetByteArrayAsync(server.BaseUrl + "/chart/ikm_unit.png?periode=2026-Q2");
        Assert.Equal((byte)'P', q3[1]);
        Assert.NotEqual(q3, q2);
        using var missing = await http.GetAsync(server.BaseUrl + "/chart/nope.png");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_cached_hr_response_is_still_refused_without_the_token()
    {
        var withToken = await GetJson("/api/hr/jp?tahun=2026", DashboardServer.Token);   // renders and keeps it
        Assert.True(withToken.GetArrayLength() > 0);
        using var chart = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + "/hr/chart/diklat_dampak.png");
        chart.Headers.Add("X-Dashboard-Token", DashboardServer.Token);
        using (var ok = await http.SendAsync(chart)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        foreach (var path in new[] { "/api/hr/jp?tahun=2026", "/hr/chart/diklat_dampak.png" })
        {
            using var res = await http.GetAsync(server.BaseUrl + path);
            Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
            Assert.DoesNotContain("199001012015031001", await res.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Repeated_requests_get_identical_responses()
    {
        foreach (var path in new[] { "/chart/ikm_tren.png?periode=2026-Q3", "/api/ikm?periode=2026-Q3", "/dasbor/ikm?periode=2026-Q3" })
        {
            var first = await http.GetByteArrayAsync(server.BaseUrl + path);
            var second = await http.GetByteArrayAsync(server.BaseUrl + path);
            Assert.Equal(first, second);
        }
        using var res = await http.GetAsync(server.BaseUrl + "/api/ikm");
        Assert.Equal("application/json; charset=utf-8", res.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Hr_pages_and_api_need_the_token()
    {
        using (var page = await http.GetAsync(server.BaseUrl + "/hr/jp"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
            Assert.DoesNotContain("Budi Santoso", await page.Content.ReadAsStringAsync());
        }
        using (var api = await http.GetAsync(server.BaseUrl + "/api/hr/jp"))
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        using (var wrong = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + "/api/hr/jp"))
        {
            wrong.Headers.Add("X-Dashboard-Token", "salah");
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong)).StatusCode);
        }
        var list = await GetJson("/api/hr/jp?tahun=2026", DashboardServer.Token);
        var row = list.EnumerateArray().Single();
        Assert.Equal("199001012015031001", row.GetProperty("nip").GetString());
        Assert.Equal("Budi Santoso", row.GetProperty("nama").GetString());
        Assert.Equal(8, row.GetProperty("kekurangan_jp").GetInt32());      // 12 JP of 20
        Assert.Single((await GetJson("/api/hr/jp?tahun=2026&unit=U01", DashboardServer.Token)).EnumerateArray());
        Assert.Empty((await GetJson("/api/hr/jp?tahun=2026&unit=U02", DashboardServer.Token)).EnumerateArray());
    }

    [Fact]
    public async Task Unit_names_are_escaped_in_pages()
    {
        using var res = await http.GetAsync(server.BaseUrl + "/dasbor/ikm");
        Assert.Contains("script-src 'self'", res.Headers.GetValues("Content-Security-Policy").Single());
        var html = await res.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html);
    }
}
