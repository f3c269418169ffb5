using Kepegawaian.Etl.Reading.Profiles;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Issue 13 item 4, <c>Etl:PredikatPolicy</c>: a kinerja predikat that contradicts the PermenPANRB 6/2022 matrix is
/// rejected (Reject) or loaded with the source's value and a row warning (KeepAndWarn, the default).
/// Expected values by hand from the matrix in domain.md: hasil sesuai × perilaku di bawah → Kurang/Misconduct; the
/// source stores max(sesuai, di bawah) = sesuai → "Baik" (what some SIASN clients do).
/// </summary>
public sealed class PredikatPolicyTests
{
    private const string File = "kinerja_2026-siasn.csv";

    private const string Kinerja = EtlTestBed.KinerjaHeader + """

        K1,196711101992031001,2026-Q1,di_atas,di_atas,Sangat Baik,110,KEC01
        K2,198502142010012002,2026-Q1,sesuai,di_bawah,Baik,80,DINKES
        K3,200012312024211001,2026-Q1,sesuai,sesuai,Hebat,,DINKES
        """;

    private static EtlTestBed Bed()
    {
        var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write(File, Kinerja);
        return bed;
    }

    private static EtlRequest Request(EtlTestBed bed, PredikatPolicy policy) => new(bed.Inbox) { PredikatPolicy = policy };

    [Fact]
    public void Default_is_keep_and_warn()
    {
        Assert.Equal(PredikatPolicy.KeepAndWarn, new EtlRequest("x").PredikatPolicy);
        Assert.Equal(PredikatPolicy.KeepAndWarn, new Hosting.EtlOptions().PredikatPolicy);
    }

    [Fact]
    public void Reject_keeps_todays_behaviour()
    {
        using var bed = Bed();

        var file = bed.Run(Request(bed, PredikatPolicy.Reject)).Files.Single(f => f.File == File);

        Assert.Equal((3L, 1L, 0L, 2L), (file.RowsRead, file.RowsLoaded, file.RowsUnchanged, file.RowsRejected));
        Assert.Equal([(3L, "predikat", "PREDIKAT_TIDAK_SESUAI"), (4L, "predikat", "KODE_TIDAK_DIKENAL")], bed.Rejects(File));
        Assert.Contains("seharusnya 'Kurang/Misconduct'", bed.Scalar<string>("SELECT message FROM etl_reject WHERE line_number = 3"));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM etl_row_warning"));
        Assert.Equal(["K1"], bed.Rows("SELECT id_penilaian FROM fact_kinerja").Select(r => (string)r[0]!));
    }

    [Fact]
    public void Keep_and_warn_loads_the_source_predikat_and_records_one_warning_with_the_matrix_value()
    {
        using var bed = Bed();

        var file = bed.Run(Request(bed, PredikatPolicy.KeepAndWarn)).Files.Single(f => f.File == File);

        Assert.Equal((3L, 2L, 0L, 1L), (file.RowsRead, file.RowsLoaded, file.RowsUnchanged, file.RowsRejected));
        Assert.Equal([(4L, "predikat", "KODE_TIDAK_DIKENAL")], bed.Rejects(File));
        // The source's predikat and its skor (Baik 4), with the matrix's value beside it.
        Assert.Equal(
            [["K1", "Sangat Baik", 5L, "Sangat Baik"], ["K2", "Baik", 4L, "Kurang/Misconduct"]],
            bed.Rows("SELECT id_penilaian, predikat, skor_predikat::BIGINT, predikat_matriks FROM fact_kinerja ORDER BY id_penilaian"));
        var warning = Assert.Single(bed.Rows("SELECT file_name, entity, line_number, column_name, reason_code, expected, message FROM etl_row_warning"));
        Assert.Equal([File, "kinerja", 3L, "predikat", "PREDIKAT_TIDAK_SESUAI", "Kurang/Misconduct"], warning[..6]);
        Assert.Contains("seharusnya 'Kurang/Misconduct'", (string)warning[6]!);
        Assert.Contains("'Baik'", (string)warning[6]!);
        // The file's warning list says where to look.
        Assert.Contains("rejects --warnings", bed.Scalar<string>($"SELECT message FROM etl_warning WHERE file_name = '{File}'"));
    }

