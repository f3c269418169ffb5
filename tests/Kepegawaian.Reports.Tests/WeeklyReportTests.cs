using Kepegawaian.Reports.Weekly;
using Kepegawaian.Testing;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Kepegawaian.Reports.Tests;

public sealed class WeeklyReportTests : IDisposable
{
    private readonly TempWarehouse wh = ReportSeed.Create();
    private readonly TempFolder outDir = TempFolder.Create("report");

    public void Dispose()
    {
        wh.Dispose();
        outDir.Dispose();
    }

    private WeeklyReportFiles Write(string language = "id") =>
        ReportSeed.Builder(wh, language).BuildAsync(ReportSeed.Week, outDir.Path).GetAwaiter().GetResult();

    [Fact]
    public void Brief_reports_the_city_ikm_change_and_the_data_loaded_up_to_the_report()
    {
        var report = ReportSeed.Builder(wh).Build(ReportSeed.Week);
        // 82,15 − 80,00 = +2,15; the 2027-Q1 row lies after the week and is not used.
        var ikm = report.Brief.Kpis.Single(k => k.Title == "IKM Kota");
        Assert.Equal(("Triwulan III 2026", "82,15 (B Baik)", "+2,15 dibanding Triwulan II 2026"), (ikm.Period, ikm.Value, ikm.Change));
        // Files started from Monday 16 Nov 00:00 WIB up to the build (Monday 23 Nov 07:00 WIB): the skm file of
        // 18 Nov and the pegawai file of 23 Nov 06:30 (1 234 + 100 rows, 6 rejected); not 1 Nov, not 23 Nov 09:00.
        Assert.Equal("Data baru sejak 16 November 2026: 2 berkas, 1.334 baris dimuat (pegawai 100, skm 1.234), 6 baris ditolak.", report.Brief.DataStatus);
        Assert.Equal("Data per 23 November 2026 06.30 WIB", report.Brief.DataThrough);
        Assert.Equal(report.Brief.DataStatus, report.Summary[0]);
    }

    [Fact]
    public void Leave_median_is_the_median_of_all_requests_not_an_average_of_cell_medians()
    {
        var report = ReportSeed.Builder(wh).Build(ReportSeed.Week);
        // November (the latest month): online 14 requests, KM median 2,5; manual 6 requests, all pending, median not
        // estimable; all 20: KM median 3,5 with 6 pending, month not over → not stable, so no better/worse tone yet.
        // October, the month before: online 2,0, manual 5,0; all 16 requests median 3,0 (averaging the channel
        // medians would give 3,1).
        var cuti = report.Brief.Kpis.Single(k => k.Title.StartsWith("Median proses cuti", StringComparison.Ordinal));
        Assert.Equal("online 2,5 · manual –", cuti.Value);
        Assert.Equal("semua 3,5 (6 masih diproses, belum stabil); Oktober: 3,0 (online 2,0 · manual 5,0)", cuti.Change);
        Assert.Equal(KpiTone.Neutral, cuti.Tone);
    }

    [Fact]
    public void Leave_table_shows_pending_requests_and_estimates_that_are_not_final()
    {
        var report = ReportSeed.Builder(wh).Build(ReportSeed.Week);
        var table = report.AllTables.Single(t => t.Name == "cuti_waktu");
        Assert.Contains("November 2026 (berjalan)", table.Title, StringComparison.Ordinal); // the report week ends 22 Nov
        // Unit, Kanal, Pengajuan, Masih diproses, Median hk, P90 hk, Median jam, Catatan (seed.sql, November rows)
        var manual = table.Rows.Single(r => (string?)r[1] == "manual");
        Assert.Equal([6L, 6L, null, null, null, "median belum dapat diestimasi"], manual.Skip(2).ToArray());
        var online = table.Rows.Single(r => (string?)r[1] == "online");
        Assert.Equal([14L, 0L, 2.5, 4.0, 60.0, "belum stabil"], online.Skip(2).ToArray());
    }

