using System.Globalization;
using System.Text.Json;
using Kepegawaian.Reports.Dashboard;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using UglyToad.PdfPig;

namespace Kepegawaian.Reports.Tests.RealMarts;

/// <summary>Reading and rendering on the real mart schema (types as the refresh creates them), checked against SQL over the marts.</summary>
[Collection(RealMartsCollection.Name)]
public sealed class RealMartRenderingTests(RealMartsFixture marts)
{
    /// <summary>The unit rows of the latest quarter, as stored (DECIMAL(5,2) read back through SQL as text, then parsed).</summary>
    private List<(string Kode, double Ikm, long Responden)> LatestUnitIkm(out string periode)
    {
        using var c = marts.Warehouse.Open();
        periode = c.Scalar<string>("SELECT periode FROM mart_ikm WHERE level = 'unit' AND jenis_periode = 'triwulan' ORDER BY periode_mulai DESC LIMIT 1")!;
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT kode_unit, CAST(ikm AS VARCHAR), responden FROM mart_ikm WHERE level = 'unit' AND periode = '{periode}' AND jenis_layanan IS NULL";
        var rows = new List<(string, double, long)>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) rows.Add((r.GetString(0), double.Parse(r.GetString(1), CultureInfo.InvariantCulture), r.GetInt64(2)));
        return rows;
    }

    [Fact]
    public void Reader_gives_every_unit_ikm_of_the_decimal_mart_exactly()
    {
        var expected = LatestUnitIkm(out var periode);
        Assert.NotEmpty(expected);
        var read = marts.Reader().Read().Ikm.Where(r => r.Level == "unit" && r.Periode == periode && r.JenisLayanan is null)
            .ToDictionary(r => r.KodeUnit, r => (r.Ikm, r.Responden));
        Assert.Equal(expected.Count, read.Count);
        foreach (var (kode, ikm, responden) in expected)
        {
            Assert.Equal(ikm, read[kode].Ikm, 10);
            Assert.Equal(responden, read[kode].Responden);
        }
    }

    [Fact]
    public void Dashboard_ikm_table_lists_the_marts_unit_rows_of_the_quarter_worst_last()
    {
        var expected = LatestUnitIkm(out var periode);
        var rows = new DashboardModel(marts.Reader().Read(), ReportText.For("id"), RealMartsFixture.MinCell).IkmTable(new DashboardFilter(periode, null, null));
        Assert.Equal(expected.Count, rows.Count);
        Assert.Equal(expected.OrderByDescending(e => e.Ikm).Select(e => e.Ikm), rows.Select(r => (double)r["ikm"]!));
        Assert.All(rows, r => Assert.Equal(periode, r["kode_periode"]));
    }

    [Fact]
    public void Weekly_report_on_real_marts_writes_html_pdf_and_xlsx_and_its_ikm_table_is_the_marts()
    {
        var builder = marts.Builder();
        var report = builder.Build(RealMartsFixture.Week);
        var table = report.Sections.SelectMany(s => s.Tables).Single(t => t.Name == "ikm_unit");
        var expected = LatestUnitIkm(out _);
        Assert.Equal(expected.Count, table.Rows.Count);
        // Lowest first; IKM is the third column.
        Assert.Equal(expected.Select(e => e.Ikm).Order(), table.Rows.Select(r => (double)r[2]!));

        using var outDir = TempFolder.Create("real-marts-report");
        var files = builder.Write(report, outDir.Path);
        Assert.True(new FileInfo(files.Xlsx).Length > 0);
        var html = File.ReadAllText(files.Html);
        Assert.Contains("Indeks Kepuasan Masyarakat", html);
        using var pdf = PdfDocument.Open(files.Pdf);
        var first = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        Assert.Contains("Perlu tindakan minggu ini", first);
    }

    [Fact]
    public async Task Dashboard_ikm_api_serves_the_marts_decimal_ikm_and_its_csv_has_one_line_per_unit()
    {
        var expected = LatestUnitIkm(out var periode);
        await using var server = await DashboardServer.StartAsync(warehouse: marts.Warehouse);
        using var http = new HttpClient();
        var json = JsonDocument.Parse(await http.GetStringAsync($"{server.BaseUrl}/api/ikm?periode={periode}")).RootElement;
        Assert.Equal(expected.Count, json.GetArrayLength());
        var byUnit = json.EnumerateArray().ToDictionary(r => r.GetProperty("kode_unit").GetString()!, r => r.GetProperty("ikm").GetDouble());
        foreach (var (kode, ikm, _) in expected)
            Assert.Equal(ikm, byUnit[kode], 10);
        // Indonesian CSV: header + one line per unit; the IKM with a decimal comma (e.g. 80,28).
        var csv = (await http.GetStringAsync($"{server.BaseUrl}/api/ikm?periode={periode}&format=csv")).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Count + 1, csv.Length);
        var best = expected.MaxBy(e => e.Ikm);
        Assert.Contains(best.Ikm.ToString("0.00", CultureInfo.GetCultureInfo("id-ID")), csv[1]);
    }
}
