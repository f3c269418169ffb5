using DuckDB.NET.Data;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>
/// mart_kesesuaian and mart_formasi on a small hand-made warehouse (reference date 1 December 2026); every expected value is
/// counted by hand in the comments.
/// </summary>
public sealed class KomposisiMartsTests
{
    private static readonly DateOnly Acuan = new(2026, 12, 1);

    // Dinas A: 13 in service. Dinas B: 4 (M1 moved there from A on 2026-06-01). R1 left A before the reference date.
    private static void Seed(DuckDBConnection c)
    {
        c.Execute("""
            INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, row_hash) VALUES ('A', 'Dinas A', 'dinas', 0), ('B', 'Dinas B', 'dinas', 0);
            CREATE TEMP TABLE v (nip VARCHAR, status VARCHAR, golongan VARCHAR, jenis VARCHAR, jabatan VARCHAR, unit VARCHAR, pendidikan VARCHAR, dari DATE, sampai DATE);
            INSERT INTO v VALUES
              ('F1', 'PNS', 'III/a', 'fungsional', 'Analis Kebijakan Ahli Pertama', 'A', 'D3', '2024-01-01', '9999-12-31'),  -- ahli, D3: kurang
              ('F2', 'PNS', 'III/a', 'fungsional', 'Analis Kebijakan Ahli Pertama', 'A', 'S1', '2024-01-01', '9999-12-31'),  -- ahli, S1: sesuai
              ('F3', 'PNS', 'III/c', 'fungsional', 'Perencana Ahli Muda', 'A', 'D4', '2024-01-01', '9999-12-31'),            -- D4 = S-1: sesuai
              ('F4', 'PNS', 'III/b', 'fungsional', 'Perawat', 'A', 'S2', '2024-01-01', '9999-12-31'),                        -- jenjang unreadable: tidak diketahui
              ('F5', 'PNS', 'II/c', 'fungsional', 'Pranata Komputer Terampil', 'A', 'D3', '2024-01-01', '9999-12-31'),       -- keterampilan, D3: sesuai
              ('F6', 'PNS', 'II/d', 'fungsional', 'Pranata Komputer Mahir', 'A', 'SMA', '2024-01-01', '9999-12-31'),         -- keterampilan, SMA: kurang
              ('F7', 'PNS', 'III/d', 'fungsional', 'Arsiparis Ahli Muda', 'A', NULL, '2024-01-01', '9999-12-31'),            -- no pendidikan: tidak diketahui
              ('G1', 'PPPK', 'IX', 'fungsional', 'Guru Kelas', 'A', 'D4', '2024-01-01', '9999-12-31'),                      -- guru, D4: sesuai; PPPK
              ('P1', 'PNS', 'III/b', 'pengawas', 'Kepala Seksi', 'A', 'D3', '2024-01-01', '9999-12-31'),                    -- pengawas, D3: sesuai
              ('P2', 'PNS', 'III/a', 'pengawas', 'Kepala Seksi', 'A', 'SMA', '2024-01-01', '9999-12-31'),                   -- pengawas, SMA: kurang
              ('L1', 'PNS', 'II/a', 'pelaksana', 'Pengadministrasi Umum', 'A', 'SMA', '2024-01-01', '9999-12-31'),          -- SLTA: sesuai
              ('L2', 'PNS', 'I/c', 'pelaksana', 'Pengemudi', 'A', 'SMP', '2024-01-01', '9999-12-31'),                       -- SMP: kurang
              ('X1', NULL, NULL, NULL, 'Staf', 'A', 'S1', '2024-01-01', '9999-12-31'),                                      -- no jenis_jabatan, no golongan
              ('R1', 'PNS', 'IV/a', 'administrator', 'Kepala Bidang', 'A', 'SMA', '2024-01-01', '2026-10-01'),              -- gone before the date
              ('M1', 'PNS', 'II/b', 'pelaksana', 'Pengadministrasi Umum', 'A', 'SMP', '2020-01-01', '2026-06-01'),          -- moved A → B
              ('M1', 'PNS', 'IV/a', 'administrator', 'Kepala Bagian', 'B', 'S1', '2026-06-01', '9999-12-31'),               -- administrator, S1: sesuai
              ('A2', 'PNS', 'IV/b', 'administrator', 'Kepala Bidang', 'B', 'D3', '2024-01-01', '9999-12-31'),               -- administrator, D3: kurang
              ('C1', 'CPNS', 'III/a', 'pelaksana', 'Penata Layanan Operasional', 'B', 'S1', '2026-03-01', '9999-12-31'),   -- CPNS counts in its golongan
              ('Q1', 'PPPK', 'VII', 'pelaksana', 'Pengelola Data', 'B', 'D3', '2024-01-01', '9999-12-31');                 -- PPPK
            INSERT INTO dim_employee (nip, nama, jenis_kelamin, tanggal_lahir, status_kepegawaian, golongan, jenis_jabatan, nama_jabatan, kode_unit,
                                      pendidikan, tmt_cpns, valid_from, valid_to, is_current, tracked_hash, row_hash, source)
            SELECT nip, 'Pegawai ' || nip, 'L', DATE '1985-01-01', status, golongan, jenis, jabatan, unit, pendidikan, DATE '2010-01-01', dari, sampai,
                   sampai = DATE '9999-12-31', 0, 0, 'pegawai'
            FROM v;
            """);
    }

