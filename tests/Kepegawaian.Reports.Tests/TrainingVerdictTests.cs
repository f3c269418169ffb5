using System.Text.Json;
using Kepegawaian.Reports.Data;
using Kepegawaian.Reports.Weekly;
using Kepegawaian.Testing;

namespace Kepegawaian.Reports.Tests;

/// <summary>
/// The training verdict (issue 12 item 3): decided by one function from the CI and the adjusted p, shown alike by the
/// brief, the report's tables and the dashboard. Expected values are worked out by hand from Data/seed.sql.
/// </summary>
public sealed class TrainingVerdictTests : IDisposable
{
    private readonly TempWarehouse wh = ReportSeed.Create();

    public void Dispose() => wh.Dispose();

    private static DiklatDampakRow Row(double? att, double? lo, double? hi, long n, double? q, double? pHolm = null, double? p = null) =>
        new("x", "jenis", "ok", att, lo, hi, p, n, n * 2, 0.05, 0.3, 0.5, "bersih", null, null, pHolm) { QBh = q };

    public static TheoryData<DiklatDampakRow, TrainingVerdict> Cases() => new()
    {
        { Row(2.5, 1.0, 4.0, 30, q: 0.003), TrainingVerdict.Efektif },             // CI above 0, q ≤ 0,05
        { Row(0.4, -0.6, 1.4, 12, q: 0.95), TrainingVerdict.TidakTerbukti },       // CI covers 0, 12 ≥ 5 participants
        { Row(0.6, 0.2, 1.0, 30, q: 0.20), TrainingVerdict.TidakTerbukti },        // CI above 0 but not after adjustment for ~25 tests
        { Row(-2.0, -3.0, -1.0, 30, q: 0.01), TrainingVerdict.TidakTerbukti },     // a loss is no gain
        { Row(9.9, 1.0, 18.8, 3, q: 0.04), TrainingVerdict.DataBelumCukup },       // 3 < 5 participants
        { Row(null, null, null, 40, q: null), TrainingVerdict.DataBelumCukup },    // no estimate (status says why)
        { Row(2.0, 0.5, 3.5, 20, q: null, pHolm: 0.01), TrainingVerdict.Efektif }, // older mart: Holm when there is no q
        { Row(2.0, 0.5, 3.5, 20, q: 0.06, pHolm: 0.01), TrainingVerdict.TidakTerbukti }, // q is used before Holm
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verdict_follows_the_interval_the_adjusted_p_and_the_group_size(DiklatDampakRow row, TrainingVerdict expected) =>
        Assert.Equal(expected, TrainingVerdicts.Of(row, minCellSize: 5));

    [Fact]
    public void Report_tables_read_in_plain_language_with_every_Kirkpatrick_level_on_its_scale()
    {
        var report = ReportSeed.Builder(wh).Build(ReportSeed.Week);
        var jenis = report.AllTables.Single(t => t.Name == "diklat_jenis");
        Assert.Equal("Peserta dibandingkan", jenis.Columns[2]);
        Assert.StartsWith("L1 Reaksi (rata-rata, skala 1–5)", jenis.Columns[3], StringComparison.Ordinal);
        Assert.StartsWith("L4 ", jenis.Columns[6], StringComparison.Ordinal);
        // teknis: reaksi 4,2 (28), gain 12,5 [10; 15] (25), ATT 2,5 [1; 4] (30 matched), q 0,003; no level-4 value.
        Assert.Equal(["Teknis", "Efektif", 30L, "4,20 dari 5 (n=28)", "+12,50 (10,00 s.d. 15,00) (n=25)", "+2,50 (1,00 s.d. 4,00)", "tidak ada data"], jenis.Rows[0]);
        // e_learning: 3 matched, 3 reactions, 3 tests — every figure about people hidden.
        var e = jenis.Rows[1];
        Assert.Equal(["E learning", "Data belum cukup"], e[..2]);
        Assert.IsType<SuppressedCell>(e[2]);
        Assert.Equal(["<5", "<5", "<5", "tidak ada data"], e[3..]);
        // Courses in their own table, code kept: ATT 0,4 [−0,6; 1,4] with 12 matched → the interval covers 0.
        var kursus = report.AllTables.Single(t => t.Name == "diklat_kursus");
        Assert.Equal(["LAT-KOM-01", "Tidak terbukti", 12L, "3,90 dari 5 (n=12)", "+4,00 (1,00 s.d. 7,00) (n=10)", "+0,40 (-0,60 s.d. 1,40)", "tidak ada data"], Assert.Single(kursus.Rows));
        Assert.DoesNotContain(jenis.Rows, r => (string)r[0]! == "LAT-KOM-01");

        // Diagnostics folded into the method notes, with the Indonesian decimal comma in the status text.
        var notes = report.AllTables.Single(t => t.Name == "diklat_dampak");
        Assert.StartsWith("Catatan metode", notes.Title, StringComparison.Ordinal);
        Assert.Contains("max SMD 0,124 > 0,1", (string)notes.Rows.Single(r => (string)r[0]! == "LAT-KOM-01")[2]!, StringComparison.Ordinal);

        var section = report.Sections.Single(s => s.Id == "diklat");
        Assert.Contains("Dampak jenis diklat pada kinerja — Efektif: Teknis; Data belum cukup: E learning.", section.Paragraphs);
        Assert.Contains("Belum ada data untuk L4 IKM unit pada kelompok mana pun.", section.Paragraphs);
    }

    [Fact]
    public void Brief_and_table_name_the_same_effective_kinds()
    {
        var report = ReportSeed.Builder(wh).Build(ReportSeed.Week);
        var jenis = report.AllTables.Single(t => t.Name == "diklat_jenis");
        var card = report.Brief.Kpis.Single(k => k.Title == "Dampak diklat pada kinerja");
        int Count(string verdict) => jenis.Rows.Count(r => (string)r[1]! == verdict);
        var effective = jenis.Rows.Where(r => (string)r[1]! == "Efektif").Select(r => (string)r[0]!).ToList();
        Assert.Equal(["Teknis"], effective);
        Assert.Equal($"{effective.Count} dari {jenis.Rows.Count} jenis efektif", card.Value);
        Assert.StartsWith($"efektif: {string.Join(", ", effective.Select(n => n + " ("))}", card.Change, StringComparison.Ordinal);
        Assert.EndsWith($"tidak terbukti {Count("Tidak terbukti")}, data belum cukup {Count("Data belum cukup")}", card.Change, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_training_view_shows_the_report_rows_and_kinds_only_in_the_chart()
    {
        var report = ReportSeed.Builder(wh).Build(ReportSeed.Week);
        await using var server = await DashboardServer.StartAsync();
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-Dashboard-Token", DashboardServer.Token);
        foreach (var (api, table) in new[] { ("/api/hr/diklat/jenis", "diklat_jenis"), ("/api/hr/diklat/kursus", "diklat_kursus") })
        {
            var rows = JsonDocument.Parse(await http.GetStringAsync(server.BaseUrl + api)).RootElement.EnumerateArray()
                .Select(r => (r.GetProperty("kelompok").GetString(), r.GetProperty("putusan").GetString(), r.GetProperty("l3").GetString())).ToList();
            Assert.Equal(report.AllTables.Single(t => t.Name == table).Rows.Select(r => ((string?)r[0], (string?)r[1], (string?)r[5])).ToList(), rows);
        }
        // The chart: kinds by readable name, as in the report; the course row is not mixed in.
        var chart = new Kepegawaian.Reports.Dashboard.DashboardModel(new ReportDataReader(wh.Database).Read(), ReportText.Indonesian, 5).DiklatForestChart();
        _ = Kepegawaian.Reports.Charts.ChartStyle.Png(chart);
        var labels = chart.Axes.Left.TickGenerator.Ticks.Select(t => t.Label).ToList();
        Assert.Contains("Teknis (n=30)", labels);
        Assert.DoesNotContain(labels, l => l.Contains("LAT-KOM", StringComparison.Ordinal) || l.Contains('_', StringComparison.Ordinal));

        var page = await http.GetStringAsync(server.BaseUrl + "/hr/diklat");
        Assert.Contains(">Catatan metode<", page, StringComparison.Ordinal);
        Assert.Contains(">E learning<", page, StringComparison.Ordinal);   // filter option text readable, value the code
        Assert.Contains("value=\"e_learning\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"teknis\" selected>Teknis</option>", page, StringComparison.Ordinal); // the group the event chart shows
    }
}
