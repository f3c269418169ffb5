using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary>Issue 10 item 2: `rejects --format json` stays small whatever the rejected row was.</summary>
public sealed class RejectsCommandTests
{
    [Fact]
    public async Task A_rejected_20_MB_line_is_listed_as_a_4096_character_prefix_with_its_length_and_hash()
    {
        using var folder = TempFolder.Create("cli-rejects");
        var inbox = folder.Sub("inbox");
        var db = folder.File("wh.duckdb");
        var line = "R1,KEL01,KTP-el,2026-05-02,4,4,4,4,4,4,4,4,4,P,34,S1,Wiraswasta," + new string('a', 20 << 20);
        File.WriteAllText(Path.Combine(inbox, "unit_kerja_2026.csv"), "kode_unit,nama_unit,jenis_unit\nKEL01,Kelurahan 20 Ilir D I,kelurahan\n");
        File.WriteAllText(Path.Combine(inbox, "skm_2026.csv"),
            "id_responden,kode_unit,jenis_layanan,tanggal_survei,u1,u2,u3,u4,u5,u6,u7,u8,u9,jenis_kelamin,usia,pendidikan,pekerjaan,saran\n" + line + "\n");
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["etl", "--inbox", inbox, "--db", db, "--no-refresh"], new StringWriter(), new StringWriter()));

        var output = new StringWriter();
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["rejects", "--db", db, "--format", "json"], output, new StringWriter()));

        Assert.True(output.ToString().Length < 20_000);
        using var json = JsonDocument.Parse(output.ToString());
        var row = json.RootElement.EnumerateArray().Single();
        Assert.Equal("BARIS_TERLALU_PANJANG", row.GetProperty("reason_code").GetString());
        Assert.Equal(line[..4096], row.GetProperty("raw_text").GetString());
        Assert.Equal(Encoding.UTF8.GetByteCount(line), row.GetProperty("raw_length").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line))), row.GetProperty("raw_sha256").GetString());
    }
}

/// <summary>Issue 13 item 4: `rejects --warnings` lists kinerja rows kept under Etl:PredikatPolicy = KeepAndWarn.</summary>
public sealed class RejectsWarningsCommandTests
{
    [Fact]
    public async Task A_kept_predikat_that_contradicts_the_matrix_is_listed_with_its_line_column_and_expected_value()
    {
        using var folder = TempFolder.Create("cli-warnings");
        var inbox = folder.Sub("inbox");
        var db = folder.File("wh.duckdb");
        File.WriteAllText(Path.Combine(inbox, "unit_kerja_2026.csv"), "kode_unit,nama_unit,jenis_unit\nDINKES,Dinas Kesehatan,dinas\n");
        File.WriteAllText(Path.Combine(inbox, "pegawai_2026-01.csv"),
            "nip,nama,jenis_kelamin,tanggal_lahir,status_kepegawaian,golongan,jenis_jabatan,nama_jabatan,kode_unit,pendidikan,tanggal_data\n" +
            "198502142010012002,Siti,P,1985-02-14,PNS,III/c,fungsional,Dokter Ahli Muda,DINKES,S1,2026-01-01\n");
        // hasil sesuai × perilaku di bawah: the matrix says Kurang/Misconduct; the source stored max = "Baik".
        File.WriteAllText(Path.Combine(inbox, "kinerja_2026.csv"),
            "id_penilaian,nip,periode,hasil_kerja,perilaku_kerja,predikat,nilai_skp,kode_unit\n" +
            "K2,198502142010012002,2026-Q1,sesuai,di_bawah,Baik,80,DINKES\n");
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["etl", "--inbox", inbox, "--db", db, "--no-refresh"], new StringWriter(), new StringWriter()));

        var rejects = new StringWriter();
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["rejects", "--db", db, "--format", "json"], rejects, new StringWriter()));
        var output = new StringWriter();
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["rejects", "--warnings", "--db", db, "--format", "json"], output, new StringWriter()));

        using (var none = JsonDocument.Parse(rejects.ToString())) Assert.Empty(none.RootElement.EnumerateArray());
        using var json = JsonDocument.Parse(output.ToString());
        var row = json.RootElement.EnumerateArray().Single();
        Assert.Equal("kinerja_2026.csv", row.GetProperty("file_name").GetString());
        Assert.Equal(2, row.GetProperty("line_number").GetInt64());
        Assert.Equal("predikat", row.GetProperty("column_name").GetString());
        Assert.Equal("PREDIKAT_TIDAK_SESUAI", row.GetProperty("reason_code").GetString());
        Assert.Equal("Kurang/Misconduct", row.GetProperty("expected").GetString());
    }
}
