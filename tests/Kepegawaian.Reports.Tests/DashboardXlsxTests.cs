using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace Kepegawaian.Reports.Tests;

/// <summary>
/// Issue 12.4/12.6: "Unduh XLSX" beside every table's "Unduh CSV" — the JSON API's rows (same filters, same suppression)
/// as a real workbook: numbers as numbers with formats, widths, kode_unit beside the unit, hidden cells blank numeric
/// with a note. The file is read from its zip XML, independently of the OpenXml SDK that writes it.
/// </summary>
[Trait("Category", "Scenario")]
public sealed class DashboardXlsxTests : IAsyncLifetime
{
    private DashboardServer server = null!;
    private readonly HttpClient http = new();

    public async Task InitializeAsync() => server = await DashboardServer.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    private async Task<JsonElement> Api(string route) => JsonDocument.Parse(await http.GetStringAsync(server.BaseUrl + route)).RootElement;

    /// <summary>Every JSON cell against the sheet: numbers as numeric cells of the same value, "&lt;5" as a blank grey numeric cell, text as text.</summary>
    private static void AssertSameRows(JsonElement api, XlsxSheet sheet)
    {
        var keys = api.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
        Assert.Equal(keys, sheet.Header);
        Assert.Equal(api.GetArrayLength(), sheet.Rows.Keys.Count(r => r > 1 && sheet.Rows[r].Any(c => c.Text is null || !c.Text.StartsWith("Sel abu-abu", StringComparison.Ordinal))));
        var row = 2;
        foreach (var r in api.EnumerateArray())
        {
            foreach (var p in r.EnumerateObject())
            {
                var cell = sheet.Cell(row, p.Name);
                switch (p.Value.ValueKind)
                {
                    case JsonValueKind.Number:
                        Assert.NotNull(cell);
                        Assert.True(cell.IsNumber, $"{cell.Ref} {p.Name}");
                        Assert.Equal(p.Value.GetDouble(), cell.Number, 9);
                        break;
                    case JsonValueKind.String when p.Value.GetString() == "<5":
                        Assert.NotNull(cell);
                        Assert.True(cell.IsNumber && cell.Value is null && cell.Filled, $"{cell.Ref} {p.Name} should be a blank grey numeric cell");
                        Assert.NotEqual(0, cell.NumFmtId);
                        break;
                    case JsonValueKind.String:
                        Assert.NotNull(cell);
                        Assert.Equal("inlineStr", cell.Type);
                        var s = p.Value.GetString()!;
                        Assert.Equal(s.Length > 0 && s[0] is '=' or '+' or '-' or '@' ? "'" + s : s, cell.Text);
                        break;
                    case JsonValueKind.Null:
                        Assert.Null(cell);
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        Assert.Equal(p.Value.GetBoolean() ? "ya" : "tidak", cell?.Text);
                        break;
                }
            }
            row++;
        }
        Assert.Equal(sheet.Header.Count, sheet.Widths.Count);
        Assert.True(sheet.FrozenHeader);
    }

