namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>Spec §3.8: a fact whose employee arrives in a later-named file of the same run is not rejected.</summary>
public sealed class LateArrivalTests
{
    [Fact]
    public void An_employee_in_a_file_sorting_after_the_fact_file_is_known_when_the_fact_is_loaded()
    {
        using var bed = new EtlTestBed();
        // By name the order would be kinerja, pegawai, unit_kerja; the entity order decides instead.
        bed.Write("kinerja-2026-a.csv", EtlTestBed.KinerjaHeader + "\nK9,199001012015031003,2026-05,sesuai,sesuai,,,KEL01");
        bed.Write("pegawai-zz-baru.csv", EtlTestBed.PegawaiHeader + "\n199001012015031003,Rina,L,1990-01-01,PNS,III/a,pelaksana,Analis,KEL01,S1,2026-05-01");
        bed.Write("unit_kerja.2026.csv", EtlTestBed.UnitCsv);

        var summary = bed.Run();

        Assert.Equal(["unit_kerja", "pegawai", "kinerja"], summary.Files.Select(f => f.Entity));
        Assert.Equal(0, summary.RowsRejected);
        Assert.Equal("Baik", bed.Scalar<string>("SELECT predikat FROM fact_kinerja WHERE id_penilaian = 'K9'"));
    }
}
