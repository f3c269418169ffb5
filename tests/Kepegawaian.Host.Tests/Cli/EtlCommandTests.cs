using System.Text.Json;
using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary><c>kepegawaian etl</c> and <c>kepegawaian rejects</c> (spec §5): summary, exit codes, ledger filters.</summary>
public sealed class EtlCommandTests
{
    private const string Units = "kode_unit,nama_unit,jenis_unit\nDINKES,Dinas Kesehatan,dinas\nKEC01,Kecamatan Ilir Timur I,kecamatan\n";
    private const string Skm = "id_responden,kode_unit,jenis_layanan,tanggal_survei,u1,u2,u3,u4,u5,u6,u7,u8,u9\n"
        + "R1,KEC01,KTP-el,2026-05-02,4,4,4,4,4,4,4,4,4\n"
        + "R2,NOPE,KTP-el,2026-05-02,4,4,4,4,4,4,4,4,4\n"
        + "R3,KEC01,KTP-el,2026-05-02,4,4,4,4,7,4,4,4,4\n";

    [Fact]
    public async Task Etl_prints_the_four_counts_per_file_as_json_and_rejects_lists_the_ledger()
    {
        using var folder = TempFolder.Create("cli-etl");
        var inbox = folder.Sub("inbox");
        var db = folder.File("wh.duckdb");
        File.WriteAllText(Path.Combine(inbox, "unit_kerja_2026.csv"), Units);
        File.WriteAllText(Path.Combine(inbox, "skm_2026.csv"), Skm);

        var output = new StringWriter();
        var code = await CliApp.RunAsync(["etl", "--inbox", inbox, "--db", db, "--format", "json"], output, new StringWriter());

        Assert.Equal(CliApp.Ok, code);
        using var json = JsonDocument.Parse(output.ToString());
        var skm = json.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("entity").GetString() == "skm");
        Assert.Equal((3, 1, 0, 2), (skm.GetProperty("rows_read").GetInt32(), skm.GetProperty("rows_loaded").GetInt32(),
            skm.GetProperty("rows_unchanged").GetInt32(), skm.GetProperty("rows_rejected").GetInt32()));
        Assert.Equal(5, json.RootElement.GetProperty("rows_read").GetInt32());

        var rejects = new StringWriter();
        Assert.Equal(CliApp.Ok, await CliApp.RunAsync(["rejects", "--db", db, "--reason", "rentang_nilai", "--format", "csv"], rejects, new StringWriter()));
        var lines = rejects.ToString().Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("run_id,file_name,line_number,column_name,reason_code", lines[0]);
        Assert.StartsWith("1,skm_2026.csv,4,u5,RENTANG_NILAI,", lines[1]);
    }

    [Fact]
    public async Task A_failed_file_gives_exit_code_2_and_says_where_to_look()
    {
        using var folder = TempFolder.Create("cli-etl");
        var inbox = folder.Sub("inbox");
        File.WriteAllText(Path.Combine(inbox, "unit_kerja_2026.csv"), "kode_unit,jenis_unit\nX,dinas\n");

        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["etl", "--inbox", inbox, "--db", folder.File("wh.duckdb")], output, error);

        Assert.Equal(CliApp.OperatorError, code);
        Assert.Contains("failed", output.ToString());
        Assert.Contains("nama_unit", output.ToString());
        Assert.Contains(".error.txt", error.ToString());
    }

    [Fact]
    public async Task A_missing_inbox_is_an_operator_error()
    {
        using var folder = TempFolder.Create("cli-etl");
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["etl", "--inbox", folder.File("nope"), "--db", folder.File("wh.duckdb")], new StringWriter(), error);
        Assert.Equal(CliApp.OperatorError, code);
        Assert.Contains("tidak ada", error.ToString());
    }
}