    [Fact]
    public async Task Xlsx_from_the_api_holds_the_json_rows_with_number_formats_and_hidden_cells_blank_with_a_note()
    {
        using var response = await http.GetAsync(server.BaseUrl + "/api/kinerja?periode=2026-Q3&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("kinerja-2026-Q3.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var sheet = XlsxSheet.Read(await response.Content.ReadAsByteArrayAsync());
        var api = await Api("/api/kinerja?periode=2026-Q3");
        AssertSameRows(api, sheet);

        // Seed: U01 10 employees, mean SKP 80 (#,##0.00); U02 3 employees, every count hidden — blank, grey, with the note.
        Assert.Equal(["kode_unit", "unit"], sheet.Header.Take(2));
        Assert.Equal("U01", sheet.Cell(2, "kode_unit")!.Text);
        Assert.Equal(80.0, sheet.Cell(2, "mean_nilai_skp")!.Number);
        Assert.Equal("#,##0.00", sheet.Cell(2, "mean_nilai_skp")!.FormatCode);
        Assert.Equal("#,##0", sheet.Cell(2, "n")!.FormatCode);
        var u02 = sheet.Cell(3, "n")!;
        Assert.Null(u02.Value);
        Assert.True(u02.Filled);
        Assert.Null(sheet.Cell(3, "mean_nilai_skp")!.Value);    // the 3 employees' 70,0 is not in the file
        Assert.Contains(sheet.Rows.Values.SelectMany(c => c), c => c.Text?.Contains("kurang dari 5 pegawai", StringComparison.Ordinal) == true);

        // IKM: two decimals, the formula-looking name neutralised, kode_unit beside the unit name.
        var ikm = XlsxSheet.Read(await http.GetByteArrayAsync(server.BaseUrl + "/api/ikm?periode=2026-Q3&format=xlsx"));
        AssertSameRows(await Api("/api/ikm?periode=2026-Q3"), ikm);
        Assert.Equal("#,##0.00", ikm.Cell(2, "ikm")!.FormatCode);
        Assert.Equal(89.72, ikm.Cell(2, "ikm")!.Number);
        Assert.True(ikm.Widths[ikm.Header.ToList().IndexOf("unit")] >= "Kecamatan Ilir Barat I".Length);

        // 20 JP: the year stays 2026 (a plain number, not #,##0), and no NIP or name of an employee in a policy table.
        var jp = XlsxSheet.Read(await http.GetByteArrayAsync(server.BaseUrl + "/api/jp?tahun=2026&format=xlsx"));
        AssertSameRows(await Api("/api/jp?tahun=2026"), jp);
        Assert.Equal(0, jp.Cell(2, "tahun")!.NumFmtId);
        Assert.DoesNotContain("nip", jp.Header);
    }

    [Fact]
    public async Task Hr_xlsx_needs_the_token_and_then_holds_the_unit_list_with_kekurangan_jp()
    {
        using var refused = await http.GetAsync(server.BaseUrl + "/api/hr/jp?tahun=2026&format=xlsx");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + "/api/hr/jp?tahun=2026&unit=U01&format=xlsx");
        request.Headers.Add("X-Dashboard-Token", DashboardServer.Token);
        using var ok = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("no-store", ok.Headers.CacheControl?.ToString());
        Assert.Equal("hr-jp-2026-U01.xlsx", ok.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var sheet = XlsxSheet.Read(await ok.Content.ReadAsByteArrayAsync());
        Assert.Equal(["nip", "nama", "kode_unit", "unit", "tahun", "jp", "kekurangan_jp"], sheet.Header);
        Assert.Equal("199001012015031001", sheet.Cell(2, "nip")!.Text);   // a NIP is text: 18 digits would lose precision as a number
        Assert.Equal(8.0, sheet.Cell(2, "kekurangan_jp")!.Number);
    }

    [Fact]
    public async Task Unduh_xlsx_button_downloads_the_rows_of_the_current_filter()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var page = await Chromium.NewPageAsync(browser, errors, acceptDownloads: true);
        await page.GotoAsync(server.BaseUrl + "/dasbor/ikm");
        await Chromium.TablesReady(page);
        // Change the filter after load: the button must follow it (dashboard.js rewrites the link).
        await page.SelectOptionAsync("#filter-periode", "2026-Q2");
        await page.WaitForFunctionAsync("() => document.querySelector('a.download-xlsx').href.includes('periode=2026-Q2')");
        await Chromium.TablesReady(page);
        Assert.Equal("Unduh XLSX", (await page.InnerTextAsync("a.download-xlsx")).Trim());
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a.download-xlsx"));
        Assert.Equal("ikm-2026-Q2.xlsx", download.SuggestedFilename);
        var path = Path.Combine(ReportSeed.Artifacts("downloads"), download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var sheet = XlsxSheet.Read(await File.ReadAllBytesAsync(path));
        var api = await Api("/api/ikm?periode=2026-Q2");
        AssertSameRows(api, sheet);
        Assert.Equal(api.GetArrayLength(), int.Parse(await page.GetAttributeAsync("table[data-api='/api/ikm']", "data-rows") ?? "-1"));
        Assert.Contains(77.50, Enumerable.Range(2, api.GetArrayLength()).Select(r => sheet.Cell(r, "ikm")!.Number));
        Assert.Empty(errors);
    }
}
