namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// A file still being copied into the inbox is left for the next scan (<see cref="EtlRequest.SettleInterval"/>):
/// it changed during the interval, or it was written less than the interval before the scan.
/// </summary>
public sealed class FileSettleTests
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddMinutes(-10);

    [Fact]
    public void A_file_growing_during_the_settle_interval_waits_and_loads_complete_on_the_next_scan()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        var skm = bed.Write("skm_2026.csv", EtlTestBed.SkmHeader);
        foreach (var f in Directory.GetFiles(bed.Inbox)) File.SetLastWriteTimeUtc(f, LongAgo);

        // A writer appending a survey row every 20 ms, on its own thread so a busy pool cannot pause it.
        var appended = 0;
        using var stop = new ManualResetEventSlim();
        var writer = new Thread(() =>
        {
            while (!stop.Wait(20))
                File.AppendAllText(skm, $"W{++appended},KEL01,KTP-el,2026-05-02,4,4,4,4,4,4,4,4,4,P,30,S1,PNS,\n");
        });
        writer.Start();
        EtlRunSummary first;
        try
        {
            first = bed.Run(new EtlRequest(bed.Inbox) { SettleInterval = TimeSpan.FromMilliseconds(500) });
        }
        finally
        {
            stop.Set();
            writer.Join();
        }

        Assert.Equal(["loaded", "loaded"], first.Files.Where(f => f.Entity != "skm").Select(f => f.Status));
        var waiting = first.Files.Single(f => f.Entity == "skm");
        Assert.Equal(EtlFileSummary.Waiting, waiting.Status);
        Assert.Equal(EtlRunSummary.Succeeded, first.Status);
        Assert.True(File.Exists(skm));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM fact_skm"));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM etl_file WHERE entity = 'skm'"));

        File.SetLastWriteTimeUtc(skm, LongAgo);
        var second = bed.Run(new EtlRequest(bed.Inbox) { SettleInterval = TimeSpan.FromMilliseconds(500) });

        var loaded = second.Files.Single();
        Assert.Equal(("skm", "loaded"), (loaded.Entity, loaded.Status));
        Assert.Equal(appended, loaded.RowsLoaded);
        Assert.Equal(appended, bed.Scalar<long>("SELECT count(*) FROM fact_skm"));
        Assert.False(File.Exists(skm));
    }

    [Fact]
    public void A_file_written_just_before_the_scan_waits_even_if_it_no_longer_changes()
    {
        using var bed = new EtlTestBed();
        var units = bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv);
        File.SetLastWriteTimeUtc(units, DateTime.UtcNow);

        var first = bed.Run(new EtlRequest(bed.Inbox) { SettleInterval = TimeSpan.FromSeconds(2) });

        Assert.Equal(EtlFileSummary.Waiting, first.Files.Single().Status);
        Assert.False(first.NeedsOperator);
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM dim_unit"));
        Assert.True(File.Exists(units));

        File.SetLastWriteTimeUtc(units, DateTime.UtcNow.AddSeconds(-3));
        var second = bed.Run(new EtlRequest(bed.Inbox) { SettleInterval = TimeSpan.FromMilliseconds(100) });

        Assert.Equal(EtlFileSummary.Loaded, second.Files.Single().Status);
        Assert.Equal(3, bed.Scalar<long>("SELECT count(*) FROM dim_unit"));
    }

    [Fact]
    public void Without_a_settle_interval_a_file_written_this_instant_loads_at_once()
    {
        using var bed = new EtlTestBed();
        bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv);

        var summary = bed.Run();

        Assert.Equal(EtlFileSummary.Loaded, summary.Files.Single().Status);
    }
}
