namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>Spec §3.8: same content hash → no-op; same key + same content → unchanged; changed → correction + history.</summary>
public sealed class IdempotencyTests
{
    [Fact]
    [Trait("Category", "Scenario")]
    public void Loading_the_same_inbox_twice_loads_nothing_new()
    {
        using var bed = new EtlTestBed();
        foreach (var (name, text) in EtlTestBed.AllCsv) bed.Write(name, text);
        var first = bed.Run();
        var counts = TableCounts(bed);

        foreach (var (name, text) in EtlTestBed.AllCsv) bed.Write(name, text);
        var second = bed.Run();

        Assert.All(second.Files, f => Assert.Equal("duplicate", f.Status));
        Assert.Equal(0, second.RowsRead + second.RowsLoaded + second.RowsRejected);
        Assert.Equal(counts, TableCounts(bed));
        Assert.Equal(first.RowsLoaded, bed.Scalar<long>("SELECT sum(rows_loaded)::BIGINT FROM etl_file"));
        // Both copies end up in processed/, the second under a run-suffixed name.
        Assert.Empty(Directory.GetFiles(bed.Inbox));
        Assert.Equal(14, Directory.GetFiles(Path.Combine(bed.Inbox, "processed")).Length);
    }

    [Fact]
    public void Same_keys_with_identical_content_in_a_new_file_are_unchanged()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write("kinerja_a.csv", EtlTestBed.KinerjaCsv);
        bed.Run();

        // Different bytes (rows swapped, CRLF, a trailing column order change) but the same facts.
        bed.Write("kinerja_b.csv", """
            nip,id_penilaian,periode,hasil_kerja,perilaku_kerja,predikat,nilai_skp,kode_unit
            198502142010012002,K2,2026-03,sesuai,di_bawah,,,DINKES
            196711101992031001,K1,2026-Q1,di_atas,di_atas,sangat baik,110.0,KEC01
            """);
        var file = bed.Run().Files.Single();

        Assert.Equal(("loaded", 2L, 0L, 2L, 0L), (file.Status, file.RowsRead, file.RowsLoaded, file.RowsUnchanged, file.RowsRejected));
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM fact_kinerja"));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM fact_kinerja_history"));
    }

    [Fact]
    public void A_changed_row_is_a_correction_and_the_old_version_goes_to_history()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write("kinerja_a.csv", EtlTestBed.KinerjaCsv);
        bed.Run();
        var firstFileId = bed.Scalar<long>("SELECT file_id FROM etl_file WHERE file_name = 'kinerja_a.csv'");

        bed.Write("kinerja_b.csv", EtlTestBed.KinerjaHeader + """

            K1,196711101992031001,2026-Q1,di_atas,di_atas,Sangat Baik,115,KEC01
            K2,198502142010012002,2026-03,sesuai,di_bawah,,,DINKES
            """);
        var file = bed.Run().Files.Single();
        var secondFileId = bed.Scalar<long>("SELECT file_id FROM etl_file WHERE file_name = 'kinerja_b.csv'");

        Assert.Equal((2L, 1L, 1L, 0L), (file.RowsRead, file.RowsLoaded, file.RowsUnchanged, file.RowsRejected));
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM fact_kinerja"));
        Assert.Equal(115.0, bed.Scalar<double>("SELECT nilai_skp FROM fact_kinerja WHERE id_penilaian = 'K1'"));
        Assert.Equal(secondFileId, bed.Scalar<long>("SELECT etl_file_id FROM fact_kinerja WHERE id_penilaian = 'K1'"));
        var history = bed.Rows("SELECT id_penilaian, nilai_skp, etl_file_id, superseded_by_file, superseded_at IS NOT NULL FROM fact_kinerja_history");
        Assert.Equal(new object?[] { "K1", 110.0, firstFileId, secondFileId, true }, Assert.Single(history));
    }

    private static List<long> TableCounts(EtlTestBed bed) =>
        new[] { "dim_unit", "dim_employee", "dim_training_course", "fact_mutasi", "fact_diklat", "fact_kinerja", "fact_cuti", "fact_skm", "etl_reject" }
            .Select(t => bed.Scalar<long>($"SELECT count(*) FROM {t}")).ToList();
}
