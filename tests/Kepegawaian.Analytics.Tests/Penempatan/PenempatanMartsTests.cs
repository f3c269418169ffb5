using DuckDB.NET.Data;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>
/// mart_pensiun, mart_pensiun_gelombang, mart_masa_kerja and mart_mutasi_tahunan on a small hand-made warehouse
/// (reference date 1 December 2026); every expected value is computed by hand in the comments.
/// </summary>
public sealed class PenempatanMartsTests
{
    private static readonly DateOnly Acuan = new(2026, 12, 1);

    // Dinas A: 7 pengawas, 1 ahli madya, 1 guru (jenjang unreadable). Dinas B: 10 pelaksana. Dinas C: only receives a mutasi.
    private static void Seed(DuckDBConnection c)
    {
        c.Execute("""
            INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, row_hash) VALUES
              ('A', 'Dinas A', 'dinas', 0), ('B', 'Dinas B', 'dinas', 0), ('C', 'Dinas C', 'dinas', 0);
            CREATE TEMP TABLE v (nip VARCHAR, lahir DATE, jenis VARCHAR, jabatan VARCHAR, unit VARCHAR, tmt DATE, dari DATE, sampai DATE);
            INSERT INTO v VALUES
              -- p1: in B until 2020-06-01, then pengawas in A (a recorded move). BUP 58, born 15 Dec 1968 → TMT 1 Jan 2027 (year 1).
              ('P1', '1968-12-15', 'pelaksana', 'Pengadministrasi Umum', 'B', '1990-01-01', '2015-01-01', '2020-06-01'),
              ('P1', '1968-12-15', 'pengawas', 'Kepala Seksi', 'A', '1990-01-01', '2020-06-01', '9999-12-31'),
              -- born on the 1st vs the 31st of March 1969: both reach 58 in March 2027 → TMT 1 Apr 2027 (year 1).
              ('P2', '1969-03-01', 'pengawas', 'Kepala Seksi', 'A', '1990-01-01', '2024-01-01', '9999-12-31'),
              ('P2B', '1969-03-31', 'pengawas', 'Kepala Seksi', 'A', '1990-01-01', '2024-01-01', '9999-12-31'),
              -- born 30 Nov 1969 → TMT 1 Dec 2027 = the last day of year 1 (2026-12-01, 2027-12-01].
              ('P3', '1969-11-30', 'pengawas', 'Kepala Seksi', 'A', '1990-01-01', '2024-01-01', '9999-12-31'),
              -- born 1 Dec 1969 → TMT 1 Jan 2028 (year 2). Promoted inside A on 2025-07-01: position since then, unit since TMT CPNS.
              ('P4', '1969-12-01', 'pelaksana', 'Pengadministrasi Umum', 'A', '1990-01-01', '2024-01-01', '2025-07-01'),
              ('P4', '1969-12-01', 'pengawas', 'Kepala Seksi', 'A', '1990-01-01', '2025-07-01', '9999-12-31'),
              -- born 1 Jan 1975 → TMT 1 Feb 2033: beyond the 5 years (to 2031-12-01).
              ('P5', '1975-01-01', 'pengawas', 'Kepala Seksi', 'A', '2000-01-01', '2024-01-01', '9999-12-31'),
              -- born 10 Oct 1968 → TMT 1 Nov 2026 ≤ the reference date, still listed: lewat_bup.
              ('P6', '1968-10-10', 'pengawas', 'Kepala Seksi', 'A', '1990-01-01', '2024-01-01', '9999-12-31'),
              -- ahli madya turning 60 on 31 Dec 2026 → TMT 1 Jan 2027 (at 58 it would have been 1 Jan 2025).
              ('F1', '1966-12-31', 'fungsional', 'Analis Kebijakan Ahli Madya', 'A', '1995-01-01', '2024-01-01', '9999-12-31'),
              -- jenjang unreadable: counted under tidak diketahui, no BUP, even though born in 1960.
              ('F2', '1960-01-01', 'fungsional', 'Perawat', 'A', '2023-12-01', '2024-01-01', '9999-12-31');
            INSERT INTO v SELECT 'B' || i, DATE '1990-05-05', 'pelaksana', 'Pengadministrasi Umum', 'B', DATE '2015-01-01', DATE '2024-01-01', DATE '9999-12-31'
              FROM range(10) t(i);
            INSERT INTO dim_employee (nip, nama, jenis_kelamin, tanggal_lahir, status_kepegawaian, golongan, jenis_jabatan, nama_jabatan, kode_unit,
                                      pendidikan, tmt_cpns, valid_from, valid_to, is_current, tracked_hash, row_hash, source)
            SELECT nip, 'Pegawai ' || nip, 'L', lahir, 'PNS', 'III/a', jenis, jabatan, unit, 'S1', tmt, dari, sampai, sampai = DATE '9999-12-31', 0, 0, 'pegawai'
            FROM v;
            INSERT INTO fact_mutasi (id_mutasi, nip, jenis_mutasi, tanggal_efektif, kode_unit_asal, kode_unit_tujuan, row_hash, etl_file_id) VALUES
              ('M1', 'P1', 'mutasi', '2020-06-01', 'B', 'A', 0, 1),           -- rotation B → A (B's last one)
              ('M2', 'X1', 'mutasi', '2026-03-01', 'A', 'C', 0, 1),           -- rotation A → C within 12 months
              ('M3', 'P4', 'promosi', '2025-07-01', 'A', 'A', 0, 1),          -- promotion inside A: no rotation
              ('M4', 'Y1', 'pensiun', '2026-06-01', 'A', 'A', 0, 1),          -- counted apart
              ('M5', 'Y2', 'berhenti', '2025-02-01', 'B', 'B', 0, 1),
              ('M6', 'P2', 'kenaikan_pangkat', '2026-04-01', 'A', 'A', 0, 1); -- not a placement
            """);
    }