    private static KomposisiResult Compute()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Seed(c);
        return KomposisiAnalysis.Compute(c, Acuan);
    }

    [Fact]
    public void Fit_per_unit_and_jabatan_group_matches_the_hand_count()
    {
        var r = Compute().Kesesuaian.ToDictionary(x => (x.KodeUnit, x.Kelompok), x => (x.Pegawai, x.Kurang, x.Sesuai, x.TidakDiketahui, x.PendidikanMinimum));
        Assert.Equal((2L, 1L, 1L, 0L, "S1"), r[("A", "fungsional_ahli_pertama")]);          // F1 | F2
        Assert.Equal((2L, 0L, 1L, 1L, "S1"), r[("A", "fungsional_ahli_muda")]);             // F3 | F7 unknown
        Assert.Equal((1L, 0L, 0L, 1L, (string?)null), r[("A", "fungsional_tidak_diketahui")]);
        Assert.Equal((2L, 1L, 1L, 0L, "D3"), r[("A", "fungsional_keterampilan")]);          // F6 | F5
        Assert.Equal((1L, 0L, 1L, 0L, "S1"), r[("A", "fungsional_guru")]);
        Assert.Equal((2L, 1L, 1L, 0L, "D3"), r[("A", "pengawas")]);                         // P2 | P1
        Assert.Equal((2L, 1L, 1L, 0L, "SMA"), r[("A", "pelaksana")]);                       // L2 | L1
        Assert.Equal((1L, 0L, 0L, 1L, (string?)null), r[("A", BupRules.TidakDiketahui)]);
        // A: kurang F1 F6 P2 L2 = 4; sesuai F2 F3 F5 G1 P1 L1 = 6; unknown F4 F7 X1 = 3 (R1 and M1's old version not counted).
        Assert.Equal((13L, 4L, 6L, 3L, (string?)null), r[("A", "semua")]);
        Assert.Equal((2L, 1L, 1L, 0L, "S1"), r[("B", "administrator")]);                    // A2 | M1
        Assert.Equal((2L, 0L, 2L, 0L, "SMA"), r[("B", "pelaksana")]);                       // C1, Q1
        Assert.Equal((4L, 1L, 3L, 0L, (string?)null), r[("B", "semua")]);
        Assert.Equal((17L, 5L, 9L, 3L, (string?)null), r[("KOTA", "semua")]);
        Assert.Equal((4L, 1L, 3L, 0L, "SMA"), r[("KOTA", "pelaksana")]);

        var rows = Compute().Kesesuaian;
        var a = rows.Single(x => x.KodeUnit == "A" && x.Kelompok == "semua");
        Assert.Equal(4.0 / 10, a.ShareKurang!.Value, 12);                                   // of the 10 judged, not of 13
        Assert.Equal(5.0 / 14, rows.Single(x => x.KodeUnit == "KOTA" && x.Kelompok == "semua").ShareKurang!.Value, 12);
        Assert.Null(rows.Single(x => x.Kelompok == "fungsional_tidak_diketahui" && x.KodeUnit == "A").ShareKurang);
        Assert.Equal(("kota", "Kota Palembang"), (rows[0].Level, rows[0].NamaUnit));        // the city first, "semua" first
        Assert.Equal("semua", rows[0].Kelompok);
        Assert.Contains("Pasal 55", rows.Single(x => x.KodeUnit == "A" && x.Kelompok == "pengawas").Dasar, StringComparison.Ordinal);
    }

    [Fact]
    public void Headcount_by_jenis_jabatan_and_golongan_matches_the_hand_count()
    {
        var r = Compute().Formasi.ToDictionary(x => (x.KodeUnit, x.JenisJabatan), x => (x.Pegawai, x.Golongan));
        //                                                    I  II III IV pppk ?
        Assert.Equal(8, r[("A", "fungsional")].Pegawai);
        Assert.Equal(new long[] { 0, 2, 5, 0, 1, 0 }, r[("A", "fungsional")].Golongan);     // F5 F6 | F1–F4 F7 | G1
        Assert.Equal(new long[] { 0, 0, 2, 0, 0, 0 }, r[("A", "pengawas")].Golongan);
        Assert.Equal(new long[] { 1, 1, 0, 0, 0, 0 }, r[("A", "pelaksana")].Golongan);        // L2 I/c, L1 II/a
        Assert.Equal(new long[] { 0, 0, 0, 0, 0, 1 }, r[("A", BupRules.TidakDiketahui)].Golongan);
        Assert.Equal(13, r[("A", "semua")].Pegawai);
        Assert.Equal(new long[] { 1, 3, 7, 0, 1, 1 }, r[("A", "semua")].Golongan);
        Assert.Equal(new long[] { 0, 0, 0, 2, 0, 0 }, r[("B", "administrator")].Golongan);
        Assert.Equal(new long[] { 0, 0, 1, 0, 1, 0 }, r[("B", "pelaksana")].Golongan);        // CPNS III/a, PPPK VII
        Assert.Equal(17, r[("KOTA", "semua")].Pegawai);
        Assert.Equal(new long[] { 1, 3, 8, 2, 2, 1 }, r[("KOTA", "semua")].Golongan);
        Assert.DoesNotContain(r.Keys, k => k.JenisJabatan.StartsWith("fungsional_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PNS", "III/a", "III")]
    [InlineData("CPNS", "II/a", "II")]
    [InlineData("PNS", "IV/e", "IV")]
    [InlineData("PNS", "I/d", "I")]
    [InlineData("PPPK", "IX", "pppk")]
    [InlineData("PPPK", null, "pppk")]
    [InlineData(null, "XIII", "pppk")]       // a PPPK code without a status
    [InlineData(null, "III/b", "III")]
    [InlineData("PNS", "IX", "tidak_diketahui")]   // a PNS with a PPPK code: not guessed
    [InlineData("PNS", null, "tidak_diketahui")]
    [InlineData(null, "III/e", "tidak_diketahui")] // III/e does not exist
    public void Golongan_groups(string? status, string? golongan, string group) =>
        Assert.Equal(group, KomposisiAnalysis.KelompokGolongan[KomposisiAnalysis.GolonganIndex(status, golongan)]);

    [Fact]
    public void Refresh_stores_both_marts_beside_the_retirement_marts_and_reads_them_back()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Seed(c);
        Assert.Null(KomposisiAnalysis.Read(c));
        var options = new PenempatanOptions { ReferenceDate = Acuan };
        PenempatanMarts.Refresh(c, options);
        var stored = KomposisiAnalysis.Read(c)!;
        var computed = KomposisiAnalysis.Compute(c, Acuan, options);
        Assert.Equal(Acuan, stored.TanggalAcuan);
        Assert.Equal(computed.Kesesuaian, stored.Kesesuaian);
        Assert.Equal(computed.Formasi, stored.Formasi);
        // The same people as the retirement marts: a jabatan group's headcount is theirs, a unit's the tenure mart's.
        var pensiun = PenempatanQueries.Read(c)!;
        foreach (var g in pensiun.Gelombang)
            Assert.Equal(g.Pegawai, stored.Kesesuaian.Single(k => k.KodeUnit == g.KodeUnit && k.Kelompok == g.Kelompok).Pegawai);
        foreach (var m in pensiun.MasaKerja)
            Assert.Equal(m.Pegawai, stored.Formasi.Single(f => f.KodeUnit == m.KodeUnit && f.JenisJabatan == "semua").Pegawai);
    }

    [Fact]
    public void An_operator_table_changes_the_verdicts()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pendidikan-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "jenis_jabatan,jenjang,pendidikan_minimum,dasar\npengawas,,SMA,uji\n");
        try
        {
            using var wh = new TempWarehouse();
            using var c = wh.Open();
            Seed(c);
            var r = KomposisiAnalysis.Compute(c, Acuan, new PenempatanOptions { PendidikanTable = path }).Kesesuaian;
            var pengawas = r.Single(x => x.KodeUnit == "A" && x.Kelompok == "pengawas");
            Assert.Equal((0L, 2L, 0L), (pengawas.Kurang, pengawas.Sesuai, pengawas.TidakDiketahui));   // P2 (SMA) fits at SMA
            var pelaksana = r.Single(x => x.KodeUnit == "A" && x.Kelompok == "pelaksana");
            Assert.Equal((0L, 0L, 2L), (pelaksana.Kurang, pelaksana.Sesuai, pelaksana.TidakDiketahui));   // no pelaksana row: not judged
        }
        finally { File.Delete(path); }
    }
}
