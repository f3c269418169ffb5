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

        Assert.True(WarehouseSnapshot.Publish(c, wh.Path).ByteCopy);
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

    [Fact]
    public void Publishing_keeps_this_process_s_lock_on_the_live_file()
    {
        // DuckDB locks the file with fcntl (POSIX); closing any descriptor of it in this process would release that lock
        // (and let another process open the live warehouse), which is why the copy runs in a cp process.
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        Assert.True(HoldsPosixLock(wh.Path), "DuckDB's lock before the publish");
        Assert.True(WarehouseSnapshot.Publish(c, wh.Path).ByteCopy);
        Assert.True(HoldsPosixLock(wh.Path), "DuckDB's lock after the publish");
    }

    /// <summary>Whether /proc/locks lists a POSIX lock of this process on <paramref name="path"/>'s inode.</summary>
    private static bool HoldsPosixLock(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var inode = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        var pid = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return File.ReadLines("/proc/locks")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Any(f => f.Length > 5 && f[1] == "POSIX" && f[4] == pid && f[5].EndsWith(":" + inode, StringComparison.Ordinal));
    }

    private static (long Runs, long Units) Counts(WarehouseDatabase snapshot)
    {
        using var s = snapshot.Open();
        return (s.Scalar<long>("SELECT count(*) FROM etl_run"), s.Scalar<long>("SELECT count(*) FROM dim_unit"));
    }
}
