using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace Kepegawaian.Host.Tests.Sources;

/// <summary>`demo --sources` runs end to end from SIASN-shaped pegawai files, SIASN API histories, long SKM files and e-Cuti exports (issue 13 item 5).</summary>
public sealed class DemoSourcesTests
{
    [Fact]
    public async Task Demo_sources_loads_the_city_through_the_source_profiles()
    {
        using var clock = CliClock.Use(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 3, 0, 0, TimeSpan.Zero)));
        using var folder = TempFolder.Create("demo-sources");
        var root = folder.Sub("out");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["demo", "--out", root, "--employees", "30", "--sources"], output, error);
        Assert.True(code == CliApp.Ok, output + error.ToString());
        Assert.Contains("bentuk sumber / synthetic inbox, source-shaped", output.ToString());

        using var c = new WarehouseDatabase(Path.Combine(root, "kepegawaian.duckdb")).Open(readOnly: true);
        // Every pegawai and skm file loaded was a source-shaped one, and they filled the warehouse.
        Assert.Equal(0L, c.Scalar<long>("SELECT count(*) FROM etl_file WHERE entity IN ('pegawai', 'skm') AND file_name NOT LIKE 'siasn-pegawai\\_%' ESCAPE '\\' AND file_name NOT LIKE 'skm-long\\_%' ESCAPE '\\'"));
        Assert.True(c.Scalar<long>("SELECT count(*) FROM etl_file WHERE status = 'loaded' AND file_name LIKE 'siasn-pegawai\\_%' ESCAPE '\\'") >= 3);
        Assert.True(c.Scalar<long>("SELECT count(DISTINCT nip) FROM dim_employee") >= 30);
        Assert.True(c.Scalar<long>("SELECT count(*) FROM fact_skm") > 1000);
        // Online leave came from the e-Cuti exports; paper requests from the contract's cuti files.
        Assert.True(c.Scalar<long>("SELECT count(*) FROM etl_file WHERE status = 'loaded' AND file_name LIKE 'ecuti\\_%' ESCAPE '\\'") >= 1);
        Assert.Equal(0L, c.Scalar<long>("SELECT count(*) FROM fact_cuti f JOIN etl_file e ON e.file_id = f.etl_file_id WHERE e.file_name LIKE 'cuti\\_%' ESCAPE '\\' AND f.kanal = 'online'"));
        Assert.True(c.Scalar<long>("SELECT count(*) FROM fact_cuti WHERE kanal = 'online'") > 0);
        // Appraisals came only from the SIASN API histories (rw-skp22, rw-kinerjaperiodik), placements from rw-jabatan.
        Assert.Equal(0L, c.Scalar<long>("SELECT count(*) FROM fact_kinerja f JOIN etl_file e ON e.file_id = f.etl_file_id WHERE e.file_name NOT LIKE 'siasn-rw-%'"));
        Assert.True(c.Scalar<long>("SELECT count(*) FROM fact_kinerja") > 0);
        Assert.Equal(0L, c.Scalar<long>("SELECT count(*) FROM fact_mutasi f JOIN etl_file e ON e.file_id = f.etl_file_id WHERE f.jenis_mutasi IN ('mutasi', 'promosi') AND e.file_name <> 'siasn-rw-jabatan_kota.jsonl'"));
        Assert.True(File.Exists(Path.Combine(root, "summary.txt")));
    }
}