    private static PenempatanResult Compute(TempWarehouse wh, PenempatanOptions? options = null)
    {
        using var c = wh.Open();
        Seed(c);
        return PenempatanAnalysis.Compute(c, Acuan, options);
    }

    private static double Years(int days) => days / 365.25;

    [Fact]
    public void Retirements_per_year_and_group_match_the_hand_count()
    {
        using var wh = new TempWarehouse();
        var r = Compute(wh);

        var pengawas = r.Pensiun.Where(p => p.KodeUnit == "A" && p.Kelompok == "pengawas").OrderBy(p => p.TahunKe).ToList();
        Assert.All(pengawas, p => Assert.Equal(7, p.Pegawai));
        Assert.Equal([4L, 1, 0, 0, 0], pengawas.Select(p => p.Pensiun!.Value));        // P1, P2, P2B, P3 | P4
        Assert.Equal([4L, 5, 5, 5, 5], pengawas.Select(p => p.PensiunKumulatif!.Value));
        Assert.Equal(new DateOnly(2027, 12, 1), pengawas[0].PeriodeSelesai);
        Assert.Equal(5.0 / 7, pengawas[1].ShareKumulatif!.Value, 12);
        Assert.Equal(58, pengawas[0].Bup);

        var madya = r.Pensiun.Single(p => p.KodeUnit == "A" && p.Kelompok == "fungsional_ahli_madya" && p.TahunKe == 1);
        Assert.Equal((60, 1L, 1L), (madya.Bup!.Value, madya.Pegawai, madya.Pensiun!.Value));

        var unknown = r.Pensiun.Where(p => p.Kelompok == "fungsional_tidak_diketahui").ToList();
        Assert.Equal(5, unknown.Count);
        Assert.All(unknown, p => { Assert.Null(p.Bup); Assert.Null(p.Pensiun); Assert.Equal(1, p.TanpaBup); });

        Assert.All(r.Pensiun.Where(p => p.KodeUnit == "B"), p => Assert.Equal((10L, 0L), (p.Pegawai, p.Pensiun!.Value)));
    }

