using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Penempatan;

/// <summary>
/// The small-cell rule on mart_kesesuaian and mart_formasi (<see cref="KomposisiPublik"/>): hand-traced cases on tiny
/// warehouses, each also read by <see cref="KomposisiLeaks"/> (a reader's subtractions, and agreement with the retirement
/// and tenure tables, which publish the same headcounts).
/// </summary>
public sealed class KomposisiPublikTests
{
    private static readonly DateOnly Acuan = new(2026, 12, 1);

    /// <summary>n employees of one unit and jabatan, born 1985 (nobody retires within 5 years), in service since 2024.</summary>
    private static void Add(DuckDBConnection c, string unit, string jenis, string nama, string? pendidikan, string golongan, int n, string status = "PNS")
    {
        c.Execute($"""
            INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, row_hash) SELECT '{unit}', 'Dinas {unit}', 'dinas', 0
            WHERE NOT EXISTS (SELECT 1 FROM dim_unit WHERE kode_unit = '{unit}');
            INSERT INTO dim_employee (nip, nama, tanggal_lahir, status_kepegawaian, golongan, jenis_jabatan, nama_jabatan, kode_unit, pendidikan,
                                      tmt_cpns, valid_from, is_current, tracked_hash, row_hash, source)
            SELECT '{unit}-{jenis}-{pendidikan}-{golongan}-' || i, 'Pegawai', DATE '1985-01-01', '{status}', '{golongan}', '{jenis}', '{nama}', '{unit}',
                   {(pendidikan is null ? "NULL" : $"'{pendidikan}'")}, DATE '2010-01-01', DATE '2024-01-01', true, 0, 0, 'pegawai'
            FROM range({n}) t(i);
            """);
    }

    private sealed record Published(IReadOnlyList<KesesuaianPublikRow> Kes, IReadOnlyList<FormasiPublikRow> Gol, PenempatanResult Penempatan)
    {
        public KesesuaianPublikRow K(string unit, string group) => Kes.Single(r => r.KodeUnit == unit && r.Kelompok == group);
        public FormasiPublikRow G(string unit, string jenis) => Gol.Single(r => r.KodeUnit == unit && r.JenisJabatan == jenis);
    }

