using Kepegawaian.Etl.Operations;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Operations;

public sealed class EtlHealthTests
{
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly DateTime Now = new(2026, 11, 30, 7, 0, 0);

    [Fact]
    public void No_run_yet_is_unhealthy()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        var report = EtlHealth.Check(c, wh.Folder.Sub("inbox"), TimeSpan.FromHours(1), Now, Wib);
        Assert.False(report.Healthy);
        Assert.Null(report.LastSuccessAt);
    }

    [Fact]
    public void A_succeeded_run_and_an_empty_inbox_is_healthy()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("INSERT INTO etl_run VALUES (1, TIMESTAMP '2026-11-30 06:45:00', TIMESTAMP '2026-11-30 06:46:00', 'succeeded', 'inbox', 'm', NULL)");
        var report = EtlHealth.Check(c, wh.Folder.Sub("inbox"), TimeSpan.FromHours(1), Now, Wib);
        Assert.True(report.Healthy);
        Assert.Equal(new DateTime(2026, 11, 30, 6, 46, 0), report.LastSuccessAt);
        Assert.False(report.InboxStale);
    }

    [Fact]
    public void A_file_waiting_longer_than_the_limit_makes_the_inbox_stale()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("INSERT INTO etl_run VALUES (1, TIMESTAMP '2026-11-30 06:45:00', TIMESTAMP '2026-11-30 06:46:00', 'succeeded', 'inbox', 'm', NULL)");
        var inbox = wh.Folder.Sub("inbox");
        var old = Path.Combine(inbox, "cuti_2026.csv");
        File.WriteAllText(old, "x");
        // 07:00 WIB minus 90 minutes = 05:30 WIB = 22:30 UTC the day before.
        File.SetLastWriteTimeUtc(old, new DateTime(2026, 11, 29, 22, 30, 0, DateTimeKind.Utc));
        var report = EtlHealth.Check(c, inbox, TimeSpan.FromHours(1), Now, Wib);
        Assert.False(report.Healthy);
        Assert.True(report.InboxStale);
        Assert.Equal(1, report.FilesWaiting);
        Assert.Equal(new DateTime(2026, 11, 30, 5, 30, 0), report.OldestWaitingAt);
    }

    [Fact]
    public void The_run_log_sums_files_and_rows_per_run()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("INSERT INTO etl_run VALUES (7, TIMESTAMP '2026-11-30 06:45:00', TIMESTAMP '2026-11-30 06:45:30', 'partial', 'inbox', 'm', NULL)");
        c.Execute("""
            INSERT INTO etl_file (file_id, run_id, file_name, entity, format, content_hash, size_bytes, status, rows_read, rows_loaded, rows_unchanged, rows_rejected, started_at) VALUES
              (1, 7, 'a.csv', 'cuti', 'csv', 'h1', 10, 'loaded', 10, 7, 1, 2, TIMESTAMP '2026-11-30 06:45:00'),
              (2, 7, 'b.csv', 'skm',  'csv', 'h2', 10, 'failed', 0, 0, 0, 0, TIMESTAMP '2026-11-30 06:45:10'),
              (3, 7, 'c.csv', 'skm',  'csv', 'h3', 10, 'duplicate', 0, 0, 0, 0, TIMESTAMP '2026-11-30 06:45:20')
            """);
        var run = Assert.Single(EtlRunLog.Recent(c));
        Assert.Equal((7L, 3L, 1L, 1L, 1L), (run.RunId, run.Files, run.FilesLoaded, run.FilesFailed, run.FilesDuplicate));
        Assert.Equal((10L, 7L, 1L, 2L), (run.RowsRead, run.RowsLoaded, run.RowsUnchanged, run.RowsRejected));
        Assert.Equal(30.0, run.DurationSeconds);
    }
}
