using Kepegawaian.Etl.Operations;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Operations;

/// <summary>Issue 10 item 1: health is unhealthy when the last run did not finish or a file fails scan after scan.</summary>
public sealed class EtlHealthRunStateTests
{
    private static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly DateTime Now = new(2026, 11, 30, 7, 0, 0);

    [Theory]
    [InlineData("abandoned", "2026-11-30 06:45:00", false)]
    [InlineData("cancelled", "2026-11-30 06:45:00", false)]
    [InlineData("running", "2026-11-30 04:00:00", false)]  // three hours, stale after one: stuck
    [InlineData("running", "2026-11-30 06:55:00", true)]   // five minutes: a scan in progress
    public void The_last_run_must_have_finished(string status, string startedAt, bool healthy)
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("INSERT INTO etl_run VALUES (1, TIMESTAMP '2026-11-30 02:00:00', TIMESTAMP '2026-11-30 02:01:00', 'succeeded', 'inbox', 'm', NULL)");
        c.Execute($"INSERT INTO etl_run VALUES (2, TIMESTAMP '{startedAt}', NULL, '{status}', 'inbox', 'm', NULL)");

        var report = EtlHealth.Check(c, wh.Folder.Sub("inbox"), TimeSpan.FromHours(1), Now, Wib);

        Assert.Equal(healthy, report.Healthy);
        Assert.Equal(status, report.LastStatus);
    }

    [Theory]
    [InlineData(3, 3, true, false)]   // failed the last 3 scans, limit 3, still in the inbox: unhealthy
    [InlineData(3, 4, true, true)]    // limit 4: not yet
    [InlineData(3, 3, false, true)]   // no longer in the inbox (removed by the operator): nothing to do
    public void A_file_failing_N_scans_in_a_row_is_unhealthy(int failures, int limit, bool inInbox, bool healthy)
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        var inbox = wh.Folder.Sub("inbox");
        if (inInbox) File.WriteAllText(Path.Combine(inbox, "cuti_x.csv"), "x");
        c.Execute("INSERT INTO etl_run VALUES (1, TIMESTAMP '2026-11-30 06:45:00', TIMESTAMP '2026-11-30 06:46:00', 'succeeded', 'inbox', 'm', NULL)");
        // An older success of the same name, then the failing streak.
        c.Execute("INSERT INTO etl_file (file_id, run_id, file_name, content_hash, size_bytes, status, started_at) VALUES (1, 1, 'cuti_x.csv', 'h0', 1, 'loaded', TIMESTAMP '2026-11-29 06:00:00')");
        for (var i = 0; i < failures; i++)
            c.Execute($"INSERT INTO etl_file (file_id, run_id, file_name, content_hash, size_bytes, status, started_at) VALUES ({i + 2}, 1, 'cuti_x.csv', 'h', 1, 'error', TIMESTAMP '2026-11-30 06:00:00')");

        var report = EtlHealth.Check(c, inbox, TimeSpan.FromDays(1), Now, Wib, failedScansUnhealthy: limit);

        Assert.Equal(healthy, report.Healthy);
        if (!healthy) Assert.Equal([new FailingFile("cuti_x.csv", failures)], report.FailingFiles);
    }

    [Fact]
    public void A_committed_file_that_cannot_be_moved_N_times_is_unhealthy()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        var inbox = wh.Folder.Sub("inbox");
        File.WriteAllText(Path.Combine(inbox, "skm_2026.csv"), "x");
        c.Execute("INSERT INTO etl_run VALUES (1, TIMESTAMP '2026-11-30 06:45:00', TIMESTAMP '2026-11-30 06:46:00', 'succeeded', 'inbox', 'm', NULL)");
        c.Execute("INSERT INTO etl_file (file_id, run_id, file_name, content_hash, size_bytes, status, started_at) VALUES (1, 1, 'skm_2026.csv', 'h', 1, 'loaded', TIMESTAMP '2026-11-30 06:00:00')");
        c.Execute("INSERT INTO etl_file_move VALUES (1, 'Permission denied', 3, TIMESTAMP '2026-11-30 06:46:00')");

        var report = EtlHealth.Check(c, inbox, TimeSpan.FromDays(1), Now, Wib, failedScansUnhealthy: 3);

        Assert.False(report.Healthy);
        Assert.Equal([new FailingFile("skm_2026.csv", 3)], report.FailingFiles);
    }

    [Fact]
    public void Extra_checks_plug_into_the_report()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        c.Execute("INSERT INTO etl_run VALUES (1, TIMESTAMP '2026-11-30 06:45:00', TIMESTAMP '2026-11-30 06:46:00', 'succeeded', 'inbox', 'm', NULL)");

        var report = EtlHealth.Check(c, wh.Folder.Sub("inbox"), TimeSpan.FromHours(1), Now, Wib, moreChecks: _ => ["mart lama"]);

        Assert.False(report.Healthy);
        Assert.Contains("mart lama", report.Problems);
    }
}
