namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Every validation rule of spec §3.1–§3.7: each file has passing rows (null code) and one failing
/// row per rule; the ledger must hold exactly the failing lines with their column and reason code.
/// Line 1 is the header, so the n-th case is on line n + 1.
/// </summary>
public sealed class ValidationRuleTests
{
    private static void AssertRules(string fileName, string header, params (string Row, string? Column, string? Code)[] cases) =>
        AssertRules(PredikatPolicy.KeepAndWarn, fileName, header, cases);

    private static void AssertRules(PredikatPolicy policy, string fileName, string header, params (string Row, string? Column, string? Code)[] cases)
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write(fileName, header + "\n" + string.Join("\n", cases.Select(c => c.Row)));

        var summary = bed.Run(new EtlRequest(bed.Inbox) { PredikatPolicy = policy });

        var file = summary.Files.Single(f => f.File == fileName);
        var expected = cases.Select((c, i) => (Line: (long)i + 2, c.Column, c.Code)).Where(c => c.Code is not null).ToList();
        Assert.Equal(expected.Select(e => (e.Line, e.Column, e.Code!)), bed.Rejects(fileName));
        Assert.Equal(cases.Length, file.RowsRead);
        Assert.Equal(cases.Count(c => c.Code is null), file.RowsLoaded);
        Assert.Equal(expected.Count, file.RowsRejected);
        // Every ledger row carries an Indonesian message naming the column, and the raw text.
        foreach (var r in bed.Rows($"SELECT column_name, message, raw_text, line_number FROM etl_reject WHERE file_name = '{fileName}'"))
        {
            if (r[0] is string column) Assert.Contains($"'{column}'", (string)r[1]!);
            Assert.Equal(cases[(int)(long)r[3]! - 2].Row, (string)r[2]!);
        }
    }

    [Fact]
    public void Unit_kerja_rules() => AssertRules("unit_kerja_tambahan.csv", "kode_unit,nama_unit,jenis_unit,kode_induk,populasi",
        ("KEC02,Kecamatan Seberang Ulu I,kecamatan,,90000", null, null),
        ("KEL02,Kelurahan 1 Ulu,kelurahan,KEC02,8000", null, null),                  // parent defined in the same file
        ("KEL03,,kelurahan,KEC02,", "nama_unit", "WAJIB_KOSONG"),
        ("X1,Kementerian,kementerian,,", "jenis_unit", "KODE_TIDAK_DIKENAL"),
        ("KEL04,Kelurahan Antah,kelurahan,KEC99,", "kode_induk", "UNIT_TIDAK_DIKENAL"),
        ("X2,Dinas X,dinas,,-5", "populasi", "RENTANG_NILAI"),
        ("X3,Dinas Y,dinas,,banyak", "populasi", "FORMAT_ANGKA"),
        ("KOTA,Pemerintah Kota,sekretariat,,", "kode_unit", "KODE_CADANGAN"),       // the marts' city-wide rows
        ("KEC02,Kecamatan Lagi,kecamatan,,", "kode_unit", "DUPLIKAT_ID"));

    [Fact]
    public void Pegawai_rules() => AssertRules("pegawai_2026-02.csv", EtlTestBed.PegawaiHeader,
        ("199001012015031003,Rina,L,1990-01-01,PNS,III/a,pelaksana,Analis,KEC01,S1,2026-02-01", null, null),
        ("200012312024211002,Dewi,L,31/12/2000,pppk,ix,fungsional,Perawat,DINKES,,2026-02-01", null, null), // codes ignore case
        ("19900101201503100,Tono,L,1990-01-01,PNS,III/a,pelaksana,Analis,KEC01,S1,2026-02-01", "nip", "NIP_TIDAK_VALID"),
        ("199001012015031004,Tini,L,1990-01-01,PPPK,V,pelaksana,Analis,KEC01,S1,2026-02-01", "nip", "NIP_TIDAK_VALID"), // PNS layout, PPPK status
        ("199001012015031005,Tina,P,1990-01-01,PNS,III/a,pelaksana,Analis,KEC01,S1,2026-02-01", "jenis_kelamin", "NIP_JENIS_KELAMIN"),
        ("199001012015031006,Toni,L,1990-01-02,PNS,III/a,pelaksana,Analis,KEC01,S1,2026-02-01", "tanggal_lahir", "NIP_TANGGAL_LAHIR"),
        ("199001012015031007,Tedi,L,1990-01-01,PNS,IX,pelaksana,Analis,KEC01,S1,2026-02-01", "golongan", "KODE_TIDAK_DIKENAL"),
        ("199001012015031008,Tuti,L,1990-01-01,Honorer,III/a,pelaksana,Analis,KEC01,S1,2026-02-01", "status_kepegawaian", "KODE_TIDAK_DIKENAL"),
        ("199001012015031009,Tata,L,1990-01-01,PNS,III/a,pelaksana,Analis,NOPE,S1,2026-02-01", "kode_unit", "UNIT_TIDAK_DIKENAL"),
        ("199001012015031011,Titi,L,1990-01-01,PNS,III/a,pelaksana,Analis,KEC01,S1,2026-13-01", "tanggal_data", "FORMAT_TANGGAL"),
        ("199001012015031012,,L,1990-01-01,PNS,III/a,pelaksana,Analis,KEC01,S1,2026-02-01", "nama", "WAJIB_KOSONG"),
        ("199001012015031003,Rina Lagi,L,1990-01-01,PNS,III/a,pelaksana,Analis,KEC01,S1,2026-02-01", "nip", "DUPLIKAT_ID"),
        ("196711101992031001,Ahmad,L,1967-11-10,PNS,IV/a,administrator,Camat,DINKES,S2,2025-06-01", "tanggal_data", "SNAPSHOT_LAMA"),
        ("199001012015031013,Tari,L,1990-01-01,PNS,III/a,pelaksana,Analis,KEC01,S1", null, "JUMLAH_KOLOM"));

    [Fact]
    public void Mutasi_rules() => AssertRules("mutasi_2026-02.csv", EtlTestBed.MutasiHeader,
        ("M10,196711101992031001,promosi,2026-02-01,KEC01,DINKES,IV/b,Kepala Bidang,", null, null),
        ("M11,200012312024211001,pensiun,2026-02-01,DINKES,,,,", null, null),          // leaving: no next unit
        ("M12,199912312020011001,mutasi,2026-02-01,KEC01,DINKES,,,", "nip", "NIP_TIDAK_DIKENAL"),
        ("M13,196711101992031001,mutasi,2026-02-01,KEC01,NOPE,,,", "kode_unit_tujuan", "UNIT_TIDAK_DIKENAL"),
        ("M14,196711101992031001,mutasi,2026-02-01,,DINKES,,,", "kode_unit_asal", "WAJIB_KOSONG"),
        ("M15,196711101992031001,rotasi,2026-02-01,KEC01,DINKES,,,", "jenis_mutasi", "KODE_TIDAK_DIKENAL"),
        ("M16,196711101992031001,mutasi,1 Feb 2026,KEC01,DINKES,,,", "tanggal_efektif", "FORMAT_TANGGAL"),
        ("M10,196711101992031001,promosi,2026-02-01,KEC01,DINKES,,,", "id_mutasi", "DUPLIKAT_ID"));

    [Fact]
    public void Diklat_rules() => AssertRules("diklat_2026-02.csv", EtlTestBed.DiklatHeader,
        ("D10,196711101992031001,TEK-01,Analisis Data,teknis,2026-02-01,2026-02-01,8,lulus,5,0,100", null, null),
        ("D11,196711101992031001,TEK-01,Analisis Data,teknis,2026-02-03,2026-02-01,8,lulus,,,", "tanggal_selesai", "TANGGAL_TERBALIK"),
        ("D12,196711101992031001,TEK-01,Analisis Data,teknis,2026-02-01,2026-02-01,0,lulus,,,", "jp", "RENTANG_NILAI"),
        ("D13,196711101992031001,TEK-01,Analisis Data,teknis,2026-02-01,2026-02-01,1001,lulus,,,", "jp", "RENTANG_NILAI"),
        ("D14,196711101992031001,TEK-01,Analisis Data,teknis,2026-02-01,2026-02-01,8,lulus,6,,", "nilai_reaksi", "RENTANG_NILAI"),
        ("D15,196711101992031001,TEK-01,Analisis Data,teknis,2026-02-01,2026-02-01,8,lulus,,abc,", "nilai_pre_test", "FORMAT_ANGKA"),
        ("D16,196711101992031001,TEK-01,Analisis Data,teknis,2026-02-01,2026-02-01,8,selesai,,,", "status", "KODE_TIDAK_DIKENAL"),
        ("D17,196711101992031001,,Analisis Data,teknis,2026-02-01,2026-02-01,8,lulus,,,", "kode_pelatihan", "WAJIB_KOSONG"),
        ("D18,196711101992031001,TEK-01,Analisis Data,webinar,2026-02-01,2026-02-01,8,lulus,,,", "jenis_pelatihan", "KODE_TIDAK_DIKENAL"),
        ("D19,196711101992031001,TEK-01,Analisis Data,teknis,2026-02-01,2026-02-01,8.5,lulus,,,", "jp", "FORMAT_ANGKA"));

    [Fact]
    public void Kinerja_rules() => AssertRules(PredikatPolicy.Reject, "kinerja_2026-02.csv", EtlTestBed.KinerjaHeader,
        ("K10,196711101992031001,2026,di_atas,di_bawah,Kurang/Misconduct,,KEC01", null, null),
        ("K11,196711101992031001,2026-Q2,sesuai,di_atas,baik,120,KEC01", null, null),
        ("K12,196711101992031001,2026-Q3,di_atas,di_bawah,Baik,,KEC01", "predikat", "PREDIKAT_TIDAK_SESUAI"),
        ("K13,196711101992031001,2026-13,sesuai,sesuai,,,KEC01", "periode", "FORMAT_PERIODE"),
        ("K14,196711101992031001,2026-Q5,sesuai,sesuai,,,KEC01", "periode", "FORMAT_PERIODE"),
        ("K15,196711101992031001,2026-04,sesuai,sesuai,,130,KEC01", "nilai_skp", "RENTANG_NILAI"),
        ("K16,196711101992031001,2026-04,sesuai,sesuai,Hebat,,KEC01", "predikat", "KODE_TIDAK_DIKENAL"),
        ("K17,196711101992031001,2026-04,sesuai,sesuai,,,NOPE", "kode_unit", "UNIT_TIDAK_DIKENAL"),
        ("K18,196711101992031001,2026-04,luar_biasa,sesuai,,,KEC01", "hasil_kerja", "KODE_TIDAK_DIKENAL"),
        ("K19,199912312020011001,2026-04,sesuai,sesuai,,,KEC01", "nip", "NIP_TIDAK_DIKENAL"));

    [Fact]
    public void Cuti_rules() => AssertRules("cuti_2026-02.csv", EtlTestBed.CutiHeader,
        ("C10,198502142010012002,tahunan,online,2026-04-01 08:30,2026-04-01 08:30,disetujui,2026-04-10,2026-04-10,1,DINKES", null, null),
        ("C20,198502142010012002,tahunan,online,2026-04-01 08:30,,dibatalkan,2026-04-10,2026-04-10,1,DINKES", null, null),   // withdrawn while pending
        ("C21,198502142010012002,tahunan,manual,2026-04-01 08:30,2026-04-03 09:00,dibatalkan,2026-04-10,2026-04-10,1,DINKES", null, null), // recalled after approval
        ("C11,198502142010012002,tahunan,online,2026-04-01 08:30,2026-04-01 08:00,disetujui,2026-04-10,2026-04-10,1,DINKES", "waktu_keputusan", "WAKTU_TERBALIK"),
        ("C12,198502142010012002,tahunan,online,2026-04-01,,diajukan,2026-04-10,2026-04-10,1,DINKES", "waktu_pengajuan", "FORMAT_WAKTU"),
        ("C13,198502142010012002,tahunan,online,2026-04-01 08:30,,diajukan,2026-04-10,2026-04-09,1,DINKES", "tanggal_selesai", "TANGGAL_TERBALIK"),
        ("C14,198502142010012002,tahunan,online,2026-04-01 08:30,,diajukan,2026-04-10,2026-04-10,0,DINKES", "lama_hari", "RENTANG_NILAI"),
        ("C15,198502142010012002,tahunan,email,2026-04-01 08:30,,diajukan,2026-04-10,2026-04-10,1,DINKES", "kanal", "KODE_TIDAK_DIKENAL"),
        ("C16,198502142010012002,tahunan,online,,,diajukan,2026-04-10,2026-04-10,1,DINKES", "waktu_pengajuan", "WAJIB_KOSONG"),
        ("C17,198502142010012002,tahunan,online,2026-04-01 25:00,,diajukan,2026-04-10,2026-04-10,1,DINKES", "waktu_pengajuan", "FORMAT_WAKTU"),
        ("C18,198502142010012002,tahunan,online,2026-04-01 08:30,,disetujui_atasan,2026-04-10,2026-04-10,1,DINKES", "status", "KODE_TIDAK_DIKENAL"));

    [Fact]
    public void Skm_rules() => AssertRules("skm_2026-02.csv", EtlTestBed.SkmHeader,
        ("R10,KEL01,KTP-el,2026-11-20,1,2,3,4,4,3,2,1,4,,,,,", null, null),            // today (WIB) is allowed
        ("R11,KEL01,KTP-el,2026-05-02,,,,,,,,,,,,,,", null, null),                      // empty answers are allowed
        ("R12,KEL01,KTP-el,2026-05-02,4,4,5,4,4,3,4,4,4,,,,,", "u3", "RENTANG_NILAI"),
        ("R13,KEL01,KTP-el,2026-05-02,0,4,4,4,4,3,4,4,4,,,,,", "u1", "RENTANG_NILAI"),
        ("R14,KEL01,KTP-el,2026-11-21,4,4,4,4,4,3,4,4,4,,,,,", "tanggal_survei", "TANGGAL_MASA_DEPAN"),
        ("R15,KEL01,,2026-05-02,4,4,4,4,4,3,4,4,4,,,,,", "jenis_layanan", "WAJIB_KOSONG"),
        ("R16,KEL01,KTP-el,2026/05/02,4,4,4,4,4,3,4,4,4,,,,,", "tanggal_survei", "FORMAT_TANGGAL"),
        ("R17,NOPE,KTP-el,2026-05-02,4,4,4,4,4,3,4,4,4,,,,,", "kode_unit", "UNIT_TIDAK_DIKENAL"),
        ("R18,KEL01,KTP-el,2026-05-02,4,4,4,4,4,3,4,4,4,X,,,,", "jenis_kelamin", "KODE_TIDAK_DIKENAL"),
        ("R10,KEL01,KTP-el,2026-05-02,4,4,4,4,4,3,4,4,4,,,,,", "id_responden", "DUPLIKAT_ID"),
        ("R19,KEL01,KTP-el,\"2026-05-02,4,4,4,4,4,3,4,4,4,,,,,", null, "BARIS_RUSAK"));       // unclosed quote runs to the end
}
