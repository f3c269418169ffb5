using System.Text;
using Kepegawaian.Etl.Loading;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>Spec §3.8: one file is one transaction; a crash leaves no row of the file, the next run loads it completely.</summary>
public sealed class AtomicityTests
{
    private const string Kinerja = EtlTestBed.KinerjaHeader + """

        K1,196711101992031001,2026-Q1,di_atas,di_atas,Sangat Baik,110,KEC01
        K2,198502142010012002,2026-03,sesuai,di_bawah,,,DINKES
        K3,196711101992031001,2026-Q2,di_atas,di_bawah,Baik,,KEC01
        """;

    [Theory]
    [InlineData(EtlFaultPoint.AfterStaging)]
    [InlineData(EtlFaultPoint.BeforeCommit)]
    public void A_crash_inside_the_file_leaves_no_row_of_it_and_the_next_run_loads_it_completely(EtlFaultPoint point)
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write("kinerja_2026.csv", Kinerja);
        var crash = new EtlRequest(bed.Inbox)
        {
            PredikatPolicy = PredikatPolicy.Reject, // K3's predikat contradicts the matrix: the file has a reject
            FaultHook = (p, file) => { if (p == point && file == "kinerja_2026.csv") throw new SimulatedCrashException("kill"); },
        };

        Assert.Throws<SimulatedCrashException>(() => bed.Run(crash));

        // The files before it committed; nothing of the crashed file exists anywhere.
        Assert.Equal(3, bed.Scalar<long>("SELECT count(*) FROM dim_employee"));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM fact_kinerja"));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM etl_reject"));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM etl_file WHERE file_name = 'kinerja_2026.csv'"));
        Assert.True(File.Exists(Path.Combine(bed.Inbox, "kinerja_2026.csv")));

        var next = bed.Run(new EtlRequest(bed.Inbox) { PredikatPolicy = PredikatPolicy.Reject }).Files.Single();

        Assert.Equal(("loaded", 3L, 2L, 1L), (next.Status, next.RowsRead, next.RowsLoaded, next.RowsRejected));
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM fact_kinerja"));
        Assert.Equal([(4L, "predikat", "PREDIKAT_TIDAK_SESUAI")], bed.Rejects("kinerja_2026.csv"));
        // The killed run is recognised as such by the next one.
        Assert.Equal(["abandoned", "succeeded"], bed.Rows("SELECT status FROM etl_run ORDER BY run_id").Select(r => (string)r[0]!));
    }

    [Fact]
    public void A_file_that_fails_mid_staging_hands_none_of_its_rows_or_rejects_to_the_next_file_of_its_entity()
    {
        // Staging runs before the file's transaction opens (FileLoader.Stage): the rows and rejects a failed file staged
        // are committed to the TEMP tables and must be gone before the next file of the entity stages its own.
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        var broken = new StringBuilder(EtlTestBed.SkmHeader).Append('\n');
        for (var i = 0; i < 3 * StagePipeline.BatchRows; i++)
            broken.Append($"A{i},KEL01,KTP-el,{(i % 100 == 0 ? "2026-13-45" : "2026-05-02")},4,4,3,4,4,3,4,4,4,P,34,S1,PNS,\n");
        broken.Append("A\0,KEL01");   // an unreadable byte after three batches were staged
        bed.Write("skm_2026-a.csv", broken.ToString());
        bed.Write("skm_2026-b.csv", EtlTestBed.SkmCsv + "\nR3,KEL01,KTP-el,2026-13-45,4,4,4,4,4,4,4,4,4,L,40,S1,PNS,");

        var files = bed.Run().Files.Where(f => f.Entity == "skm").ToList();

        Assert.Equal(["failed", "loaded"], files.Select(f => f.Status));
        Assert.Equal((3L, 2L, 0L, 1L), (files[1].RowsRead, files[1].RowsLoaded, files[1].RowsUnchanged, files[1].RowsRejected));
        Assert.Equal(["R1", "R2"], bed.Rows("SELECT id_responden FROM fact_skm ORDER BY 1").Select(r => (string)r[0]!));
        Assert.Equal([(4L, "tanggal_survei", "FORMAT_TANGGAL")], bed.Rejects("skm_2026-b.csv"));
        Assert.Empty(bed.Rejects("skm_2026-a.csv"));
    }

    [Fact]
    public void Cancelling_rolls_back_the_current_file_keeps_the_committed_ones_and_marks_the_run_cancelled()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write("kinerja_2026.csv", Kinerja);
        using var cts = new CancellationTokenSource();
        var request = new EtlRequest(bed.Inbox)
        {
            // The hook only cancels; the runner notices at its next check, inside the same file.
            FaultHook = (p, file) => { if (p == EtlFaultPoint.AfterStaging && file == "kinerja_2026.csv") cts.Cancel(); },
        };

        Assert.ThrowsAny<OperationCanceledException>(() => bed.Runner.RunAsync(request, cts.Token).AsTask().GetAwaiter().GetResult());

        Assert.Equal(3, bed.Scalar<long>("SELECT count(*) FROM dim_employee"));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM fact_kinerja"));
        Assert.Equal("cancelled", bed.Scalar<string>("SELECT status FROM etl_run"));
        Assert.True(File.Exists(Path.Combine(bed.Inbox, "kinerja_2026.csv")));
    }

    [Fact]
    public void A_crash_between_commit_and_move_makes_the_next_run_see_a_duplicate_and_move_it()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write("kinerja_2026.csv", Kinerja);
        var crash = new EtlRequest(bed.Inbox)
        {
            PredikatPolicy = PredikatPolicy.Reject, // K3's predikat contradicts the matrix: the file has a reject
            FaultHook = (p, file) => { if (p == EtlFaultPoint.AfterCommit && file == "kinerja_2026.csv") throw new SimulatedCrashException("kill"); },
        };

        Assert.Throws<SimulatedCrashException>(() => bed.Run(crash));
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM fact_kinerja"));
        Assert.True(File.Exists(Path.Combine(bed.Inbox, "kinerja_2026.csv")));

        var next = bed.Run().Files.Single();

        Assert.Equal("duplicate", next.Status);
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM fact_kinerja"));
        Assert.Equal(1, bed.Scalar<long>("SELECT count(*) FROM etl_reject"));
        Assert.True(File.Exists(Path.Combine(bed.Inbox, "processed", "kinerja_2026.csv")));
    }
}
