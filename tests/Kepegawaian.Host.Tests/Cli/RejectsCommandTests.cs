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
