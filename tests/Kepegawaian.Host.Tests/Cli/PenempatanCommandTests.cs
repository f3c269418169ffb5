using System.Text.Json;
using Kepegawaian.Analytics.Penempatan;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary>`kepegawaian penempatan` run for real against a hand-made warehouse (reference date 1 December 2026).</summary>
public sealed class PenempatanCommandTests
{
    // Dinas Satu: 12 pengawas, 6 born 15 Jan 1969 (BUP 58 → reached Jan 2027 → TMT 1 Feb 2027, year 1), 6 born 1985.
    // Dinas Dua: 3 pelaksana (fewer than 5: every figure hidden). All in their unit since TMT CPNS 2010-01-01.
    private static TempWarehouse Seeded()
    {
        var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("""
            INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, row_hash) VALUES ('U1', 'Dinas Satu', 'dinas', 0), ('U2', 'Dinas Dua', 'dinas', 0);
            INSERT INTO dim_employee (nip, nama, tanggal_lahir, jenis_jabatan, nama_jabatan, kode_unit, tmt_cpns, valid_from, is_current, tracked_hash, row_hash, source)
            SELECT 'A' || i, 'Pegawai A' || i, CASE WHEN i < 6 THEN DATE '1969-01-15' ELSE DATE '1985-01-01' END, 'pengawas', 'Kepala Seksi', 'U1',
                   DATE '2010-01-01', DATE '2024-01-01', true, 0, 0, 'pegawai' FROM range(12) t(i);
            INSERT INTO dim_employee (nip, nama, tanggal_lahir, jenis_jabatan, nama_jabatan, kode_unit, tmt_cpns, valid_from, is_current, tracked_hash, row_hash, source)
            SELECT 'B' || i, 'Pegawai B' || i, DATE '1990-01-01', 'pelaksana', 'Pengelola Data', 'U2', DATE '2010-01-01', DATE '2024-01-01', true, 0, 0, 'pegawai'
            FROM range(3) t(i);
            """);
        return wh;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task Pensiun_at_a_date_names_the_wave_and_hides_small_units()
    {
        using var wh = Seeded();
        var (code, output, err) = await Run("penempatan", "--db", wh.Path, "--show", "pensiun", "--per", "2026-12-01", "--format", "json");
        Assert.True(code == 0, err);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("kode_unit").GetString()!);
        var u1 = rows["U1"];
        Assert.Equal("pengawas", u1.GetProperty("kelompok").GetString());
        Assert.Equal(58, u1.GetProperty("bup").GetInt32());
        Assert.Equal(12, u1.GetProperty("pegawai").GetInt64());
        Assert.Equal(6, u1.GetProperty("pensiun_1").GetInt64());
        Assert.Equal(0, u1.GetProperty("pensiun_2").GetInt64());
        Assert.Equal(6, u1.GetProperty("pensiun_jendela").GetInt64());
        Assert.Equal(0.5, u1.GetProperty("share_jendela").GetDouble(), 12);
        Assert.True(u1.GetProperty("gelombang").GetBoolean());
        Assert.Equal("2028-12-01", u1.GetProperty("batas_tanggal").GetString());
        foreach (var f in new[] { "pegawai", "pensiun_1", "pensiun_jendela", "share_jendela", "gelombang" })
            Assert.Equal(JsonValueKind.Null, rows["U2"].GetProperty(f).ValueKind);

        var one = await Run("penempatan", "--db", wh.Path, "--per", "2026-12-01", "--unit", "U1", "--format", "csv");
        Assert.Equal(0, one.Code);
        var lines = one.Out.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("tanggal_acuan,kode_unit,nama_unit,kelompok,bup,pegawai,pensiun_1", lines[0], StringComparison.Ordinal);
        Assert.Contains(",U1,Dinas Satu,pengawas,58,12,6,0,0,0,0,0,0,2028-12-01,6,0.5,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_the_marts_after_a_refresh_and_asks_for_one_before()
    {
        using var wh = Seeded();
        var before = await Run("penempatan", "--db", wh.Path);
        Assert.Equal(2, before.Code);
        Assert.Contains("belum dibangun", before.Err, StringComparison.Ordinal);

        using (var c = wh.Open())
            PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = new DateOnly(2026, 12, 1) });
        var (code, output, err) = await Run("penempatan", "--db", wh.Path, "--show", "masa-kerja", "--format", "json");
        Assert.True(code == 0, err);
        var u1 = JsonDocument.Parse(output).RootElement.EnumerateArray().Single(r => r.GetProperty("kode_unit").GetString() == "U1");
        // Everyone since TMT CPNS 2010-01-01: 6 178 days to 2026-12-01; 12 of 12 beyond 5 years.
        Assert.Equal(6178 / 365.25, u1.GetProperty("median_tahun_unit").GetDouble(), 9);
        Assert.Equal(12, u1.GetProperty("n_unit_lebih_5").GetInt64());
        Assert.Equal(JsonValueKind.Null, u1.GetProperty("tanpa_rotasi").ValueKind);   // no mutasi data at all: not judged

        var table = await Run("penempatan", "--db", wh.Path);
        Assert.Equal(0, table.Code);
        Assert.Contains("Pasal 239", table.Out, StringComparison.Ordinal);
        Assert.Contains("Dinas Satu", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moves_per_year_hide_small_counts_and_keep_pensiun_apart()
    {
        using var wh = Seeded();
        using (var c = wh.Open())
            c.Execute("""
                INSERT INTO fact_mutasi (id_mutasi, nip, jenis_mutasi, tanggal_efektif, kode_unit_asal, kode_unit_tujuan, row_hash, etl_file_id)
                SELECT 'M' || i, 'X' || i, 'mutasi', DATE '2026-03-01', 'U2', 'U1', 0, 1 FROM range(6) t(i);
                INSERT INTO fact_mutasi (id_mutasi, nip, jenis_mutasi, tanggal_efektif, kode_unit_asal, kode_unit_tujuan, row_hash, etl_file_id)
                VALUES ('P1', 'Y1', 'pensiun', DATE '2026-05-01', 'U1', 'U1', 0, 1);
                """);
        var (code, output, err) = await Run("penempatan", "--db", wh.Path, "--show", "mutasi", "--per", "2026-12-01", "--format", "json");
        Assert.True(code == 0, err);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray()
            .ToDictionary(r => $"{r.GetProperty("kode_unit").GetString()} {r.GetProperty("jenis_mutasi").GetString()} {r.GetProperty("arah").GetString()}");
        Assert.Equal(6, rows["U1 mutasi masuk"].GetProperty("n").GetInt64());
        Assert.Equal(6, rows["U2 mutasi keluar"].GetProperty("n").GetInt64());
        Assert.Equal(JsonValueKind.Null, rows["U1 pensiun keluar"].GetProperty("n").ValueKind);   // one retirement: hidden
    }

    [Fact]
    public async Task Beban_reads_mart_beban_names_the_overloaded_kelurahan_and_hides_small_units()
    {
        using var wh = new TempWarehouse();
        using (var c = wh.Open()) BebanSeed.Seed(c);
        var before = await Run("penempatan", "--db", wh.Path, "--show", "beban");
        Assert.Equal(2, before.Code);
        Assert.Contains("belum dibangun", before.Err, StringComparison.Ordinal);

        using (var c = wh.Open())
            PenempatanMarts.Refresh(c, new PenempatanOptions { ReferenceDate = BebanSeed.Acuan });
        var (code, output, err) = await Run("penempatan", "--db", wh.Path, "--show", "beban", "--format", "json");
        Assert.True(code == 0, err);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("kode_unit").GetString()!);
        var k1 = rows["K1"];   // 100 respondents / 5 staff = 20 against the kelurahan median (8 + 10) / 2 = 9
        Assert.Equal(5, k1.GetProperty("pegawai").GetInt64());
        Assert.Equal(20.0 / 9, k1.GetProperty("rasio_median").GetDouble(), 12);
        Assert.Equal("tinggi", k1.GetProperty("kategori").GetString());
        Assert.Equal(7, k1.GetProperty("tambahan_pegawai_ke_median").GetInt64());   // ceil(100 / 9) − 5
        Assert.Equal("rendah", rows["K4"].GetProperty("kategori").GetString());
        foreach (var f in new[] { "pegawai", "responden_per_pegawai", "cuti_per_pegawai", "rasio_median", "kategori" })
            Assert.Equal(JsonValueKind.Null, rows["K5"].GetProperty(f).ValueKind);   // 4 staff
        Assert.DoesNotContain("pengajuan_cuti", output, StringComparison.Ordinal);

        var csv = await Run("penempatan", "--db", wh.Path, "--show", "beban", "--unit", "K2", "--format", "csv");
        Assert.Equal(0, csv.Code);
        var lines = csv.Out.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains(",K2,Kelurahan Dua,kelurahan,6,60,10,", lines[1], StringComparison.Ordinal);

        var text = await Run("penempatan", "--db", wh.Path, "--show", "beban", "--per", "2026-12-01");
        Assert.Equal(0, text.Code);
        Assert.Contains("proksi", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_is_a_usage_error()
    {
        using var wh = Seeded();
        Assert.Equal(1, (await Run("penempatan", "--db", wh.Path, "--per", "1-12-2026")).Code);
    }
}