    [Fact]
    public void The_wave_flag_counts_the_two_years_after_the_reference_date()
    {
        using var wh = new TempWarehouse();
        var r = Compute(wh);
        var a = r.Gelombang.Single(g => g.KodeUnit == "A" && g.Kelompok == "pengawas");
        Assert.Equal(new DateOnly(2028, 12, 1), a.BatasTanggal);
        Assert.Equal(5, a.PensiunJendela);                      // P1, P2, P2B, P3, P4
        Assert.Equal(5.0 / 7, a.ShareJendela!.Value, 12);
        Assert.True(a.Gelombang);
        Assert.Equal(1, a.LewatBup);                            // P6
        Assert.Contains("Pasal 239", a.Dasar, StringComparison.Ordinal);
        Assert.False(r.Gelombang.Single(g => g.KodeUnit == "B").Gelombang);
        Assert.Null(r.Gelombang.Single(g => g.Kelompok == "fungsional_tidak_diketahui").Gelombang);

        // 1 of 5 is exactly 20 %: a wave; with the threshold above it, not.
        using var wh2 = new TempWarehouse();
        var strict = Compute(wh2, new PenempatanOptions { GelombangShare = 0.72 });
        Assert.False(strict.Gelombang.Single(g => g.KodeUnit == "A" && g.Kelompok == "pengawas").Gelombang);   // 5/7 = 0.714 < 0.72
    }

    [Fact]
    public void Tenure_medians_and_rotation_match_the_hand_calculation()
    {
        using var wh = new TempWarehouse();
        var r = Compute(wh);
        var a = r.MasaKerja.Single(m => m.KodeUnit == "A");
        Assert.Equal(9, a.Pegawai);
        // In the unit: P1 since its move on 2020-06-01 (2 374 days); everyone else since TMT CPNS (no move on record):
        // F2 2023-12-01 (1 096 d), P5 2000-01-01, F1 1995-01-01, five since 1990-01-01 (13 483 d) → median = 5th of 9 = 13 483 d.
        Assert.Equal(Years(13_483), a.MedianTahunUnit!.Value, 9);
        Assert.Equal(8, a.NUnitLebih5);                        // all but F2
        Assert.Equal(8.0 / 9, a.ShareUnitLebih5!.Value, 12);
        // In the position: P4 since 2025-07-01 (518 d), F2 1 096 d, P1 2 374 d, P5 9 831 d, F1 1995-01-01 (11 657 d), 4 × 13 483 d → 5th = 11 657 d.
        Assert.Equal(Years(11_657), a.MedianTahunJabatan!.Value, 9);
        Assert.Equal(7, a.NJabatanLebih5);
        Assert.Equal(8, a.NSejakTmt);                          // P1's stay in A has a recorded start
        Assert.Equal(new DateOnly(2026, 3, 1), a.RotasiTerakhir);
        Assert.False(a.TanpaRotasi);
        Assert.Equal((0L, 1L, 1L, 0L), (a.Masuk12Bulan, a.Keluar12Bulan, a.Pensiun12Bulan, a.Berhenti12Bulan));

        var b = r.MasaKerja.Single(m => m.KodeUnit == "B");
        Assert.Equal(Years(4_352), b.MedianTahunUnit!.Value, 9);   // 2015-01-01 → 2026-12-01
        Assert.Equal(new DateOnly(2020, 6, 1), b.RotasiTerakhir);
        Assert.Equal(Years(2_374), b.TahunSejakRotasi!.Value, 9);
        Assert.True(b.TanpaRotasi);                                 // none since 2024-12-01, data from 2020-06-01
        Assert.Equal(0, b.Berhenti12Bulan);                         // 2025-02-01 is older than 12 months
        Assert.DoesNotContain(r.MasaKerja, m => m.KodeUnit == "C"); // no staff on the reference date
    }

    [Fact]
    public void Moves_per_year_keep_pensiun_and_berhenti_apart_and_skip_kenaikan_pangkat()
    {
        using var wh = new TempWarehouse();
        var r = Compute(wh);
        Assert.Equal([
            new MutasiTahunanRow("A", 2020, "mutasi", "masuk", 1), new MutasiTahunanRow("A", 2025, "promosi", "tetap", 1),
            new MutasiTahunanRow("A", 2026, "mutasi", "keluar", 1), new MutasiTahunanRow("A", 2026, "pensiun", "keluar", 1),
            new MutasiTahunanRow("B", 2020, "mutasi", "keluar", 1), new MutasiTahunanRow("B", 2025, "berhenti", "keluar", 1),
            new MutasiTahunanRow("C", 2026, "mutasi", "masuk", 1)], r.MutasiTahunan);
    }