    [Fact]
    public void Training_chart_shows_the_kinds_of_training_by_readable_name()
    {
        var report = ReportSeed.Builder(wh).Build(ReportSeed.Week);
        var chart = report.AllCharts.Single(c => c.Name == "diklat_dampak");
        _ = chart.Png;   // the tick labels exist once the chart is laid out
        var forest = chart.Plot;
        var labels = forest.Axes.Left.TickGenerator.Ticks.Select(t => t.Label).ToList();
        // Seed: teknis (30 matched) and e_learning (3 matched: no estimate); no raw codes on the axis.
        Assert.Contains("Teknis (n=30)", labels);
        Assert.Contains(labels, l => l.StartsWith("E learning", StringComparison.Ordinal));
        Assert.DoesNotContain(labels, l => l.Contains('_', StringComparison.Ordinal));
    }

    [Fact]
    public void Cells_describing_fewer_than_five_employees_are_suppressed()
    {
        var report = ReportSeed.Builder(wh).Build(ReportSeed.Week);
        var kinerja = report.AllTables.Single(t => t.Name == "kinerja_unit");
        var u02 = kinerja.Rows.Single(r => (string)r[0]! == "Kecamatan Ilir Barat I");
        Assert.All(u02.Skip(1), c => Assert.IsType<SuppressedCell>(c));
        var u01 = kinerja.Rows.Single(r => (string)r[0]! == "Dinas Kependudukan");
        Assert.Equal(10L, u01[1]);
        var dampak = report.AllTables.Single(t => t.Name == "diklat_dampak");
        Assert.Equal("<5", dampak.Rows.Single(r => (string)r[0]! == "E learning")[3]?.ToString()); // 3 treated: no ATT shown
        Assert.Equal(2.5, dampak.Rows.Single(r => (string)r[0]! == "Teknis")[3]);
        var jp = report.AllTables.Single(t => t.Name == "jp_unit");
        Assert.Equal(75.0, jp.Rows.Single(r => (string)r[0]! == "Dinas Kependudukan")[3]);
        Assert.Equal("<5", jp.Rows.Single(r => (string)r[0]! == "Kecamatan Ilir Barat I")[3]?.ToString());
    }

    [Fact]
    public void Html_is_self_contained_escapes_unit_names_and_carries_no_nip_or_name()
    {
        var html = File.ReadAllText(Write().Html);
        Assert.Contains("data:image/png;base64,", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("199001012015031001", html);
        Assert.DoesNotContain("Budi Santoso", html);
        // Executive page first, then the sections, then the annex of tables.
        Assert.True(html.IndexOf("Perlu tindakan minggu ini", StringComparison.Ordinal) < html.IndexOf("id=\"ikm\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"ikm\"", StringComparison.Ordinal) < html.IndexOf("data-name=\"ikm_unit\"", StringComparison.Ordinal));
        Assert.Contains("mutu turun dari B ke C", html);
    }

    [Fact]
    public void English_by_option()
    {
        var report = ReportSeed.Builder(wh, "en").Build(ReportSeed.Week);
        Assert.Contains("City IKM (Quarter 3 2026): 82.15 (B Baik); +2.15 vs Quarter 2 2026.", report.Summary);
        Assert.StartsWith("Weekly", report.Title);
    }

    [Fact]
    public void Pdf_starts_with_the_executive_page_and_numbers_every_page()
    {
        var files = Write();
        using var pdf = PdfDocument.Open(files.Pdf);
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        Assert.Contains("Laporan", pages[0]);
        Assert.Contains("82,15", pages[0]);
        Assert.Contains("Perlu tindakan minggu ini", pages[0]);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Halaman {i + 1} dari {pages.Count}", pages[i]);
            Assert.Contains("Data per 23 November 2026 06.30 WIB", pages[i]);
        }
        var all = string.Join(" ", pages);
        Assert.Contains("Kepatuhan", all);
        Assert.DoesNotContain("199001012015031001", all);
        File.Copy(files.Pdf, Path.Combine(ReportSeed.Artifacts("report"), "weekly.pdf"), true);
        File.Copy(files.Html, Path.Combine(ReportSeed.Artifacts("report"), "weekly.html"), true);
    }

