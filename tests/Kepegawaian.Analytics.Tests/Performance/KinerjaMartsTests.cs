using Kepegawaian.Analytics.Performance;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Performance;

public sealed class KinerjaMartsTests
{
    [Fact]
    public void Unit_quarter_counts_predikat_and_means_by_hand()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        new WarehouseSeed().Unit("U1", "Dinas Satu")
            .Employee("A0000000000000001", "U1").Employee("A0000000000000002", "U1").Employee("A0000000000000003", "U1")
            .Kinerja("A0000000000000001", 2025, 1, 100, "U1", "di_atas", "di_atas")   // Sangat Baik 5
            .Kinerja("A0000000000000002", 2025, 1, 80, "U1", "sesuai", "sesuai")      // Baik 4
            .Kinerja("A0000000000000003", 2025, 1, 60, "U1", "di_bawah", "di_bawah")  // Sangat Kurang 1
            .WriteTo(c);
        KinerjaMarts.Refresh(c);

        using var cmd = c.Command("SELECT n, mean_nilai_skp, mean_skor, n_sangat_baik, n_baik, n_butuh_perbaikan, n_kurang, n_sangat_kurang, nama_unit FROM mart_kinerja_unit WHERE periode = '2025-Q1'");
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(3L, r.GetInt64(0));
        Assert.Equal(80.0, r.GetDouble(1), 9);
        Assert.Equal(10.0 / 3, r.GetDouble(2), 9);
        Assert.Equal([1L, 1L, 0L, 0L, 1L], Enumerable.Range(3, 5).Select(i => r.GetInt64(i)).ToArray());
        Assert.Equal("Dinas Satu", r.GetString(8));
        // The year row exists too (no annual appraisal: built from the quarter).
        Assert.Equal(3L, c.Scalar<long>("SELECT n FROM mart_kinerja_unit WHERE periode = '2025'"));
    }

    [Fact]
    public void Leave_days_of_the_drivers_panel_count_approved_requests_only_never_cancelled_ones()
    {
        // One employee, appraised 2025-Q1. Requests starting in Q1 2025, one per status, lama_hari chosen distinct:
        // disetujui 3 + perubahan 2 are taken; dibatalkan 5 (withdrawn or recalled), ditolak 4, diajukan 1 and
        // ditangguhkan 6 are not → cuti_hari_4q = 3 + 2 = 5 (a sum including the cancelled request would be 10).
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        new WarehouseSeed().Unit("U1", "Dinas Satu").Employee("A0000000000000001", "U1")
            .Kinerja("A0000000000000001", 2025, 1, 80, "U1").WriteTo(c);
        var i = 0;
        foreach (var (status, hari) in new[] { ("disetujui", 3), ("perubahan", 2), ("dibatalkan", 5), ("ditolak", 4), ("diajukan", 1), ("ditangguhkan", 6) })
            Cuti(c, $"C{++i}", status, "2025-02-03", hari);
        KinerjaMarts.Refresh(c);
        Assert.Equal(5, LeaveDays(c));
    }

    [Fact]
    public void Leave_days_of_the_drivers_panel_count_the_quarter_and_the_three_before_it()
    {
        // Appraised 2025-Q1 (t). Approved requests starting in 2024-Q1 (t−4) 7 days, 2024-Q2 (t−3) 3, 2024-Q4 (t−1) 2,
        // 2025-Q1 (t) 1 and 2025-Q2 (t+1) 5 days: the window t−3 … t takes 3 + 2 + 1 = 6; with t−4 it would be 13,
        // with t+1 it would be 11. A cuti patch of the panel built without them counts the same days as a rebuild.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        new WarehouseSeed().Unit("U1", "Dinas Satu").Employee("A0000000000000001", "U1")
            .Kinerja("A0000000000000001", 2025, 1, 80, "U1").WriteTo(c);
        KinerjaMarts.Refresh(c);
        Assert.Equal(0, LeaveDays(c));
        var i = 0;
        foreach (var (mulai, hari) in new[] { ("2024-02-05", 7), ("2024-06-28", 3), ("2024-12-30", 2), ("2025-01-02", 1), ("2025-04-01", 5) })
            Cuti(c, $"C{++i}", "disetujui", mulai, hari, file: 1);
        Assert.Equal(1, KinerjaMarts.RefreshCuti(c, sinceLoad: 0));
        Assert.Equal(6, LeaveDays(c));
        KinerjaMarts.Refresh(c);
        Assert.Equal(6, LeaveDays(c));
    }

    [Fact]
    public void Training_features_count_lulus_courses_of_the_quarter_and_the_three_before_it_and_neighbours_are_the_adjacent_quarters()
    {
        // Appraised 2024-Q2 70, 2024-Q3 75, 2025-Q1 80, 2025-Q2 85 (no 2024-Q4). For t = 2025-Q1: the previous quarter
        // 2024-Q4 has no appraisal → nilai_skp_lalu NULL (the previous row, 75, would be wrong); the next is 85.
        // Courses by end date: 2024-02-10 teknis 10 JP (t−4, out), 2024-05-10 latsar 20 (t−3), 2024-11-10 teknis 5 (t−1),
        // 2025-03-10 e_learning 2 (t), 2025-03-11 teknis 7 tidak_lulus (out), 2025-04-10 manajerial 9 (t+1, out)
        // → jp_4q = 20 + 5 + 2 = 27; latsar 1, teknis 1, e_learning 1, manajerial 0.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        new WarehouseSeed().Unit("U1", "Dinas Satu").Employee("A0000000000000001", "U1")
            .Kinerja("A0000000000000001", 2024, 2, 70, "U1").Kinerja("A0000000000000001", 2024, 3, 75, "U1")
            .Kinerja("A0000000000000001", 2025, 1, 80, "U1").Kinerja("A0000000000000001", 2025, 2, 85, "U1")
            .WriteTo(c);
        var i = 0;
        foreach (var (selesai, jenis, jp, status) in new[] { ("2024-02-10", "teknis", 10, "lulus"), ("2024-05-10", "latsar", 20, "lulus"),
                     ("2024-11-10", "teknis", 5, "lulus"), ("2025-03-10", "e_learning", 2, "lulus"), ("2025-03-11", "teknis", 7, "tidak_lulus"),
                     ("2025-04-10", "manajerial", 9, "lulus") })
            c.Execute("""
                INSERT INTO fact_diklat (id_diklat, nip, kode_pelatihan, nama_pelatihan, jenis_pelatihan, tanggal_mulai, tanggal_selesai, jp, status, row_hash, etl_file_id)
                VALUES ($id, 'A0000000000000001', 'K', 'Kursus', $jenis, CAST($selesai AS DATE) - 3, CAST($selesai AS DATE), $jp, $status, 0, 0)
                """, ("id", $"D{++i}"), ("jenis", jenis), ("selesai", selesai), ("jp", jp), ("status", status));
        KinerjaMarts.Refresh(c);

        using var cmd = c.Command("""
            SELECT nilai_skp_lalu, nilai_skp_berikut, jp_4q, n_latsar_4q, n_teknis_4q, n_e_learning_4q, n_manajerial_4q
            FROM mart_kinerja_fitur WHERE indeks_triwulan = 2025 * 4
            """);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.True(r.IsDBNull(0));
        Assert.Equal(85.0, r.GetDouble(1));
        Assert.Equal([27L, 1L, 1L, 1L, 0L], Enumerable.Range(2, 5).Select(k => Convert.ToInt64(r.GetValue(k))).ToArray());
        Assert.False(r.Read());
        // 2024-Q3: previous 70, no next appraisal; window 2023-Q4 … 2024-Q3 holds the latsar and the first teknis.
        Assert.Equal((70.0, 30L), (c.Scalar<double>("SELECT nilai_skp_lalu FROM mart_kinerja_fitur WHERE indeks_triwulan = 2024 * 4 + 2"),
            c.Scalar<long>("SELECT jp_4q FROM mart_kinerja_fitur WHERE indeks_triwulan = 2024 * 4 + 2")));
        Assert.Null(c.Scalar<double?>("SELECT nilai_skp_berikut FROM mart_kinerja_fitur WHERE indeks_triwulan = 2024 * 4 + 2"));
    }

    /// <summary>A leave request of employee A…1 in unit U1, submitted a week before it starts, loaded by file <paramref name="file"/>.</summary>
    private static void Cuti(DuckDB.NET.Data.DuckDBConnection c, string id, string status, string mulai, int hari, long file = 0) =>
        c.Execute("""
            INSERT INTO fact_cuti VALUES ($id, 'A0000000000000001', 'tahunan', 'online', CAST($mulai AS DATE) - 7, NULL,
                $status, CAST($mulai AS DATE), CAST($mulai AS DATE) + $hari - 1, $hari, 'U1', 0, $file)
            """, ("id", id), ("status", status), ("mulai", mulai), ("hari", hari), ("file", file));

    private static int LeaveDays(DuckDB.NET.Data.DuckDBConnection c) =>
        c.Scalar<int>("SELECT cuti_hari_4q FROM mart_kinerja_fitur WHERE nip = 'A0000000000000001'");

    [Fact]
    public void Breakdown_uses_the_scd2_version_valid_at_the_appraisal_end()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        // Promoted from III/a to III/b on 2025-04-01: Q1 appraisal (ends 2025-03-31) is III/a, Q2 is III/b.
        new WarehouseSeed().Unit("U1", "Dinas Satu")
            .Employee("A0000000000000001", "U1", "III/a", from: new DateOnly(2015, 1, 1), to: new DateOnly(2025, 4, 1))
            .Employee("A0000000000000001", "U1", "III/b", from: new DateOnly(2025, 4, 1))
            .Kinerja("A0000000000000001", 2025, 1, 90, "U1")
            .Kinerja("A0000000000000001", 2025, 2, 95, "U1")
            .WriteTo(c);
        KinerjaMarts.Refresh(c);
        Assert.Equal("III/a", c.Scalar<string>("SELECT kategori FROM mart_kinerja_rincian WHERE periode = '2025-Q1' AND dimensi = 'golongan'"));
        Assert.Equal("III/b", c.Scalar<string>("SELECT kategori FROM mart_kinerja_rincian WHERE periode = '2025-Q2' AND dimensi = 'golongan'"));
        Assert.Equal(95.0, c.Scalar<double>("SELECT mean_nilai_skp FROM mart_kinerja_rincian WHERE periode = '2025-Q2' AND kategori = 'III/b'"));
    }

    [Fact]
    public void A_steadily_falling_unit_is_flagged_declining_and_a_flat_one_is_not()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        var seed = new WarehouseSeed().Unit("TURUN", "Turun").Unit("DATAR", "Datar")
            .Employee("A0000000000000001", "TURUN").Employee("A0000000000000002", "DATAR");
        double[] turun = [80, 79, 77, 76, 74, 73];
        double[] datar = [80, 82, 79, 81, 80, 80];
        for (var q = 0; q < 6; q++)
        {
            seed.Kinerja("A0000000000000001", 2024 + q / 4, q % 4 + 1, turun[q], "TURUN");
            seed.Kinerja("A0000000000000002", 2024 + q / 4, q % 4 + 1, datar[q], "DATAR");
        }
        seed.WriteTo(c);
        KinerjaMarts.Refresh(c);

        // Hand calculation for TURUN: x = 0..5, x̄ = 2.5, Sxx = 17.5, Sxy = −25.5 → slope = −1.457142857;
        // residuals ∓0.142857, ±0.314286, ∓0.228571 → SS = 0.3428571429, s² = SS/4, se = √(s²/Sxx) = 0.0699854212; t(0.975, 4) = 2.776445105.
        using var cmd = c.Command("SELECT slope, ci_low, ci_high, menurun, n_periode FROM mart_kinerja_tren WHERE kode_unit = 'TURUN'");
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(-1.457142857, r.GetDouble(0), 6);
        Assert.Equal(-1.457142857 - 2.776445105 * 0.0699854212, r.GetDouble(1), 5);
        Assert.Equal(-1.457142857 + 2.776445105 * 0.0699854212, r.GetDouble(2), 5);
        Assert.True(r.GetBoolean(3));
        Assert.Equal(6, r.GetInt32(4));
        Assert.False(c.Scalar<bool>("SELECT menurun FROM mart_kinerja_tren WHERE kode_unit = 'DATAR'"));
    }
}
