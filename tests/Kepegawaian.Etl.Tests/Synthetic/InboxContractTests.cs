using System.Globalization;
using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Etl.Tests.Synthetic;

/// <summary>The clean generated inbox obeys spec §3 row by row.</summary>
public sealed class InboxContractTests(CleanInboxFixture fixture) : IClassFixture<CleanInboxFixture>
{
    private GeneratedInbox g => fixture.Inbox;

    // Spec §3 column lists, written out here independently of the generator.
    private static readonly Dictionary<string, string> Headers = new()
    {
        ["unit_kerja"] = "kode_unit,nama_unit,jenis_unit,kode_induk,populasi",
        ["pegawai"] = "nip,nama,jenis_kelamin,tanggal_lahir,status_kepegawaian,golongan,jenis_jabatan,nama_jabatan,kode_unit,pendidikan,tanggal_data",
        ["mutasi"] = "id_mutasi,nip,jenis_mutasi,tanggal_efektif,kode_unit_asal,kode_unit_tujuan,golongan_baru,jabatan_baru,nomor_sk",
        ["diklat"] = "id_diklat,nip,kode_pelatihan,nama_pelatihan,jenis_pelatihan,tanggal_mulai,tanggal_selesai,jp,status,nilai_reaksi,nilai_pre_test,nilai_post_test",
        ["kinerja"] = "id_penilaian,nip,periode,hasil_kerja,perilaku_kerja,predikat,nilai_skp,kode_unit",
        ["cuti"] = "id_pengajuan,nip,jenis_cuti,kanal,waktu_pengajuan,waktu_keputusan,status,tanggal_mulai,tanggal_selesai,lama_hari,kode_unit",
        ["skm"] = "id_responden,kode_unit,jenis_layanan,tanggal_survei,u1,u2,u3,u4,u5,u6,u7,u8,u9,jenis_kelamin,usia,pendidikan,pekerjaan,saran",
    };

    [Fact]
    public void Every_file_has_exactly_the_spec_header()
    {
        foreach (var f in g.Result.Files)
            Assert.Equal(Headers[f.Entity], File.ReadLines(f.Path).First());
    }

    [Fact]
    public void Every_nip_parses_and_agrees_with_sex_and_birth_date()
    {
        var rows = g.Rows("pegawai").ToList();
        Assert.NotEmpty(rows);
        foreach (var r in rows)
        {
            var parsed = Nip.Parse(r["nip"], pppk: r["status_kepegawaian"] == "PPPK");
            Assert.True(parsed.Success, $"{r["nip"]}: {parsed.Error}");
            Assert.Equal(r["jenis_kelamin"][0], parsed.Nip.JenisKelamin);
            Assert.Equal(DateOnly.ParseExact(r["tanggal_lahir"], "yyyy-MM-dd", CultureInfo.InvariantCulture), parsed.Nip.TanggalLahir);
        }
        foreach (var f in g.Files("pegawai"))
        {
            var nips = Csv.Read(f.Path).Rows.Select(r => r["nip"]).ToList();
            Assert.Equal(nips.Count, nips.Distinct().Count());
        }
    }

