using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Warehouse;

public sealed class MigrationTests
{
    [Fact]
    public void Fresh_file_gets_every_migration_and_the_star_schema()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Assert.Equal(Migrator.All.Count, c.Scalar<int>("SELECT count(*) FROM schema_version"));
        foreach (var table in new[] { "dim_unit", "dim_employee", "dim_date", "dim_training_course", "fact_mutasi", "fact_diklat", "fact_kinerja", "fact_cuti", "fact_skm", "etl_run", "etl_file", "etl_reject" })
            Assert.Equal(1, c.Scalar<int>($"SELECT count(*) FROM information_schema.tables WHERE table_name = '{table}'"));
    }

    [Fact]
    public void Running_migrations_again_is_a_no_op()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Assert.Equal(0, Migrator.Migrate(c));
    }

    [Fact]
    public void An_older_file_is_upgraded_in_place_keeping_its_rows()
    {
        using var folder = TempFolder.Create("old");
        var database = new WarehouseDatabase(folder.File("old.duckdb"));
        using (var c = database.Open())
        {
            // A file written by the first release: only V001.
            Assert.Equal(1, Migrator.Migrate(c, targetVersion: 1));
            c.Execute("INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, row_hash) VALUES ('X', 'Unit X', 'dinas', 1)");
        }
        using var upgraded = database.OpenAndMigrate();
        Assert.Equal(Migrator.All.Count, upgraded.Scalar<int>("SELECT count(*) FROM schema_version"));
        Assert.Equal("Unit X", upgraded.Scalar<string>("SELECT nama_unit FROM dim_unit WHERE kode_unit = 'X'"));
        Assert.Equal(0, Migrator.Migrate(upgraded));
    }

    [Fact]
    public void The_file_opens_read_only_while_nobody_writes()
    {
        using var wh = new TempWarehouse();
        using var ro = wh.Database.Open(readOnly: true);
        Assert.True(ro.Scalar<long>("SELECT count(*) FROM dim_date") > 10_000);
    }

    [Fact]
    public void A_second_writer_process_gets_a_clear_message()
    {
        using var wh = new TempWarehouse();
        using var holder = wh.Open();
        // DuckDB locks per process; a second connection in the same process shares the instance,
        // so the cross-process lock is exercised in the host tests. Here: a missing file for read-only.
        var missing = new WarehouseDatabase(System.IO.Path.Combine(wh.Folder.Path, "nope.duckdb"));
        var ex = Assert.Throws<WarehouseNotFoundException>(() => missing.Open(readOnly: true));
        Assert.Contains("belum ada", ex.Message);
    }
}