    [Fact]
    public void Xlsx_and_csv_neutralise_formula_cells()
    {
        var files = Write();
        var sheets = MiniExcel.GetSheetNames(files.Xlsx);
        Assert.Contains("IKM per unit", sheets);
        Assert.Contains("Peringatan", sheets);
        var rows = MiniExcel.Query(files.Xlsx, useHeaderRow: true, sheetName: "IKM per unit").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["Unit"] == "'=HYPERLINK(\"http://x\")");
        Assert.Equal(60.0, Convert.ToDouble(rows.Single(r => ((string?)r["Unit"])!.Contains("HYPERLINK", StringComparison.Ordinal))["IKM"]));
        var csv = File.ReadAllText(files.Csv.Single(p => p.EndsWith("ikm_unit.csv", StringComparison.Ordinal)));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv);
        Assert.Equal(files.Charts.Count, Directory.GetFiles(Path.Combine(outDir.Path, "grafik"), "*.png").Length);
    }

    [Fact]
    public void A_warehouse_without_marts_still_gives_a_report()
    {
        using var empty = new TempWarehouse();
        var report = ReportSeed.Builder(empty).Build(ReportSeed.Week);
        Assert.Equal("Tidak ada data baru yang dimuat sejak 16 November 2026.", report.Summary[0]);
        Assert.Contains(report.AllCharts, c => c.Name == "ikm_unit");
    }

    [Fact]
    public void Series_keep_one_period_kind_when_a_mart_mixes_months_quarters_and_years()
    {
        string[] periods = ["2026-09", "2026-Q3", "2026", "2026-10"];
        Assert.Equal(["2026-09", "2026-10"], Content.PageFigures.PreferKind(periods, p => p, Analytics.Common.PeriodeKind.Bulan));
        Assert.Equal(["2026"], Content.PageFigures.PreferKind(["2026"], p => p, Analytics.Common.PeriodeKind.Bulan));
    }

    [Fact]
    public void Default_week_is_the_last_complete_iso_week_in_Jakarta()
    {
        var jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        // Sunday 22 Nov 2026 23:30 WIB = 16:30 UTC: week 47 is not complete yet.
        Assert.Equal("2026-W46", ReportWeeks.LastComplete(new DateTimeOffset(2026, 11, 22, 16, 30, 0, TimeSpan.Zero), jakarta).ToString());
        // Monday 23 Nov 00:30 WIB = Sunday 17:30 UTC: week 47 has ended in Jakarta although not in UTC.
        Assert.Equal("2026-W47", ReportWeeks.LastComplete(new DateTimeOffset(2026, 11, 22, 17, 30, 0, TimeSpan.Zero), jakarta).ToString());
        Assert.Equal("2026-W53", ReportWeeks.LastComplete(new DateTimeOffset(2027, 1, 4, 1, 0, 0, TimeSpan.Zero), jakarta).ToString());
        Assert.Throws<FormatException>(() => ReportWeeks.Parse("2026-13"));
    }

    [Fact]
    public async Task Concurrent_builders_of_one_week_share_one_complete_folder()
    {
        // Schedulers finishing at once: none may delete the folder another is reading to send.
        for (var round = 0; round < 3; round++)
        {
            var dir = Path.Combine(outDir.Path, $"round{round}", ReportSeed.Week.ToString());
            var builds = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            {
                var f = ReportSeed.Builder(wh).BuildOnce(ReportSeed.Week, dir);
                return (f, Pdf: File.ReadAllBytes(f.Pdf), Html: File.ReadAllText(f.EmailHtml));
            })).ToArray();
            var results = await Task.WhenAll(builds);
            Assert.All(results, r => Assert.True(r.Pdf.Length > 0 && r.Html.Length > 0));
            Assert.Single(results.Select(r => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(r.Pdf))).Distinct());
            Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(dir)!, "*.tmp-*"));
        }
    }
}