    [Fact]
    public void Codes_are_from_the_spec_lists()
    {
        foreach (var r in g.Rows("pegawai"))
        {
            Assert.Contains(r["status_kepegawaian"], Codes.StatusKepegawaian);
            Assert.Contains(r["golongan"], r["status_kepegawaian"] == "PPPK" ? Codes.GolonganPppk : Codes.GolonganPns);
            Assert.Contains(r["jenis_jabatan"], Codes.JenisJabatan);
            Assert.Contains(r["pendidikan"], Codes.Pendidikan);
            Assert.NotEmpty(r["nama"]);
            Assert.NotEmpty(r["nama_jabatan"]);
        }
        foreach (var r in g.Rows("mutasi")) Assert.Contains(r["jenis_mutasi"], Codes.JenisMutasi);
        foreach (var r in g.Rows("diklat"))
        {
            Assert.Contains(r["jenis_pelatihan"], Codes.JenisPelatihan);
            Assert.Contains(r["status"], Codes.StatusDiklat);
            Assert.InRange(int.Parse(r["jp"], CultureInfo.InvariantCulture), 1, 1000);
            Assert.True(Date(r["tanggal_mulai"]) <= Date(r["tanggal_selesai"]));
            if (r["nilai_reaksi"].Length > 0) Assert.InRange(Dec(r["nilai_reaksi"]), 1, 5);
            if (r["nilai_post_test"].Length > 0) Assert.InRange(Dec(r["nilai_post_test"]), 0, 100);
        }
        foreach (var r in g.Rows("cuti"))
        {
            Assert.Contains(r["jenis_cuti"], Codes.JenisCuti);
            Assert.Contains(r["kanal"], Codes.Kanal);
            Assert.Contains(r["status"], Codes.StatusCuti);
            Assert.True(Date(r["tanggal_mulai"]) <= Date(r["tanggal_selesai"]));
            Assert.True(int.Parse(r["lama_hari"], CultureInfo.InvariantCulture) >= 1);
            if (r["waktu_keputusan"].Length > 0) Assert.True(Stamp(r["waktu_keputusan"]) >= Stamp(r["waktu_pengajuan"]));
            else Assert.Equal("diajukan", r["status"]);
        }
    }

    [Fact]
    public void Predikat_when_given_follows_the_PermenPANRB_6_2022_matrix()
    {
        var rows = g.Rows("kinerja").ToList();
        var filled = 0;
        foreach (var r in rows)
        {
            Assert.InRange(Dec(r["nilai_skp"]), 0, 120);
            Assert.True(Predikat.TryParseEkspektasi(r["hasil_kerja"], out var h));
            Assert.True(Predikat.TryParseEkspektasi(r["perilaku_kerja"], out var p));
            if (r["predikat"].Length == 0) continue;
            filled++;
            Assert.Equal(Predikat.From(h, p), r["predikat"]);
        }
        Assert.InRange(filled / (double)rows.Count, 0.4, 0.6);
        Assert.Contains(rows, r => r["periode"] == "2025-Q4");
        Assert.Contains(rows, r => r["periode"] == "2025");
        Assert.DoesNotContain(rows, r => r["periode"] is "2026-Q3" or "2026"); // not over yet at EndDate 2026-06-30
    }

    [Fact]
    public void Every_fact_points_to_a_known_employee_and_unit()
    {
        var units = g.Rows("unit_kerja").Select(r => r["kode_unit"]).ToHashSet();
        var nips = g.Rows("pegawai").Select(r => r["nip"]).ToHashSet();
        foreach (var r in g.Rows("pegawai")) Assert.Contains(r["kode_unit"], units);
        foreach (var entity in new[] { "mutasi", "diklat", "kinerja", "cuti" })
            foreach (var r in g.Rows(entity))
                Assert.Contains(r["nip"], nips);
        foreach (var r in g.Rows("kinerja")) Assert.Contains(r["kode_unit"], units);
        foreach (var r in g.Rows("cuti")) Assert.Contains(r["kode_unit"], units);
        foreach (var r in g.Rows("skm")) Assert.Contains(r["kode_unit"], units);
        foreach (var r in g.Rows("mutasi"))
        {
            Assert.Contains(r["kode_unit_tujuan"], units);
            if (r["jenis_mutasi"] != "pengangkatan") Assert.Contains(r["kode_unit_asal"], units);
        }
    }

    [Fact]
    public void Ids_are_unique_within_every_fact_file()
    {
        foreach (var (entity, id) in new[] { ("mutasi", "id_mutasi"), ("diklat", "id_diklat"), ("kinerja", "id_penilaian"), ("cuti", "id_pengajuan"), ("skm", "id_responden") })
        {
            var ids = g.Rows(entity).Select(r => r[id]).ToList();
            Assert.Equal(ids.Count, ids.ToHashSet().Count);
        }
    }

