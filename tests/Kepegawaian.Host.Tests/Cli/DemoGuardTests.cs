using Kepegawaian.Service.Cli;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Cli;

/// <summary>`demo --db` never pours synthetic employees into a real warehouse.</summary>
public sealed class DemoGuardTests
{
    [Fact]
    public async Task Demo_refuses_a_warehouse_that_holds_real_data()
    {
        using var folder = TempFolder.Create("demo-guard");
        var db = folder.File("nyata.duckdb");
        using (var c = new WarehouseDatabase(db).OpenAndMigrate())
            c.Execute("INSERT INTO etl_run (run_id, started_at, status) VALUES (1, TIMESTAMP '2026-11-01 07:00', 'succeeded')");
        using (var c = new WarehouseDatabase(db).OpenAndMigrate())
            c.Execute("INSERT INTO etl_file (file_id, run_id, file_name, content_hash, size_bytes, status, started_at) VALUES (1, 1, 'pegawai_2026.csv', 'ab', 10, 'loaded', TIMESTAMP '2026-11-01 07:00')");
        var error = new StringWriter();
        var code = await CliApp.RunAsync(["demo", "--out", folder.Sub("out"), "--db", db, "--employees", "50"], new StringWriter(), error);
        Assert.Equal(CliApp.OperatorError, code);
        Assert.Contains("bukan dari demo", error.ToString());
        using var check = new WarehouseDatabase(db).Open(readOnly: true);
        Assert.Equal(0L, check.Scalar<long>("SELECT count(*) FROM dim_employee"));
    }

    [Fact]
    public void A_warehouse_demo_filled_or_an_empty_one_may_be_used_again()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Assert.False(WarehouseInfo.HoldsRealData(c));
        c.Execute("INSERT INTO etl_run (run_id, started_at, status) VALUES (1, TIMESTAMP '2026-11-01 07:00', 'succeeded')");
        c.Execute("INSERT INTO etl_file (file_id, run_id, file_name, content_hash, size_bytes, status, started_at) VALUES (1, 1, 'pegawai_2026.csv', 'ab', 10, 'loaded', TIMESTAMP '2026-11-01 07:00')");
        Assert.True(WarehouseInfo.HoldsRealData(c));
        WarehouseInfo.MarkSynthetic(c);
        Assert.False(WarehouseInfo.HoldsRealData(c));
    }
}