    [Fact]
    public void Loading_the_same_file_twice_records_no_duplicate_rows_or_warnings()
    {
        using var bed = Bed();
        bed.Run(Request(bed, PredikatPolicy.KeepAndWarn));
        bed.Write(File, Kinerja); // the same bytes arrive again

        var again = bed.Run(Request(bed, PredikatPolicy.KeepAndWarn)).Files.Single(f => f.File == File);

        Assert.Equal("duplicate", again.Status);
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM fact_kinerja"));
        Assert.Equal(1, bed.Scalar<long>("SELECT count(*) FROM etl_row_warning"));
        Assert.Equal(1, bed.Scalar<long>("SELECT count(*) FROM etl_reject"));
    }

    [Fact]
    public void A_later_corrected_predikat_is_a_correction_and_the_old_value_goes_to_history()
    {
        using var bed = Bed();
        bed.Run(Request(bed, PredikatPolicy.KeepAndWarn));
        bed.Write("kinerja_2026-siasn-koreksi.csv", EtlTestBed.KinerjaHeader + """

            K2,198502142010012002,2026-Q1,sesuai,di_bawah,Kurang/Misconduct,80,DINKES
            """);

        var file = bed.Run(Request(bed, PredikatPolicy.KeepAndWarn)).Files.Single(f => f.File == "kinerja_2026-siasn-koreksi.csv");

        Assert.Equal((1L, 1L, 0L, 0L), (file.RowsRead, file.RowsLoaded, file.RowsUnchanged, file.RowsRejected));
        Assert.Equal([["Kurang/Misconduct", 2L, "Kurang/Misconduct"]],
            bed.Rows("SELECT predikat, skor_predikat::BIGINT, predikat_matriks FROM fact_kinerja WHERE id_penilaian = 'K2'"));
        Assert.Equal([["Baik", "Kurang/Misconduct"]],
            bed.Rows("SELECT predikat, predikat_matriks FROM fact_kinerja_history WHERE id_penilaian = 'K2'"));
        Assert.Equal(1, bed.Scalar<long>("SELECT count(*) FROM etl_row_warning")); // the correction itself is clean
    }

    /// <summary>
    /// No kinerja source profile ships (etl/Profiles has siasn-pegawai, skm-wide, skm-long), so an operator profile
    /// shaped like a SIASN SKP export stands in: the warning, like a reject, names the SOURCE column.
    /// </summary>
    [Fact]
    public async Task Through_a_source_profile_the_warning_names_the_source_column()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        var dir = Directory.CreateDirectory(Path.Combine(bed.Inbox, "..", "profil")).FullName;
        System.IO.File.WriteAllText(Path.Combine(dir, "skp-opd.json"), """
            { "entity": "kinerja", "file": "^skp_.*\\.csv$",
              "columns": { "ID": "id_penilaian", "NIP BARU": "nip", "PERIODE": "periode", "HASIL KERJA": "hasil_kerja",
                           "PERILAKU KERJA": "perilaku_kerja", "PREDIKAT KINERJA": "predikat", "NILAI": "nilai_skp", "UNOR": "kode_unit" } }
            """);
        bed.Write("skp_2026.csv", """
            ID,NIP BARU,PERIODE,HASIL KERJA,PERILAKU KERJA,PREDIKAT KINERJA,NILAI,UNOR
            K1,196711101992031001,2026-Q1,di_atas,di_atas,Sangat Baik,110,KEC01
            K2,198502142010012002,2026-Q1,sesuai,di_bawah,Baik,80,DINKES
            K3,200012312024211001,2026-Q1,sesuai,sesuai,Hebat,,DINKES
            """);

        var file = (await new EtlRunner(bed.Database, bed.Time, profiles: SourceProfiles.Load(dir)).RunAsync(new EtlRequest(bed.Inbox)))
            .Files.Single(f => f.File == "skp_2026.csv");

        Assert.Equal((3L, 2L, 1L), (file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal([(4L, "PREDIKAT KINERJA", "KODE_TIDAK_DIKENAL")], bed.Rejects("skp_2026.csv"));
        Assert.Equal([[3L, "PREDIKAT KINERJA", "PREDIKAT_TIDAK_SESUAI", "Kurang/Misconduct"]],
            bed.Rows("SELECT line_number, column_name, reason_code, expected FROM etl_row_warning"));
        Assert.Equal("Baik", bed.Scalar<string>("SELECT predikat FROM fact_kinerja WHERE id_penilaian = 'K2'"));
    }
}
