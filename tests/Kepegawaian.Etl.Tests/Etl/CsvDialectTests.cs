using System.Text;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>CSV as Indonesian exports write it (spec §3): `;`, decimal comma, BOM, DD/MM/YYYY, quotes, CRLF.</summary>
public sealed class CsvDialectTests
{
    [Fact]
    public void Semicolon_file_with_BOM_decimal_comma_and_Indonesian_dates_loads_the_same_values()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write("diklat_2026.csv", """
            id_diklat;nip;kode_pelatihan;nama_pelatihan;jenis_pelatihan;tanggal_mulai;tanggal_selesai;jp;status;nilai_reaksi;nilai_pre_test;nilai_post_test
            D1;196711101992031001;PKA-01;Pelatihan Kepemimpinan, Angkatan I;manajerial;01/02/2026;30-05-2026;240;lulus;4,5;60;85,25
            """, bom: true);

        var file = bed.Run().Files.Single(f => f.Entity == "diklat");

        Assert.Equal((1L, 1L), (file.RowsRead, file.RowsLoaded));
        Assert.Equal(new object?[] { "Pelatihan Kepemimpinan, Angkatan I", new DateOnly(2026, 2, 1), new DateOnly(2026, 5, 30), 4.5, 85.25 },
            Assert.Single(bed.Rows("SELECT nama_pelatihan, tanggal_mulai, tanggal_selesai, nilai_reaksi, nilai_post_test FROM fact_diklat")));
    }

    [Fact]
    public void Quoted_fields_keep_delimiters_quotes_and_newlines_and_line_numbers_stay_physical()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        var text = EtlTestBed.SkmHeader + "\r\n"
            + "R1,KEL01,KTP-el,2026-05-02,4,4,3,4,4,3,4,,4,P,34,S1,Wiraswasta,\"Antrian \"\"panjang\"\", mohon\r\ntambah loket\"\r\n"
            + "R2,KEL01,KTP-el,2026-05-02,4,4,9,4,4,3,4,4,4,L,40,S1,PNS,\r\n";
        File.WriteAllText(Path.Combine(bed.Inbox, "skm_2026.csv"), text, new UTF8Encoding(false));

        var file = bed.Run().Files.Single(f => f.Entity == "skm");

        Assert.Equal((2L, 1L, 1L), (file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal("Antrian \"panjang\", mohon\r\ntambah loket", bed.Scalar<string>("SELECT saran FROM fact_skm"));
        // R2 starts on physical line 4: the header is 1, R1 spans lines 2–3.
        Assert.Equal([(4L, "u3", "RENTANG_NILAI")], bed.Rejects("skm_2026.csv"));
    }

    [Fact]
    public void A_quoted_decimal_comma_is_accepted_in_a_comma_file_and_header_names_ignore_case_and_spaces()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write("kinerja_2026.csv", """
             ID_Penilaian , NIP ,Periode,Hasil_Kerja,Perilaku_Kerja,Predikat,Nilai_SKP,Kode_Unit
            K1,196711101992031001,2026-Q1,di_atas,di_atas,,"87,5",KEC01
            """);

        var file = bed.Run().Files.Single(f => f.Entity == "kinerja");

        Assert.Equal((1L, 1L), (file.RowsRead, file.RowsLoaded));
        Assert.Equal(87.5, bed.Scalar<double>("SELECT nilai_skp FROM fact_kinerja"));
    }

    [Fact]
    public void An_unquoted_decimal_comma_in_a_comma_file_splits_the_row_and_is_rejected_as_a_column_count()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write("kinerja_2026.csv", EtlTestBed.KinerjaHeader + "\nK1,196711101992031001,2026-Q1,di_atas,di_atas,,87,5,KEC01");

        bed.Run();

        Assert.Equal([(2L, null, "JUMLAH_KOLOM")], bed.Rejects("kinerja_2026.csv"));
    }

    [Fact]
    public void Timestamps_without_offset_are_WIB_and_with_offset_are_converted_to_WIB()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write("cuti_2026.csv", EtlTestBed.CutiCsv);

        bed.Run();

        var rows = bed.Rows("SELECT id_pengajuan, waktu_pengajuan, waktu_keputusan FROM fact_cuti ORDER BY 1");
        Assert.Equal(new DateTime(2026, 4, 1, 8, 30, 0), rows[0][1]);
        Assert.Equal(new DateTime(2026, 4, 2, 10, 0, 0), rows[0][2]);
        Assert.Equal(new DateTime(2026, 4, 3, 8, 0, 0), rows[1][1]);   // 09:00 +08:00 = 08:00 WIB
        Assert.Null(rows[1][2]);                                       // pending
    }
}
