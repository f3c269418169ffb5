using System.Text;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Etl.Hostile;

/// <summary>
/// Issue 10 item 1: one bad inbox entry never stops a run. Each case puts the hostile entry beside valid
/// files and asserts that the valid ones load, that the run ends with a final status, and that the
/// hostile entry was neither opened nor followed.
/// </summary>
public sealed class HostileEntryTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public void Symlinks_a_fifo_and_a_folder_are_skipped_unopened_and_the_other_files_load()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write("skm_2026.csv", EtlTestBed.SkmCsv);
        File.CreateSymbolicLink(Path.Combine(bed.Inbox, "cuti_x.csv"), Path.Combine(bed.Inbox, "tidak-ada.csv"));   // dangling
        File.CreateSymbolicLink(Path.Combine(bed.Inbox, "pegawai_x.csv"), "/etc/passwd");                         // outside the inbox
        HostileInbox.MakeFifo(Path.Combine(bed.Inbox, "cuti_fifo.csv"));                                          // blocks whoever opens it
        Directory.CreateDirectory(Path.Combine(bed.Inbox, "diklat_folder.csv"));

        var summary = HostileInbox.RunWithin(bed, Limit);

        Assert.Equal(EtlRunSummary.Succeeded, summary.Status);
        Assert.Equal(["cuti_fifo.csv", "cuti_x.csv", "diklat_folder.csv", "pegawai_x.csv"],
            summary.Files.Where(f => f.Status == EtlFileSummary.Skipped).Select(f => f.File).Order(StringComparer.Ordinal));
        Assert.Equal(2, summary.Files.Single(f => f.File == "skm_2026.csv").RowsLoaded);
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM fact_skm"));
        Assert.Equal(3, bed.Scalar<long>("SELECT count(*) FROM dim_employee"));
        Assert.Equal(["succeeded"], bed.Rows("SELECT status FROM etl_run").Select(r => (string)r[0]!));
        // /etc/passwd was never read: not in the ledger, the audit, the messages or failed/.
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM etl_reject WHERE raw_text LIKE '%root:%'"));
        Assert.DoesNotContain(summary.Files, f => f.Message?.Contains("root:") == true);
        Assert.False(Directory.Exists(Path.Combine(bed.Inbox, "failed")));
        Assert.Equal(4, bed.Scalar<long>("SELECT count(*) FROM etl_warning"));
        // Left where they are; the next scan reports them again without new audit rows.
        Assert.True(File.Exists(Path.Combine(bed.Inbox, "cuti_fifo.csv")));
        var next = HostileInbox.RunWithin(bed, Limit);
        Assert.Equal(4, next.Files.Count(f => f.Status == EtlFileSummary.Skipped));
        Assert.Equal(4, bed.Scalar<long>("SELECT count(*) FROM etl_warning"));
    }

    [Fact]
    public void A_run_left_running_by_a_dead_process_is_closed_as_abandoned_at_the_next_start()
    {
        using var bed = new EtlTestBed();
        using (var c = bed.Database.Open())
            c.Execute("INSERT INTO etl_run (run_id, started_at, status) VALUES (nextval('seq_etl_run'), TIMESTAMP '2026-11-19 02:00:00', 'running')");
        bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv);

        bed.Run();

        Assert.Equal(["abandoned", "succeeded"], bed.Rows("SELECT status FROM etl_run ORDER BY run_id").Select(r => (string)r[0]!));
    }

    [Fact]
    public void A_run_that_stops_on_an_exception_still_ends_failed_not_running()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        var request = new EtlRequest(bed.Inbox) { Progress = new Throwing("pegawai_2026-01.csv") };

        Assert.Throws<InvalidOperationException>(() => bed.Run(request));

        var run = bed.Rows("SELECT status, finished_at FROM etl_run").Single();
        Assert.Equal("failed", run[0]);
        Assert.NotNull(run[1]);
    }

    [Fact]
    public void A_failure_after_the_commit_is_loaded_not_moved_and_the_next_scan_moves_it_without_reloading()
    {
        using var bed = new EtlTestBed();
        var path = bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv);
        var failMove = new EtlRequest(bed.Inbox)
        {
            FaultHook = (p, _) => { if (p == EtlFaultPoint.AfterCommit) throw new IOException("disk penuh (simulasi)"); },
        };

        var first = bed.Run(failMove);

        var file = first.Files.Single();
        Assert.Equal((EtlFileSummary.NotMoved, 3L), (file.Status, file.RowsLoaded));
        Assert.Contains("disk penuh", file.Message);
        Assert.Equal(EtlRunSummary.Partial, first.Status);
        Assert.True(first.NeedsOperator);
        Assert.True(File.Exists(path));
        Assert.Equal(3, bed.Scalar<long>("SELECT count(*) FROM dim_unit"));
        Assert.Equal(["loaded"], bed.Rows("SELECT status FROM etl_file").Select(r => (string)r[0]!)); // never "rolled back", never twice
        Assert.Equal(1, bed.Scalar<int>("SELECT move_attempts FROM etl_file_move"));

        var second = bed.Run();

        Assert.Equal((EtlFileSummary.Moved, 0L), (second.Files.Single().Status, second.Files.Single().RowsRead));
        Assert.Equal(EtlRunSummary.Succeeded, second.Status);
        Assert.False(File.Exists(path));
        Assert.True(File.Exists(Path.Combine(bed.Inbox, "processed", "unit_kerja_2026.csv")));
        Assert.Equal(1, bed.Scalar<long>("SELECT count(*) FROM etl_file"));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM etl_file_move"));
        Assert.Equal(1, bed.Scalar<long>("SELECT count(DISTINCT etl_file_id) FROM dim_unit")); // rows still from the one load
    }

    [Fact]
    public void A_failing_file_with_a_250_character_name_gets_a_shortened_error_file_and_the_run_goes_on()
    {
        using var bed = new EtlTestBed();
        var name = "pegawai_" + new string('x', 238) + ".csv";
        Assert.Equal(250, name.Length);
        bed.Write(name, "nip,nama\n196711101992031001,Ahmad");   // required columns missing
        bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv);

        var summary = bed.Run();

        Assert.Equal(EtlFileSummary.Failed, summary.Files.Single(f => f.File == name).Status);
        Assert.Equal(EtlFileSummary.Loaded, summary.Files.Single(f => f.File == "unit_kerja_2026.csv").Status);
        Assert.True(File.Exists(Path.Combine(bed.Inbox, "failed", name)));
        var errorFile = Assert.Single(Directory.GetFiles(Path.Combine(bed.Inbox, "failed"), "*.error.txt"));
        Assert.True(Encoding.UTF8.GetByteCount(Path.GetFileName(errorFile)) <= 255);
        Assert.StartsWith("pegawai_xxxx", Path.GetFileName(errorFile));
        Assert.Contains("Kolom wajib tidak ada", File.ReadAllText(errorFile));
        Assert.Contains(name, File.ReadAllText(errorFile));
    }

    [Fact]
    public void A_252_character_name_sent_again_with_new_content_loads_and_both_copies_are_kept()
    {
        using var bed = new EtlTestBed();
        var name = "unit_kerja_" + new string('x', 237) + ".csv";
        Assert.Equal(252, name.Length);
        bed.Write(name, EtlTestBed.UnitCsv);
        Assert.Equal(EtlRunSummary.Succeeded, bed.Run().Status);

        for (var round = 1; round <= 2; round++)
        {
            bed.Write(name, EtlTestBed.UnitCsv.Replace("Dinas Kesehatan", $"Dinas Kesehatan {round}"));
            var summary = bed.Run();
            Assert.Equal((EtlRunSummary.Succeeded, EtlFileSummary.Loaded), (summary.Status, summary.Files.Single().Status));
        }

        var kept = Directory.GetFiles(Path.Combine(bed.Inbox, "processed"));
        Assert.Equal(3, kept.Length);
        Assert.All(kept, k => Assert.True(Encoding.UTF8.GetByteCount(Path.GetFileName(k)) <= 255));
        Assert.Equal(["loaded", "loaded", "loaded"], bed.Rows("SELECT status FROM etl_file ORDER BY file_id").Select(r => (string)r[0]!));
        Assert.Equal("Dinas Kesehatan 2", bed.Scalar<string>("SELECT nama_unit FROM dim_unit WHERE kode_unit = 'DINKES'"));
    }

    private sealed class Throwing(string file) : IProgress<EtlProgress>
    {
        public void Report(EtlProgress value)
        {
            if (value.File == file && value.Stage == "start") throw new InvalidOperationException("progress display crashed");
        }
    }
}
