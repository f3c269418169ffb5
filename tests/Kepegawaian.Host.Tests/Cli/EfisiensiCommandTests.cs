using System.Text.Json;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Cli;

public sealed class EfisiensiCommandTests
{
    [Fact]
    public async Task Summary_per_unit_reads_a_read_only_warehouse()
    {
        // U1: Fri 20 Nov 2026 15:00 → Mon 23 Nov 09:00 (66 h, 0.75 working days), online;
        //     Tue 24 Nov 08:00 → 14:00 (6 h, 0.25), manual. Median of two = mean: 36 h, 0.5 wd; share online 0.5.
        using var wh = new TempWarehouse();
        using (var c = wh.Open())
        {
            c.Execute("""
                INSERT INTO fact_cuti VALUES
                  ('C1', '199001012015011001', 'tahunan', 'online', TIMESTAMP '2026-11-20 15:00', TIMESTAMP '2026-11-23 09:00', 'disetujui', DATE '2026-12-01', DATE '2026-12-02', 2, 'U1', 0, 0),
                  ('C2', '199001012015011001', 'tahunan', 'manual', TIMESTAMP '2026-11-24 08:00', TIMESTAMP '2026-11-24 14:00', 'disetujui', DATE '2026-12-01', DATE '2026-12-02', 2, 'U1', 0, 0)
                """);
        }
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(["efisiensi", "--db", wh.Path, "--period", "2026-11", "--unit", "U1", "--format", "json"], o, e);
        Assert.True(code == 0, e.ToString());
        var row = Assert.Single(JsonDocument.Parse(o.ToString()).RootElement.EnumerateArray());
        Assert.Equal("U1", row.GetProperty("kode_unit").GetString());
        Assert.Equal("2026-11", row.GetProperty("periode").GetString());
        // Two requests: the count and every figure over them are suppressed (fewer than 5).
        foreach (var f in new[] { "n", "n_diputus", "share_online", "median_jam", "median_hari_kerja" })
            Assert.Equal(JsonValueKind.Null, row.GetProperty(f).ValueKind);
    }