    [Fact]
    public void No_rotation_is_not_judged_without_enough_mutasi_history()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Seed(c);
        c.Execute("DELETE FROM fact_mutasi WHERE id_mutasi = 'M1'");   // B never rotated; the mutasi data now begin 2025-02-01
        var r = PenempatanAnalysis.Compute(c, Acuan);                  // window from 2024-12-01: not covered
        Assert.Null(r.MasaKerja.Single(m => m.KodeUnit == "B").TanpaRotasi);
        Assert.Null(r.MasaKerja.Single(m => m.KodeUnit == "B").RotasiTerakhir);
        Assert.False(r.MasaKerja.Single(m => m.KodeUnit == "A").TanpaRotasi);   // a rotation inside the window settles it
    }

    [Fact]
    public void Refresh_stores_the_marts_at_the_data_through_date_and_records_the_area()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Seed(c);
        Assert.Equal(new DateOnly(2026, 6, 1), PenempatanAnalysis.ReferenceDate(c));   // the pensiun on 2026-06-01 is the latest date
        var refresher = new AnalyticsRefresher(
            Microsoft.Extensions.Options.Options.Create(new Analytics.Ikm.IkmOptions()), Microsoft.Extensions.Options.Options.Create(new Analytics.Efficiency.EfisiensiOptions()),
            Microsoft.Extensions.Options.Options.Create(new Analytics.Performance.KinerjaOptions()), Microsoft.Extensions.Options.Options.Create(new Analytics.Training.DiklatOptions()),
            penempatan: Microsoft.Extensions.Options.Options.Create(new PenempatanOptions { ReferenceDate = Acuan }));
        refresher.RefreshArea(c, "penempatan");
        var stored = PenempatanQueries.Read(c)!;
        var computed = PenempatanAnalysis.Compute(c, Acuan);
        Assert.Equal(computed.Pensiun, stored.Pensiun);
        Assert.Equal(computed.Gelombang, stored.Gelombang);
        Assert.Equal(computed.MasaKerja, stored.MasaKerja);
        Assert.Equal(computed.MutasiTahunan, stored.MutasiTahunan);
        Assert.Contains(MartFreshness.Check(c).Areas, a => a.Area == "penempatan" && a.BuiltAt is not null);
    }

    [Fact]
    public void Published_rows_hide_every_figure_of_one_to_four_employees()
    {
        using var wh = new TempWarehouse();
        var r = Compute(wh);
        var pub = PenempatanPublik.Pensiun(r, 5);
        var a = pub.Single(p => p.KodeUnit == "A" && p.Kelompok == "pengawas");
        // cells 7 | 4, 1, 0, 0, 0 | lewat 1 | tanpa 0 | rest 1 | window (years 1–2) 5: on its own the four small parts and the
        // window would be hidden, the zeros and the total shown. But A's tenure row shows 9 = pengawas 7 + madya 1 +
        // tidak diketahui 1: with 7 shown, 9 − 7 = 2 would give the two hidden groups away, so the unit line hides pengawas
        // (the smallest shown group) and with its total its whole row; 9 − nothing = 9 describes nobody small.
        Assert.True(a.Pegawai is null && a.Pensiun1 is null && a.Pensiun2 is null && a.Pensiun3 is null && a.Pensiun5 is null);
        Assert.Null(a.LewatBup);
        Assert.Null(a.ShareJendela);
        Assert.Null(a.Gelombang);
        var madya = pub.Single(p => p.Kelompok == "fungsional_ahli_madya");   // one person: the whole row
        Assert.True(madya.Pegawai is null && madya.Pensiun1 is null && madya.ShareJendela is null);
        var b = pub.Single(p => p.KodeUnit == "B");
        Assert.Equal((10L, 0L, 0L, false), (b.Pegawai!.Value, b.Pensiun1!.Value, b.PensiunJendela!.Value, b.Gelombang!.Value));

        var masa = PenempatanPublik.MasaKerja(r, 5);
        var ma = masa.Single(m => m.KodeUnit == "A");
        // 8 of 9 beyond 5 years leaves 1 implied: 8 is hidden with it; the 12-month counts of 1 are hidden.
        Assert.Null(ma.NUnitLebih5);
        Assert.Null(ma.ShareUnitLebih5);
        Assert.Null(ma.Keluar12Bulan);
        Assert.Null(ma.Pensiun12Bulan);
        Assert.Equal(9, ma.Pegawai);
        Assert.Equal(Years(13_483), ma.MedianTahunUnit!.Value, 9);
        Assert.Equal(6, masa.Single(m => m.KodeUnit == "B").TahunSejakRotasi);   // whole years, not the move's date
    }
}
