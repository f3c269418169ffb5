namespace Kepegawaian.Etl.Tests.Etl;

public sealed class EndToEndTests
{
    [Fact]
    public void All_seven_entities_load_into_the_warehouse_with_nothing_rejected()
    {
        using var bed = new EtlTestBed();
        foreach (var (name, text) in EtlTestBed.AllCsv) bed.Write(name, text);

        var summary = bed.Run();

        Assert.Equal("succeeded", summary.Status);
        Assert.Equal(7, summary.Files.Count);
        Assert.All(summary.Files, f => Assert.Equal("loaded", f.Status));
        Assert.Equal(["unit_kerja", "pegawai", "mutasi", "diklat", "kinerja", "cuti", "skm"], summary.Files.Select(f => f.Entity));
        Assert.Equal(3 + 3 + 2 + 2 + 2 + 2 + 2, summary.RowsRead);
        Assert.Equal(summary.RowsRead, summary.RowsLoaded);
        Assert.Equal(0, summary.RowsRejected);
        Assert.Equal(3, bed.Scalar<long>("SELECT count(*) FROM dim_unit"));
        Assert.Equal(70000, bed.Scalar<long>("SELECT populasi FROM dim_unit WHERE kode_unit = 'KEC01'"));
        Assert.Equal(3, bed.Scalar<long>("SELECT count(*) FROM dim_employee WHERE is_current"));
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM fact_mutasi"));
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM fact_diklat"));
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM dim_training_course"));
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM fact_kinerja"));
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM fact_cuti"));
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM fact_skm"));
        Assert.Equal(7, bed.Scalar<long>("SELECT count(*) FROM etl_file WHERE status = 'loaded'"));
        Assert.Equal("succeeded", bed.Scalar<string>("SELECT status FROM etl_run"));
        // Staging is TEMP: nothing of it reaches the warehouse file.
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'stg_%'"));
        Assert.Empty(Directory.GetFiles(bed.Inbox));
        Assert.Equal(7, Directory.GetFiles(Path.Combine(bed.Inbox, "processed")).Length);
    }
}
