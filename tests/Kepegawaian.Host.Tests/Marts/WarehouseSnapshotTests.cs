using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Host.Tests.Marts;

/// <summary>Issue 10 item 4: the read-only copy `serve` publishes for the CLI.</summary>
public sealed class WarehouseSnapshotTests
{
    [Fact]
    public void The_snapshot_holds_every_table_with_the_same_rows_and_a_republish_replaces_it_whole()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("INSERT INTO etl_run VALUES (1, TIMESTAMP '2026-11-30 06:45:00', TIMESTAMP '2026-11-30 06:46:00', 'succeeded', 'inbox', 'm', NULL)");
        c.Execute("INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, row_hash) VALUES ('DINKES', 'Dinas Kesehatan', 'dinas', 1)");

        Assert.True(WarehouseSnapshot.Publish(c, wh.Path).ByteCopy);
        c.Execute("INSERT INTO etl_run VALUES (2, TIMESTAMP '2026-11-30 07:45:00', NULL, 'running', 'inbox', 'm', NULL)");
        Assert.Equal((1L, 1L), Counts(WarehouseSnapshot.Find(wh.Path)!));     // taken before run 2

        WarehouseSnapshot.Publish(c, wh.Path);
        var snapshot = WarehouseSnapshot.Find(wh.Path)!;
        Assert.Equal((2L, 1L), Counts(snapshot));
        Assert.Equal(wh.Path + ".snapshot", snapshot.Path);
        Assert.False(File.Exists(wh.Path + ".snapshot.tmp"));
        // Every table of the live file is in the copy, and the copy cannot be written.
        using var s = snapshot.Open();
        Assert.Equal(c.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database()"),
            s.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database()"));
        Assert.ThrowsAny<Exception>(() => s.Execute("DELETE FROM etl_run"));
    }

    [Fact]
    public void A_write_left_open_on_another_connection_stays_out_of_the_snapshot_and_every_commit_before_it_is_in()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        using var other = wh.Open();
        c.Execute("INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, row_hash) VALUES ('DINKES', 'Dinas Kesehatan', 'dinas', 1)");
        other.Execute("BEGIN TRANSACTION");
        other.Execute("INSERT INTO etl_run SELECT i, TIMESTAMP '2026-11-30 07:45:00', NULL, 'running', 'inbox', 'm', NULL FROM range(1, 200001) r(i)");

        Assert.True(WarehouseSnapshot.Publish(c, wh.Path).ByteCopy);
        Assert.Equal((0L, 1L), Counts(WarehouseSnapshot.Find(wh.Path)!));

        other.Execute("COMMIT");
        Assert.True(WarehouseSnapshot.Publish(c, wh.Path).ByteCopy);
        Assert.Equal((200_000L, 1L), Counts(WarehouseSnapshot.Find(wh.Path)!));
        Assert.False(File.Exists(wh.Path + ".snapshot.wal"));
    }

    [Fact]
    public void A_database_without_a_file_is_published_with_copy_from_database()
    {
        using var wh = new TempWarehouse();
        using var memory = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        memory.Open();
        Migrator.Migrate(memory);
        memory.Execute("INSERT INTO dim_unit (kode_unit, nama_unit, jenis_unit, row_hash) VALUES ('DINKES', 'Dinas Kesehatan', 'dinas', 1)");

        Assert.False(WarehouseSnapshot.Publish(memory, wh.Path).ByteCopy);
        Assert.Equal((0L, 1L), Counts(WarehouseSnapshot.Find(wh.Path)!));
    }

    private static (long Runs, long Units) Counts(WarehouseDatabase snapshot)
    {
        using var s = snapshot.Open();
        return (s.Scalar<long>("SELECT count(*) FROM etl_run"), s.Scalar<long>("SELECT count(*) FROM dim_unit"));
    }
}