    private static Published Publish(Action<DuckDBConnection> seed)
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        seed(c);
        var k = KomposisiAnalysis.Compute(c, Acuan);
        var p = PenempatanAnalysis.Compute(c, Acuan);
        var published = new Published(KomposisiPublik.Kesesuaian(k, p, 5), KomposisiPublik.Formasi(k, p, 5), p);
        var leaks = KomposisiLeaks.Find(published.Kes, published.Gol, p);
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        return published;
    }

    private static (long?, long?, long?, long?, double?) Cells(KesesuaianPublikRow r) => (r.Pegawai, r.Kurang, r.Sesuai, r.TidakDiketahui, r.ShareKurang);

    [Fact]
    public void A_group_whose_only_part_would_be_derivable_keeps_the_headcount_the_retirement_table_shows()
    {
        // Unit X: pengawas 6 (all S1: sesuai = pegawai), pelaksana 10 (7 SMA, 3 without pendidikan), administrator 20 (5 D3, 15 S1).
        // Pelaksana: unknown 3 is hidden (primary), sesuai 7 with it (its row). X's sesuai column (28 = 6 + 7 + 15) then has one hidden
        // part: hiding pengawas 6 would protect nothing — it is the pengawas row's only part and the retirement table shows that row's
        // 6 — so administrator 15 is hidden instead, then its kurang 5 (its row), then X's kurang 5 (the kurang column: 5 = 0 + 0 + 5).
        var p = Publish(c =>
        {
            Add(c, "X", "pengawas", "Kepala Seksi", "S1", "III/c", 6);
            Add(c, "X", "pelaksana", "Pengadministrasi Umum", "SMA", "II/c", 7);
            Add(c, "X", "pelaksana", "Pengadministrasi Umum", null, "II/c", 3);
            Add(c, "X", "administrator", "Kepala Bidang", "D3", "IV/a", 5);
            Add(c, "X", "administrator", "Kepala Bidang", "S1", "IV/a", 15);
        });
        Assert.Equal((6L, 0L, 6L, 0L, 0.0), Cells(p.K("X", "pengawas")));
        Assert.Equal((10L, 0L, null, null, null), Cells(p.K("X", "pelaksana")));
        Assert.Equal((20L, null, null, 0L, null), Cells(p.K("X", "administrator")));
        Assert.Equal((36L, null, 28L, null, null), Cells(p.K("X", "semua")));
        Assert.Equal(Cells(p.K("X", "semua")), Cells(p.K("KOTA", "semua")));       // one unit: the city is the unit
        // Headcounts as the retirement and tenure tables show them.
        Assert.Equal(6, PenempatanPublik.Pensiun(p.Penempatan, 5).Single(r => r.Kelompok == "pengawas").Pegawai);
        Assert.Equal(36, PenempatanPublik.MasaKerja(p.Penempatan, 5).Single().Pegawai);
        // Formasi has no small cell: shown whole.
        Assert.Equal((36L, 0L, 10L, 6L, 20L, 0L, 0L), p.G("X", "semua") is var g ? (g.Pegawai!.Value, g.GolI!.Value, g.GolII!.Value, g.GolIII!.Value, g.GolIV!.Value, g.Pppk!.Value, g.GolonganTidakDiketahui!.Value) : default);
    }

    [Fact]
    public void A_group_the_retirement_table_hides_is_hidden_whole_in_both_tables()
    {
        // Unit Y: jpt 1, administrator 5, pengawas 12, pelaksana 30 (everyone fits). The retirement table hides jpt 1 and, so that
        // 48 − 12 − 30 does not give it away, administrator 5 (PenempatanPublikUnitLineTests). Both rows stay hidden here, whole.
        var p = Publish(c =>
        {
            Add(c, "Y", "jpt", "Kepala Dinas", "S2", "IV/c", 1);
            Add(c, "Y", "administrator", "Kepala Bidang", "S1", "IV/a", 5);
            Add(c, "Y", "pengawas", "Kepala Seksi", "S1", "III/d", 12);
            Add(c, "Y", "pelaksana", "Pengadministrasi Umum", "SMA", "II/c", 30);
        });
        foreach (var group in new[] { "jpt", "administrator" })
        {
            Assert.Equal((null, null, null, null, null), Cells(p.K("Y", group)));
            var g = p.G("Y", group);
            Assert.True(g.Pegawai is null && g.GolIV is null && g.GolIII is null);
        }
        Assert.Equal((12L, 0L, 12L, 0L, 0.0), Cells(p.K("Y", "pengawas")));
        Assert.Equal((48L, 0L, 48L, 0L, 0.0), Cells(p.K("Y", "semua")));
        // Golongan IV of Y = jpt 1 + administrator 5, both hidden: 6 ≥ 5, so Y's total stays shown.
        Assert.Equal(6, p.G("Y", "semua").GolIV);
    }

    [Fact]
    public void Golongan_cells_are_hidden_with_their_complements_and_the_city_keeps_what_cannot_be_traced()
    {
        // P pelaksana: II 3, III 7 → 3 hidden, 7 with it. Q pelaksana: II 8, III 2 → 2 hidden, 8 with it. The city's pelaksana II is
        // 3 + 8 = 11 and III 7 + 2 = 9: both units hidden in each column, so the city shows 20, 11 and 9.
        var p = Publish(c =>
        {
            Add(c, "P", "pelaksana", "Pengadministrasi Umum", "SMA", "II/c", 3);
            Add(c, "P", "pelaksana", "Pengadministrasi Umum", "SMA", "III/a", 7);
            Add(c, "Q", "pelaksana", "Pengadministrasi Umum", "SMA", "II/c", 8);
            Add(c, "Q", "pelaksana", "Pengadministrasi Umum", "SMA", "III/a", 2);
        });
        foreach (var unit in new[] { "P", "Q" })
        {
            var g = p.G(unit, "pelaksana");
            Assert.Equal(10, g.Pegawai);
            Assert.True(g.GolII is null && g.GolIII is null, unit);
        }
        var city = p.G("KOTA", "pelaksana");
        Assert.Equal((20L, 11L, 9L), (city.Pegawai!.Value, city.GolII!.Value, city.GolIII!.Value));
    }

    [Fact]
    public void The_city_total_hides_a_second_unit_when_one_alone_would_follow_by_subtraction()
    {
        // P pelaksana: II 3, III 7 (both hidden, as above). R pelaksana: II 8, III 12, nothing small. City II = 11 would give
        // P's 3 as 11 − 8: so R's II 8 (the smallest shown part of the city column) is hidden, and R's III 12 with it (its row).
        var p = Publish(c =>
        {
            Add(c, "P", "pelaksana", "Pengadministrasi Umum", "SMA", "II/c", 3);
            Add(c, "P", "pelaksana", "Pengadministrasi Umum", "SMA", "III/a", 7);
            Add(c, "R", "pelaksana", "Pengadministrasi Umum", "SMA", "II/c", 8);
            Add(c, "R", "pelaksana", "Pengadministrasi Umum", "SMA", "III/a", 12);
        });
        var r = p.G("R", "pelaksana");
        Assert.Equal(20, r.Pegawai);
        Assert.True(r.GolII is null && r.GolIII is null);
        var city = p.G("KOTA", "pelaksana");
        Assert.Equal((30L, 11L, 19L), (city.Pegawai!.Value, city.GolII!.Value, city.GolIII!.Value));
    }

    [Fact]
    public void Under_qualified_counts_of_one_to_four_are_hidden_and_the_share_with_them()
    {
        // Z: pelaksana 12 — 2 SMP (kurang), 10 SMA; pengawas 8 — 1 SMA (kurang), 7 D3. Z's kurang 3 is small itself.
        var p = Publish(c =>
        {
            Add(c, "Z", "pelaksana", "Pengadministrasi Umum", "SMP", "I/c", 2);
            Add(c, "Z", "pelaksana", "Pengadministrasi Umum", "SMA", "II/a", 10);
            Add(c, "Z", "pengawas", "Kepala Seksi", "SMA", "III/b", 1);
            Add(c, "Z", "pengawas", "Kepala Seksi", "D3", "III/b", 7);
        });
        foreach (var group in new[] { "pelaksana", "pengawas", "semua" })
        {
            var k = p.K("Z", group);
            Assert.NotNull(k.Pegawai);
            Assert.Null(k.Kurang);
            Assert.Null(k.ShareKurang);
        }
        Assert.Equal(20, p.K("Z", "semua").Pegawai);
    }

    [Fact]
    public void Without_the_retirement_marts_the_tables_are_suppressed_alone()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Add(c, "Y", "jpt", "Kepala Dinas", "S2", "IV/c", 1);
        Add(c, "Y", "pengawas", "Kepala Seksi", "S1", "III/d", 12);
        var k = KomposisiAnalysis.Compute(c, Acuan);
        var kes = KomposisiPublik.Kesesuaian(k, null, 5);
        var gol = KomposisiPublik.Formasi(k, null, 5);
        Assert.Empty(KomposisiLeaks.Find(kes, gol, null));
        Assert.Null(kes.Single(r => r.KodeUnit == "Y" && r.Kelompok == "jpt").Pegawai);
        Assert.Equal(13, kes.Single(r => r.KodeUnit == "Y" && r.Kelompok == "semua").Pegawai);
        // pengawas 12 is hidden too: otherwise 13 − 12 gives the jpt's 1.
        Assert.Null(kes.Single(r => r.KodeUnit == "Y" && r.Kelompok == "pengawas").Pegawai);
    }

    [Fact]
    public void Control_the_reader_finds_a_count_that_follows_in_two_steps()
    {
        // Pengawas sesuai is hidden but follows from its row (6 − 0 − 0); then X's sesuai 10 − 6 gives pelaksana sesuai 4, and
        // pelaksana's unknown 7 − 4 = 3. No single subtraction shows it.
        KesesuaianPublikRow K(string group, long? peg, long? kurang, long? sesuai, long? tidak) =>
            new(Acuan, "unit", "X", "Dinas X", group, null, peg, kurang, sesuai, tidak, null);
        var leaks = KomposisiLeaks.Find([K("semua", 13, 0, 10, null), K("pengawas", 6, 0, null, 0), K("pelaksana", 7, 0, null, null)], [], null);
        Assert.Contains(leaks, l => l.Contains("= 4 derived", StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.Contains("= 3 derived", StringComparison.Ordinal));
    }

    [Fact]
    public void Cells_published_elsewhere_are_never_the_complement()
    {
        // Line 0: total 20 = 3 + 6 + 11. Plain rule: 3 hidden, then the smallest shown part, 6.
        long[] counts = [20, 3, 6, 11];
        CountLine[] lines = [new(0, [1, 2, 3])];
        Assert.Equal([false, true, true, false], SmallCells.Suppress(counts, lines, 5));
        Assert.Equal([false, true, true, false], SmallCells.SuppressBeside(counts, lines, 5, [null, null, null, null]));
        // 6 is shown by another output: 11 is hidden instead.
        Assert.Equal([false, true, false, true], SmallCells.SuppressBeside(counts, lines, 5, [null, null, true, null]));
        // 11 is hidden by another output: nothing more to hide (two hidden parts, 14 ≥ 5).
        Assert.Equal([false, true, false, true], SmallCells.SuppressBeside(counts, lines, 5, [null, null, null, false]));
    }

    [Fact]
    public void Beside_prefers_a_complement_that_takes_no_row_with_it()
    {
        // a 20 = b 3 + c 6 + d 11; e 6 = c (c is its row's only part); f 15 = d 11 + g 4.
        // Plain rule: b and g (small); for a, the smallest part c, which takes e with it (e = c); for f, d. Five hidden.
        // Beside: c would cost a row (e), d costs nothing more (f already hides g): d. b, d, g hidden; c and e stay.
        long[] counts = [20, 3, 6, 11, 6, 15, 4];
        CountLine[] lines = [new(0, [1, 2, 3]), new(4, [2]), new(5, [3, 6])];
        Assert.Equal([false, true, true, true, true, false, true], SmallCells.Suppress(counts, lines, 5));
        Assert.Equal([false, true, false, true, false, false, true], SmallCells.SuppressBeside(counts, lines, 5, new bool?[7]));
    }
}
