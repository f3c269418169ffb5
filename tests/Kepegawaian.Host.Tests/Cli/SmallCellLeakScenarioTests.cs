using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kepegawaian.Etl.Synthetic;
using Kepegawaian.Service.Cli;
using Kepegawaian.Service.Hosting;
using Kepegawaian.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary>
/// A small synthetic city (many units of under 10 employees) through ETL, refresh, the weekly
/// report, the CLI (JSON, CSV, csv-id) and the dashboard API; every output is scanned for
/// (a) an employee count of 1..4 and (b) a hidden count that follows by subtraction
/// (total − shown parts in 1..4). The scan knows the outputs' layouts, not the code's rule.
/// </summary>
public sealed class SmallCellLeakScenarioTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private const int Min = 5;

    /// <summary>A total, its shown parts (a part missing or hidden counts as hidden), and the lone count columns.</summary>
    private sealed record Layout(string? Total, string[] Parts, params string[] Counts);

    private static readonly Layout KinerjaCli = new("n", ["n_sangat_baik", "n_baik", "n_butuh_perbaikan", "n_kurang", "n_sangat_kurang"]);
    private static readonly Layout JpCli = new("pegawai", ["patuh"]);
    private static readonly Layout RingkasCli = new("n", ["n_diputus"]);
    private static readonly Layout TertundaCli = new("n_jatuh_tempo", ["n_tertunda"]);
    private static readonly Layout DampakCli = new(null, [], "n_treated", "n_control", "n_peserta_lulus", "n_reaksi", "n_test");
    private static readonly Layout EventCli = new(null, [], "n");
    // penempatan (issue 15): a row = pegawai with its parts (window, later years, past BUP, no BUP, the unpublished rest);
    // the window = years 1 and 2; tenure: pegawai = beyond 5 years + the rest, for unit and position.
    private static readonly Layout PensiunCli = new("pegawai", ["pensiun_jendela", "pensiun_3", "pensiun_4", "pensiun_5", "lewat_bup", "tanpa_bup"]);
    private static readonly Layout PensiunJendelaCli = new("pensiun_jendela", ["pensiun_1", "pensiun_2"]);
    private static readonly Layout MasaKerjaUnitCli = new("pegawai", ["n_unit_lebih_5"], "masuk_12_bulan", "keluar_12_bulan", "pensiun_12_bulan", "berhenti_12_bulan");
    private static readonly Layout MasaKerjaJabatanCli = new("pegawai", ["n_jabatan_lebih_5"]);
    // beban: the unit's headcount is the only employee count (respondents are citizens; tambahan_pegawai is a staffing gap).
    private static readonly Layout BebanCli = new(null, [], "pegawai");
    // kesesuaian / formasi: a row = pegawai with its parts; within a unit "semua" = Σ groups, the city (KOTA) = Σ units (ScanGroups).
    private static readonly Layout KesesuaianCli = new("pegawai", ["kurang", "sesuai", "tidak_diketahui"]);
    private static readonly Layout FormasiCli = new("pegawai", ["gol_i", "gol_ii", "gol_iii", "gol_iv", "pppk", "golongan_tidak_diketahui"]);
    private static readonly Layout KinerjaApi = new("n", ["baik_atau_lebih", "butuh_perbaikan", "kurang_atau_lebih_buruk"]);
    private static readonly Layout JpApi = new("pegawai", ["patuh"]);
    private static readonly Layout CutiApi = new(null, [], "n");
    private static readonly Layout DiklatApi = new(null, [], "n_treated", "n_control");
    private static readonly Layout KinerjaReport = new("Pegawai", ["Sangat Baik + Baik", "Butuh Perbaikan", "Kurang + Sangat Kurang"]);
    private static readonly Layout JpReport = new("Pegawai", ["Patuh"]);
    private static readonly Layout CutiReport = new(null, [], "Pengajuan");
    private static readonly Layout DampakReport = new(null, [], "n diklat", "n kontrol");
    private static readonly Layout PlainReport = new(null, [], "Peserta dibandingkan");

    private readonly List<string> leaks = [];
    private int cellsChecked;

    [Fact]
    [Trait("Category", "Scenario")]
    public async Task No_output_of_a_small_city_shows_or_implies_a_count_below_five()
    {
        using var folder = TempFolder.Create("smallcell");
        var inbox = folder.Sub("inbox");
        var db = folder.File("k.duckdb");
        await SyntheticGenerator.GenerateAsync(new GeneratorOptions { OutDir = inbox, Employees = 1000, Years = 2, EndDate = new DateOnly(2026, 11, 20) });
        Assert.Equal(0, (await Run("etl", "--db", db, "--inbox", inbox)).Code);

        // Control: the raw marts of this city do hold small cells, and the scan finds them.
        using (var c = new Kepegawaian.Warehouse.WarehouseDatabase(Microsoft.Extensions.Options.Options.Create(new Kepegawaian.Warehouse.WarehouseOptions { Path = db })).Open(readOnly: true))
        {
            Scan("raw mart", ResultWriter.Cells(Kepegawaian.Analytics.Performance.KinerjaQueries.Units(c))
                .Select(r => r.ToDictionary(k => k.Key, k => k.Value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : k.Value?.ToString())).ToList(), KinerjaCli);
            var raw = leaks.Count;
            log.WriteLine($"control: {raw} small or derivable cells in the raw kinerja mart ({cellsChecked} counts)");
            Assert.True(raw > 50, $"the control city has only {raw} small cells");
            leaks.Clear();
            cellsChecked = 0;
        }

        // ---- CLI: every aggregate view, JSON (and the grids' totals across rows where the city is a row)
        foreach (var (args, layout, name) in new (string[], Layout, string)[]
        {
            (["kinerja"], KinerjaCli, "kinerja"), (["kinerja", "--period", "2026"], KinerjaCli, "kinerja 2026"),
            (["kinerja", "--show", "rincian"], KinerjaCli, "kinerja rincian"),
            (["diklat", "--show", "jp-unit"], JpCli, "jp-unit"), (["diklat", "--show", "cakupan"], JpCli, "cakupan"),
            (["diklat"], DampakCli, "dampak"), (["diklat", "--show", "event"], EventCli, "event"),
            (["efisiensi"], RingkasCli, "efisiensi"), (["efisiensi", "--period", "2026-10"], RingkasCli, "efisiensi 2026-10"),
            (["efisiensi", "--view", "tertunda"], TertundaCli, "tertunda"),
            (["penempatan"], PensiunCli, "penempatan pensiun"), (["penempatan"], PensiunJendelaCli, "penempatan pensiun jendela"),
            (["penempatan", "--show", "masa-kerja"], MasaKerjaUnitCli, "penempatan masa-kerja"),
            (["penempatan", "--show", "masa-kerja"], MasaKerjaJabatanCli, "penempatan masa-kerja jabatan"),
            (["penempatan", "--show", "mutasi"], EventCli, "penempatan mutasi"),
            (["penempatan", "--show", "beban"], BebanCli, "penempatan beban"),
            (["penempatan", "--show", "layanan"], BebanCli, "penempatan layanan"),
            (["penempatan", "--show", "kesesuaian"], KesesuaianCli, "penempatan kesesuaian"),
            (["penempatan", "--show", "formasi"], FormasiCli, "penempatan formasi"),
        })
        {
            var (code, json, err) = await Run([.. args, "--db", db, "--format", "json"]);
            Assert.True(code == 0, err);
            var rows = JsonRows(json);
            Scan(name, rows, layout);
            if (name.StartsWith("efisiensi", StringComparison.Ordinal)) ScanColumn(name, rows, "KOTA", "n");
            if (name == "penempatan kesesuaian") ScanGroups(name, rows, "kelompok", [layout.Total!, .. layout.Parts]);
            if (name == "penempatan formasi") ScanGroups(name, rows, "jenis_jabatan", [layout.Total!, .. layout.Parts]);
            // The same view as machine CSV and csv-id: the same cells.
            var csv = await Run([.. args, "--db", db, "--format", "csv"]);
            Scan(name + " csv", CsvRows(csv.Out, ','), layout);
            var csvId = await Run([.. args, "--db", db, "--format", "csv-id"]);
            Scan(name + " csv-id", CsvRows(csvId.Out.TrimStart('\uFEFF'), ';', indonesian: true), layout);
        }

        // ---- weekly report: table CSVs, XLSX sheets and HTML tables
        var outDir = folder.Sub("report");
        Assert.Equal(0, (await Run("report", "weekly", "--db", db, "--week", "2026-W46", "--out", outDir)).Code);
        var tables = Directory.GetFiles(Path.Combine(outDir, "tabel"), "*.csv");
        var reportLayouts = new Dictionary<string, Layout>
        {
            ["kinerja_unit"] = KinerjaReport, ["jp_unit"] = JpReport, ["cuti_waktu"] = CutiReport, ["diklat_dampak"] = DampakReport, ["diklat_jenis"] = PlainReport, ["diklat_kursus"] = PlainReport,
        };
        foreach (var (table, layout) in reportLayouts)
        {
            var csv = tables.Single(p => p.EndsWith($"-{table}.csv", StringComparison.Ordinal));
            Scan("tabel " + table, CsvRows(File.ReadAllText(csv).TrimStart('\uFEFF'), ';', indonesian: true), layout);
        }
        var xlsx = Directory.GetFiles(outDir, "*.xlsx").Single();
        foreach (var (sheet, layout) in new[] { ("Kinerja per unit", KinerjaReport), ("Kepatuhan 20 JP", JpReport), ("Waktu proses cuti", CutiReport), ("Catatan metode diklat", DampakReport), ("Diklat per jenis", PlainReport), ("Diklat per mata diklat", PlainReport) })
            Scan("xlsx " + sheet, MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()
                .Select(r => r.ToDictionary(k => k.Key, k => k.Value is double d ? d.ToString(CultureInfo.InvariantCulture) : k.Value?.ToString())).ToList(), layout);
        var html = File.ReadAllText(Directory.GetFiles(outDir, "laporan-mingguan-*.html").Single(p => !p.EndsWith(".email.html", StringComparison.Ordinal)));
        foreach (var (table, layout) in reportLayouts) Scan("html " + table, HtmlRows(html, table), layout);

        // ---- dashboard API as `serve` composes it
        await using (var app = ServiceHost.Build([$"--Etl:Inbox={folder.Sub("empty")}", "--Dashboard:Token=rahasia-hr-1234567"], db, "http://127.0.0.1:0"))
        {
            await app.StartAsync();
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
                http.DefaultRequestHeaders.Add("X-Dashboard-Token", "rahasia-hr-1234567");
                var filter = JsonDocument.Parse(await http.GetStringAsync("/api/filter")).RootElement;
                Scan("api kinerja", JsonRows(await http.GetStringAsync("/api/kinerja")), KinerjaApi);
                Scan("api jp", JsonRows(await http.GetStringAsync("/api/jp")), JpApi);
                Scan("api cuti", JsonRows(await http.GetStringAsync("/api/cuti")), CutiApi);
                Scan("api hr diklat", JsonRows(await http.GetStringAsync("/api/hr/diklat")), DiklatApi);
                Scan("api penempatan pensiun", JsonRows(await http.GetStringAsync("/api/penempatan/pensiun")), new Layout("pegawai", ["pensiun_jendela", "pensiun_3", "pensiun_4", "pensiun_5"]));
                Scan("api penempatan masa-kerja", JsonRows(await http.GetStringAsync("/api/penempatan/masa-kerja")),
                    new Layout(null, [], "pegawai", "masuk_12_bulan", "keluar_12_bulan", "pensiun_12_bulan", "berhenti_12_bulan"));
                Scan("api penempatan beban", JsonRows(await http.GetStringAsync("/api/penempatan/beban")), BebanCli);
                Scan("api penempatan layanan", JsonRows(await http.GetStringAsync("/api/penempatan/layanan")), BebanCli);
                Scan("api penempatan kesesuaian", JsonRows(await http.GetStringAsync("/api/penempatan/kesesuaian")), new Layout("pegawai", ["kurang", "tidak_diketahui"]));
                Scan("api penempatan formasi", JsonRows(await http.GetStringAsync("/api/penempatan/formasi")), FormasiCli);
                var units = JsonRows(await http.GetStringAsync("/api/jp")).Select(r => r["kode_unit"]).OfType<string>().Take(40).ToList();
                foreach (var u in units)
                {
                    Scan("api cuti " + u, JsonRows(await http.GetStringAsync($"/api/cuti?unit={u}")), CutiApi);
                    Scan("api kinerja " + u, JsonRows(await http.GetStringAsync($"/api/kinerja?unit={u}")), KinerjaApi);
                }
                // The drill-down (issue 12.4): areas, then each area's units (the same cells as /api/jp).
                var areas = JsonRows(await http.GetStringAsync("/api/wilayah"));
                Scan("api wilayah", areas, JpApi);
                foreach (var a in areas.Select(r => r["kode_area"]).OfType<string>())
                    Scan("api wilayah " + a, JsonRows(await http.GetStringAsync($"/api/wilayah/unit?area={a}")), JpApi);
                _ = filter;
            }
            finally
            {
                await app.StopAsync();
            }
        }

        log.WriteLine($"{cellsChecked} published count cells scanned, {leaks.Count} leaks");
        Assert.True(cellsChecked > 2000, $"only {cellsChecked} count cells scanned");
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks, e.g.:\n" + string.Join("\n", leaks.Take(20)));
    }

    // ------------------------------------------------------------------ the scan
    /// <summary>Cells arrive with invariant numbers (see the readers); anything else ("&lt;5", text) is no count.</summary>
    private static long? Count(string? cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? (long)Math.Round(v) : null;

    /// <summary>Indonesian number text (1.234,5) to invariant (1234.5).</summary>
    private static string? Invariant(string? cell, bool grouped) =>
        cell is null ? null : (grouped ? cell.Replace(".", "", StringComparison.Ordinal) : cell).Replace(',', '.');

    private void Scan(string output, IReadOnlyList<Dictionary<string, string?>> rows, Layout layout)
    {
        foreach (var row in rows)
        {
            string Where() => $"{output}: {string.Join(", ", row.Where(c => c.Value is not null).Take(4).Select(c => $"{c.Key}={c.Value}"))}";
            foreach (var col in layout.Parts.Concat(layout.Counts).Concat(layout.Total is null ? [] : [layout.Total]))
            {
                Assert.True(row.ContainsKey(col), $"{output} has no column '{col}' ({string.Join(", ", row.Keys)})");
                if (Count(row[col]) is { } n)
                {
                    cellsChecked++;
                    if (n is > 0 and < Min) leaks.Add($"{Where()} — {col} = {n}");
                }
            }
            if (layout.Total is { } t && Count(row[t]) is { } total)
            {
                var rest = total - layout.Parts.Sum(p => Count(row[p]) ?? 0);
                if (rest is > 0 and < Min) leaks.Add($"{Where()} — {t} minus shown parts = {rest}");
            }
        }
    }

    /// <summary>Rows of one period and the city row: city − shown units must not be 1..4.</summary>
    private void ScanColumn(string output, IReadOnlyList<Dictionary<string, string?>> rows, string cityKey, string column)
    {
        foreach (var g in rows.GroupBy(r => r["periode"]))
        {
            if (g.FirstOrDefault(r => r["kode_unit"] == cityKey) is not { } city || Count(city[column]) is not { } total) continue;
            var rest = total - g.Where(r => r["kode_unit"] != cityKey).Sum(r => Count(r[column]) ?? 0);
            if (rest is > 0 and < Min) leaks.Add($"{output} {g.Key}: {cityKey} {column} minus shown units = {rest}");
        }
    }

    /// <summary>Within each unit its "semua" row minus its shown groups, and per group the city (KOTA) minus its shown units: never 1..4.</summary>
    private void ScanGroups(string output, IReadOnlyList<Dictionary<string, string?>> rows, string groupKey, string[] columns)
    {
        foreach (var column in columns)
        {
            foreach (var u in rows.GroupBy(r => r["kode_unit"]))
                if (u.FirstOrDefault(r => r[groupKey] == "semua") is { } all && Count(all[column]) is { } total
                    && total - u.Where(r => r[groupKey] != "semua").Sum(r => Count(r[column]) ?? 0) is var rest && rest is > 0 and < Min)
                    leaks.Add($"{output} {u.Key}: semua {column} minus shown groups = {rest}");
            foreach (var g in rows.GroupBy(r => r[groupKey]))
                if (g.FirstOrDefault(r => r["kode_unit"] == "KOTA") is { } city && Count(city[column]) is { } total
                    && total - g.Where(r => r["kode_unit"] != "KOTA").Sum(r => Count(r[column]) ?? 0) is var rest && rest is > 0 and < Min)
                    leaks.Add($"{output} {g.Key}: KOTA {column} minus shown units = {rest}");
        }
    }

    // ------------------------------------------------------------------ readers (independent of the writers)
    private static List<Dictionary<string, string?>> JsonRows(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateArray().Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => p.Value.GetRawText(),
            JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        })).ToList();

    private static List<Dictionary<string, string?>> CsvRows(string text, char sep, bool indonesian = false)
    {
        var all = Rfc4180.Parse(text, sep);
        var header = all[0];
        return all.Skip(1).Select(r => header.Select((h, i) => (h, v: i < r.Count && r[i] != "" ? (indonesian ? Invariant(r[i], false) : r[i]) : null)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().v)).ToList();
    }

    private static List<Dictionary<string, string?>> HtmlRows(string html, string table)
    {
        var m = Regex.Match(html, $"<table data-name=\"{table}\">(.*?)</table>", RegexOptions.Singleline);
        if (!m.Success) return [];
        var header = Regex.Matches(m.Groups[1].Value, "<th>(.*?)</th>").Select(x => System.Net.WebUtility.HtmlDecode(x.Groups[1].Value)).ToList();
        return Regex.Matches(m.Groups[1].Value, "<tr>(.*?)</tr>", RegexOptions.Singleline).Skip(1)
            .Select(tr => Regex.Matches(tr.Groups[1].Value, "<td[^>]*>(.*?)</td>").Select(x => System.Net.WebUtility.HtmlDecode(x.Groups[1].Value)).ToList())
            .Where(cells => cells.Count == header.Count)
            .Select(cells => header.Select((h, i) => (h, v: cells[i] is "–" or "" ? null : Invariant(cells[i], true))).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().v)).ToList();
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}
