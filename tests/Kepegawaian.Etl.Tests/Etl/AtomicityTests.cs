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