    [Fact]
    public void Palembang_has_18_kecamatan_and_107_kelurahan_each_under_a_kecamatan()
    {
        var units = g.Rows("unit_kerja").ToList();
        var kecamatan = units.Where(u => u["jenis_unit"] == "kecamatan").Select(u => u["kode_unit"]).ToHashSet();
        var kelurahan = units.Where(u => u["jenis_unit"] == "kelurahan").ToList();
        Assert.Equal(18, kecamatan.Count);
        Assert.Equal(107, kelurahan.Count);
        Assert.All(kelurahan, k => Assert.Contains(k["kode_induk"], kecamatan));
        Assert.All(kecamatan, k => Assert.Contains(kelurahan, l => l["kode_induk"] == k));
        Assert.All(units, u => Assert.Contains(u["jenis_unit"], Codes.JenisUnit));
        Assert.Equal(units.Count, units.Select(u => u["kode_unit"]).Distinct().Count());
        foreach (var kode in new[] { "DISDIK", "DINKES", "RSUD-BARI", "RSUD-GANDUS", "SATPOLPP", "KEC-ILIR-TIMUR-I", "KEC-SEMATANG-BORANG" })
            Assert.Contains(units, u => u["kode_unit"] == kode);
        Assert.All(units.Where(u => u["jenis_unit"] is "kecamatan" or "kelurahan" or "rsud"), u => Assert.NotEmpty(u["populasi"]));
    }

    [Fact]
    public void Nothing_is_dated_after_the_end_date()
    {
        var end = GeneratedInbox.EndDate;
        foreach (var r in g.Rows("mutasi")) Assert.True(Date(r["tanggal_efektif"]) <= end);
        foreach (var r in g.Rows("diklat")) Assert.True(Date(r["tanggal_selesai"]) <= end);
        foreach (var r in g.Rows("cuti"))
        {
            Assert.True(Date(r["tanggal_selesai"]) <= end);
            Assert.True(DateOnly.FromDateTime(Stamp(r["waktu_pengajuan"])) <= end);
            if (r["waktu_keputusan"].Length > 0) Assert.True(DateOnly.FromDateTime(Stamp(r["waktu_keputusan"])) <= end);
        }
        foreach (var r in g.Rows("skm")) Assert.True(Date(r["tanggal_survei"]) <= end);
    }

    [Fact]
    public void Skm_answers_are_1_to_4_or_blank_and_all_grades_occur()
    {
        var rows = g.Rows("skm").ToList();
        var blank = 0;
        foreach (var r in rows)
            for (var i = 1; i <= 9; i++)
            {
                var v = r[$"u{i}"];
                if (v.Length == 0) { blank++; continue; }
                Assert.InRange(int.Parse(v, CultureInfo.InvariantCulture), 1, 4);
            }
        Assert.InRange(blank / (rows.Count * 9.0), 0.02, 0.04);
        Assert.Contains(rows, r => r["saran"].Contains("<script>", StringComparison.Ordinal));
        Assert.Contains(rows, r => r["saran"].StartsWith('='));

        // IKM per unit over 2025 (PermenPANRB 14/2017: mean of element means × 25), graded A–D.
        var grades = rows.Where(r => r["tanggal_survei"].StartsWith("2025", StringComparison.Ordinal)).GroupBy(r => r["kode_unit"]).Select(u =>
        {
            var ikm = Enumerable.Range(1, 9).Average(i => u.Where(r => r[$"u{i}"].Length > 0).Average(r => int.Parse(r[$"u{i}"], CultureInfo.InvariantCulture))) * 25;
            return ikm >= 88.31 ? 'A' : ikm >= 76.61 ? 'B' : ikm >= 65 ? 'C' : 'D';
        }).ToHashSet();
        Assert.Equal(new HashSet<char> { 'A', 'B', 'C', 'D' }, grades);
    }

    private static DateOnly Date(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static DateTime Stamp(string s) => DateTime.ParseExact(s, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    private static double Dec(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