    [Fact]
    public async Task By_kanal_answers_how_much_faster_online_is_with_pending_requests_counted()
    {
        // Tue 24 Nov 2026, all submitted 08:00. Online (U1): decided after 1, 2, 3 h → median 2 h, p90 2 + 0.8·1 = 2.8 h.
        // Manual (U2): decided after 4, 6, 8 h and one pending; data-through = 16:00, so it is censored at 8 h (tied with
        // the 8 h decision, still at risk there). At risk 4, 3, 2 → Ŝ = 3/4, 1/2, 1/4 → W = 4·(1 − Ŝ) = 1, 2, 3.
        // Median h = 1 + 3·0.5 = 2.5 → V(2) = 6, V(3) = 8 → 7 h (leaving the pending one out would say 6 h).
        // p90 h = 3.7 needs W ≥ 4 → not estimable.
        using var wh = new TempWarehouse();
        using (var c = wh.Open())
        {
            c.Execute("""
                INSERT INTO fact_cuti VALUES
                  ('O1', '199001012015011001', 'tahunan', 'online', TIMESTAMP '2026-11-24 08:00', TIMESTAMP '2026-11-24 09:00', 'disetujui', DATE '2026-12-01', DATE '2026-12-02', 2, 'U1', 0, 0),
                  ('O2', '199001012015011001', 'tahunan', 'online', TIMESTAMP '2026-11-24 08:00', TIMESTAMP '2026-11-24 10:00', 'disetujui', DATE '2026-12-01', DATE '2026-12-02', 2, 'U1', 0, 0),
                  ('O3', '199001012015011001', 'tahunan', 'online', TIMESTAMP '2026-11-24 08:00', TIMESTAMP '2026-11-24 11:00', 'disetujui', DATE '2026-12-01', DATE '2026-12-02', 2, 'U1', 0, 0),
                  ('M1', '199001012015011001', 'tahunan', 'manual', TIMESTAMP '2026-11-24 08:00', TIMESTAMP '2026-11-24 12:00', 'disetujui', DATE '2026-12-01', DATE '2026-12-02', 2, 'U2', 0, 0),
                  ('M2', '199001012015011001', 'tahunan', 'manual', TIMESTAMP '2026-11-24 08:00', TIMESTAMP '2026-11-24 14:00', 'disetujui', DATE '2026-12-01', DATE '2026-12-02', 2, 'U2', 0, 0),
                  ('M3', '199001012015011001', 'tahunan', 'manual', TIMESTAMP '2026-11-24 08:00', TIMESTAMP '2026-11-24 16:00', 'disetujui', DATE '2026-12-01', DATE '2026-12-02', 2, 'U2', 0, 0),
                  ('M4', '199001012015011001', 'tahunan', 'manual', TIMESTAMP '2026-11-24 08:00', NULL, 'diajukan', DATE '2026-12-01', DATE '2026-12-02', 2, 'U2', 0, 0)
                """);
        }
        var json = await Efisiensi(wh, "--period", "2026-11", "--by", "kanal", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Error);
        var rows = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("kanal").GetString()!);
        Assert.Equal(["manual", "online"], rows.Keys.Order());
        var online = rows["online"];
        Assert.Equal(("KOTA", 3L, 0L), (online.GetProperty("kode_unit").GetString(), online.GetProperty("n").GetInt64(), online.GetProperty("n_tertunda").GetInt64()));
        Assert.Equal(2.0, online.GetProperty("median_jam").GetDouble(), 9);
        Assert.Equal(2.8, online.GetProperty("p90_jam").GetDouble(), 9);
        Assert.Equal(2.0 / 24, online.GetProperty("median_hari_kerja").GetDouble(), 9);
        var manual = rows["manual"];
        Assert.Equal((4L, 3L, 1L), (manual.GetProperty("n").GetInt64(), manual.GetProperty("n_diputus").GetInt64(), manual.GetProperty("n_tertunda").GetInt64()));
        Assert.Equal(7.0, manual.GetProperty("median_jam").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, manual.GetProperty("p90_jam").ValueKind);
        Assert.False(manual.GetProperty("stabil").GetBoolean());
        Assert.Equal("p90 belum dapat diestimasi (masih ada yang diproses)", manual.GetProperty("catatan").GetString());   // no count: n_tertunda may be hidden
        Assert.Equal("2026-11-24T16:00:00", manual.GetProperty("waktu_acuan").GetString());

        // combinable: comma-separated or repeated, same rows; CSV and table carry the same columns
        var a = await Efisiensi(wh, "--period", "2026-11", "--by", "kanal,bulan", "--format", "csv");
        var b = await Efisiensi(wh, "--period", "2026-11", "--by", "kanal", "--by", "bulan", "--format", "csv");
        Assert.Equal((0, 0), (a.ExitCode, b.ExitCode));
        Assert.Equal(a.Output, b.Output);
        var csv = a.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("kode_unit,kanal,jenis_cuti,bulan,periode,n,n_diputus,n_tertunda,share_online,median_jam,p90_jam", csv[0], StringComparison.Ordinal);
        Assert.Equal(3, csv.Length);
        Assert.Contains(csv, l => l.StartsWith("KOTA,manual,,2026-11,2026-11,4,3,1,0,7,,", StringComparison.Ordinal));
        var table = await Efisiensi(wh, "--period", "2026-11", "--by", "kanal");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("median_hari_kerja", table.Output, StringComparison.Ordinal);

        var err = new StringWriter();
        Assert.Equal(1, await CliApp.RunAsync(["efisiensi", "--db", wh.Path, "--by", "kecamatan"], new StringWriter(), err));
        Assert.Contains("--by 'kecamatan'", err.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The hand-computed Kaplan–Meier cases are smaller than the small-cell threshold, so the real CLI runs
    /// with Reports:MinCellSize = 1 here (suppression itself is CliSmallCellsTests' and the leak scan's).
    /// </summary>
    private static Task<Faults.HostProcess.Result> Efisiensi(TempWarehouse wh, params string[] args) =>
        Faults.HostProcess.RunAsync(wh.Folder.Path, TimeSpan.FromMinutes(1), new Dictionary<string, string> { ["Reports__MinCellSize"] = "1" },
            ["efisiensi", "--db", wh.Path, .. args]);
}
