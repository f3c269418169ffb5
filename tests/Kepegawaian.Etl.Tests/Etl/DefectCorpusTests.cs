using System.IO.Compression;
using System.Text;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// The defect corpus (issue 3 item 6): one row per kind of bad input. A row-level defect asserts the
/// exact ledger rows (line, column, reason code) and a fragment of the message; a whole-file defect
/// asserts that the file lands in <c>inbox/failed/</c> with a <c>.error.txt</c> naming the problem.
/// Every case also asserts that nothing is lost (read = loaded + unchanged + rejected) and that no
/// exception escapes <see cref="EtlRunner.RunAsync"/>.
///
/// Kinds already covered elsewhere (not repeated here):
/// <list type="bullet">
/// <item>ValidationRuleTests — every per-column and cross-column rule of §3.1–§3.7 (WAJIB_KOSONG, KODE_TIDAK_DIKENAL,
///   FORMAT_TANGGAL/WAKTU/ANGKA/PERIODE, RENTANG_NILAI, NIP_*, TANGGAL/WAKTU_TERBALIK, TANGGAL_MASA_DEPAN,
///   PREDIKAT_TIDAK_SESUAI, UNIT/NIP_TIDAK_DIKENAL, DUPLIKAT_ID in unit_kerja/pegawai/mutasi/skm, SNAPSHOT_LAMA,
///   JUMLAH_KOLOM (too few fields), BARIS_RUSAK (unclosed quote mid-file)).</item>
/// <item>InboxFolderTests — random binary .csv, Latin-1 .csv, a missing required column, a file naming no entity, unknown columns.</item>
/// <item>CsvDialectTests — an unquoted decimal comma (JUMLAH_KOLOM, too many fields).</item>
/// </list>
/// </summary>
public sealed class DefectCorpusTests
{
    // ------------------------------------------------------------------ whole-file defects

    public static TheoryData<string, string, byte[], string> WholeFileDefects => new()
    {
        { "empty file (0 bytes)", "unit_kerja_kosong.csv", [], "Berkas kosong" },
        { "BOM only", "unit_kerja_bom.csv", [0xEF, 0xBB, 0xBF], "Berkas kosong" },
        { "only blank lines", "unit_kerja_blank.csv", Utf8("\n\r\n   \n\t\n"), "Berkas kosong" },
        { "missing header row", "unit_kerja_tanpa_judul.csv", Utf8("KEC01,Kecamatan Ilir Timur I,kecamatan,,70000\n"), "Baris judul (header) tidak ada" },
        { "misspelt required column", "unit_kerja_salah_eja.csv", Utf8("kode_unit,nama_unti,jenis_unit\nKEC01,Kecamatan,kecamatan\n"), "Kolom wajib tidak ada: nama_unit" },
        { "duplicated header column", "unit_kerja_ganda.csv", Utf8("kode_unit,nama_unit,jenis_unit,Nama_Unit \nKEC01,Kecamatan,kecamatan,Lain\n"), "Kolom ganda di baris judul: nama_unit" },
        { "wrong delimiter (tab)", "unit_kerja_tab.csv", Utf8("kode_unit\tnama_unit\tjenis_unit\nKEC01\tKecamatan\tkecamatan\n"), "Baris judul (header) tidak ada" },
        { "Windows-1252 smart quotes", "unit_kerja_1252.csv", [.. Utf8("kode_unit,nama_unit,jenis_unit\nU1,Dinas "), 0x93, .. Utf8("Pariwisata"), 0x94, .. Utf8(",dinas\n")], "UTF-8" },
        { "UTF-16 without BOM", "unit_kerja_utf16.csv", Encoding.Unicode.GetBytes("kode_unit,nama_unit,jenis_unit\nU1,Dinas,dinas\n"), "UTF-16" },
        { "binary garbage (JSONL)", "skm_rusak.jsonl", Garbage(), "tidak dapat dimuat" },
        { "empty JSONL", "skm_kosong.jsonl", Utf8("\n\n"), "JSONL kosong" },
        { "JSONL whose first line is not an object", "skm_larik.jsonl", Utf8("[\"id_responden\",\"kode_unit\"]\n{\"id_responden\":\"R1\"}\n"), "Baris 1 bukan objek JSON" },
        { "XLSX that is not a zip", "unit_kerja_palsu.xlsx", Utf8("kode_unit,nama_unit,jenis_unit\nU1,Dinas,dinas\n"), "bukan buku kerja .xlsx" },
        { "empty XLSX (0 bytes)", "unit_kerja_kosong.xlsx", [], "bukan buku kerja .xlsx" },
        { "XLSX that is a zip but not a workbook", "unit_kerja_zip.xlsx", Zip(), "bukan buku kerja .xlsx" },
        { "unsupported extension", "unit_kerja_2026.xls", Utf8("kode_unit,nama_unit,jenis_unit\n"), "tidak didukung" },
    };

    [Theory]
    [MemberData(nameof(WholeFileDefects))]
    public void Whole_file_defect_goes_to_failed_with_an_error_file_naming_the_problem(string kind, string fileName, byte[] content, string problem)
    {
        using var bed = new EtlTestBed();
        File.WriteAllBytes(Path.Combine(bed.Inbox, fileName), content);

        var summary = bed.Run();

        var file = summary.Files.Single();
        Assert.True(file.Status == EtlFileSummary.Failed, $"{kind}: {file.Status} {file.Message}");
        Assert.Equal((0L, 0L, 0L, 0L), (file.RowsRead, file.RowsLoaded, file.RowsUnchanged, file.RowsRejected));
        Assert.Contains(problem, file.Message);
        Assert.False(File.Exists(Path.Combine(bed.Inbox, fileName)));
        Assert.Equal(content, File.ReadAllBytes(Path.Combine(bed.Inbox, "failed", fileName)));   // never modified
        Assert.Contains(problem, File.ReadAllText(Path.Combine(bed.Inbox, "failed", fileName + ".error.txt")));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM etl_reject"));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM dim_unit") + bed.Scalar<long>("SELECT count(*) FROM fact_skm"));
        Assert.Equal("failed", bed.Scalar<string>("SELECT status FROM etl_file"));
    }

    // ------------------------------------------------------------------ files that load (or load nothing) without failing

    [Fact]
    public void A_header_only_file_loads_zero_rows_and_is_processed()
    {
        using var bed = new EtlTestBed();
        bed.Write("unit_kerja_2026.csv", "kode_unit,nama_unit,jenis_unit,kode_induk,populasi");

        var file = bed.Run().Files.Single();

        Assert.Equal((EtlFileSummary.Loaded, 0L, 0L, 0L, 0L), (file.Status, file.RowsRead, file.RowsLoaded, file.RowsUnchanged, file.RowsRejected));
        Assert.True(File.Exists(Path.Combine(bed.Inbox, "processed", "unit_kerja_2026.csv")));
    }

    [Theory]
    [InlineData("UTF-16 LE with BOM", "utf-16")]
    [InlineData("UTF-16 BE with BOM", "utf-16BE")]
    public void A_UTF16_file_with_a_BOM_is_decoded_and_loads(string kind, string encoding)
    {
        using var bed = new EtlTestBed();
        var enc = Encoding.GetEncoding(encoding);
        File.WriteAllBytes(Path.Combine(bed.Inbox, "unit_kerja_2026.csv"),
            [.. enc.GetPreamble(), .. enc.GetBytes("kode_unit,nama_unit,jenis_unit\nU1,Dinas Pariwisata é Budaya,dinas\n")]);

        var file = bed.Run().Files.Single();

        Assert.True(file.Status == EtlFileSummary.Loaded, kind);
        Assert.Equal((1L, 1L), (file.RowsRead, file.RowsLoaded));
        Assert.Equal("Dinas Pariwisata é Budaya", bed.Scalar<string>("SELECT nama_unit FROM dim_unit"));
    }

    // ------------------------------------------------------------------ row-level defects

    private sealed record Expected(long Line, string? Column, string Code, string Message);

    private static void AssertRows(string fileName, string text, long rowsRead, params Expected[] rejects) =>
        AssertRowsBytes(fileName, Encoding.UTF8.GetBytes(text), rowsRead, rejects);

    private static void AssertRowsBytes(string fileName, byte[] content, long rowsRead, params Expected[] rejects)
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.WriteAllBytes(Path.Combine(bed.Inbox, fileName), content);

        var summary = bed.Run();

        var file = summary.Files.Single(f => f.File == fileName);
        Assert.True(file.Status == EtlFileSummary.Loaded, $"{file.Status}: {file.Message}");
        Assert.Equal(rowsRead, file.RowsRead);
        Assert.Equal(rejects.Length, file.RowsRejected);
        Assert.Equal(file.RowsRead, file.RowsLoaded + file.RowsUnchanged + file.RowsRejected);
        var ledger = bed.Rows($"SELECT line_number, column_name, reason_code, message, raw_text FROM etl_reject WHERE file_name = '{fileName}' ORDER BY line_number");
        Assert.Equal(rejects.Select(r => (r.Line, r.Column, r.Code)), ledger.Select(r => ((long)r[0]!, (string?)r[1], (string)r[2]!)));
        foreach (var (e, row) in rejects.Zip(ledger))
        {
            Assert.Contains(e.Message, (string)row[3]!);
            Assert.False(string.IsNullOrEmpty((string?)row[4]), $"line {e.Line}: raw text kept");
        }
        Assert.Equal(file.RowsRead, bed.Scalar<long>($"SELECT rows_read FROM etl_file WHERE file_name = '{fileName}'"));
    }

    

    [Fact]
    public void Impossible_dates_are_rejected_and_a_real_leap_day_is_kept() => AssertRows("diklat_2026-02.csv", EtlTestBed.DiklatHeader + "\n"
        + "D10,196711101992031001,TEK-01,Analisis Data,teknis,29/02/2024,2024-02-29,8,lulus,,,\n"   // leap day: valid
        + "D11,196711101992031001,TEK-01,Analisis Data,teknis,2025-02-30,2025-03-01,8,lulus,,,\n"
        + "D12,196711101992031001,TEK-01,Analisis Data,teknis,2025-04-01,31/04/2025,8,lulus,,,\n"
        + "D13,196711101992031001,TEK-01,Analisis Data,teknis,29-02-2025,2025-03-01,8,lulus,,,\n"
        + "D14,196711101992031001,TEK-01,Analisis Data,teknis,0000-01-01,2025-03-01,8,lulus,,,\n"
        + "D15,196711101992031001,TEK-01,Analisis Data,teknis,2025-00-10,2025-03-01,8,lulus,,,\n",
        6,
        new Expected(3, "tanggal_mulai", "FORMAT_TANGGAL", "'2025-02-30' bukan tanggal yang sah"),
        new Expected(4, "tanggal_selesai", "FORMAT_TANGGAL", "'31/04/2025' bukan tanggal yang sah"),
        new Expected(5, "tanggal_mulai", "FORMAT_TANGGAL", "'29-02-2025'"),
        new Expected(6, "tanggal_mulai", "FORMAT_TANGGAL", "'0000-01-01'"),
        new Expected(7, "tanggal_mulai", "FORMAT_TANGGAL", "'2025-00-10'"));

    [Fact]
    public void Impossible_timestamps_are_rejected() => AssertRows("cuti_2026-02.csv", EtlTestBed.CutiHeader + "\n"
        + "C10,198502142010012002,tahunan,online,2025-02-30 08:00,,diajukan,2026-04-10,2026-04-10,1,DINKES\n"
        + "C11,198502142010012002,tahunan,online,2026-04-01 08:60,,diajukan,2026-04-10,2026-04-10,1,DINKES\n"
        + "C12,198502142010012002,tahunan,online,2026-04-01 08:00+15:00,,diajukan,2026-04-10,2026-04-10,1,DINKES\n",
        3,
        new Expected(2, "waktu_pengajuan", "FORMAT_WAKTU", "'2025-02-30 08:00' bukan waktu yang sah"),
        new Expected(3, "waktu_pengajuan", "FORMAT_WAKTU", "'2026-04-01 08:60'"),
        new Expected(4, "waktu_pengajuan", "FORMAT_WAKTU", "'2026-04-01 08:00+15:00'"));

    [Fact]
    public void A_file_cut_mid_record_rejects_only_the_cut_row() => AssertRows("pegawai_2026-02.csv", EtlTestBed.PegawaiHeader + "\n"
        + "199001012015031003,Rina,L,1990-01-01,PNS,III/a,pelaksana,Analis,KEC01,S1,2026-02-01\n"
        + "199001012015032004,Rini,P,1990-01-01,PNS,III/a,pel",                       // no newline: the export stopped here
        2,
        new Expected(3, null, "JUMLAH_KOLOM", "Baris berisi 7 kolom, sedangkan judul berisi 11 kolom"));

    [Fact]
    public void A_file_cut_inside_a_quoted_field_rejects_the_row_as_unreadable() => AssertRows("skm_2026-02.csv", EtlTestBed.SkmHeader + "\n"
        + "R1,KEL01,KTP-el,2026-05-02,4,4,3,4,4,3,4,,4,P,34,S1,Wiraswasta,\"Antrian lama\"\n"
        + "R2,KEL01,KTP-el,2026-05-02,4,4,3,4,4,3,4,4,4,P,34,S1,Wiraswasta,\"Petugas ramah,\nnamun antri",
        2,
        new Expected(3, null, "BARIS_RUSAK", "tanda kutip (\") tidak ditutup"));

    [Fact]
    public void A_Windows1252_byte_inside_a_large_file_fails_the_whole_file_not_a_row()
    {
        // The bad byte sits past the reader's first 64 K buffer, after thousands of good rows were staged.
        using var bed = new EtlTestBed();
        var good = string.Concat(Enumerable.Range(0, 3000).Select(i => $"U{i},Dinas {i},dinas\n"));
        File.WriteAllBytes(Path.Combine(bed.Inbox, "unit_kerja_2026.csv"), [.. Utf8("kode_unit,nama_unit,jenis_unit\n" + good + "U9,Caf"), 0xE9, .. Utf8(",dinas\n")]);

        var file = bed.Run().Files.Single();

        Assert.Equal((EtlFileSummary.Failed, 0L), (file.Status, file.RowsLoaded));
        Assert.Contains("UTF-8", File.ReadAllText(Path.Combine(bed.Inbox, "failed", "unit_kerja_2026.csv.error.txt")));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM dim_unit"));   // the staged rows rolled back
    }

    [Fact]
    public void Extreme_field_lengths_are_rejected_above_500_characters_and_saran_above_4000() => AssertRows("skm_2026-02.csv", EtlTestBed.SkmHeader + "\n"
        + $"R1,KEL01,KTP-el,2026-05-02,4,4,3,4,4,3,4,,4,P,34,S1,Wiraswasta,{new string('a', 4000)}\n"       // exactly the limit: kept
        + $"R2,KEL01,KTP-el,2026-05-02,4,4,3,4,4,3,4,,4,P,34,S1,Wiraswasta,{new string('b', 100_000)}\n"
        + $"R3,KEL01,{new string('K', 100_000)},2026-05-02,4,4,3,4,4,3,4,,4,P,34,S1,Wiraswasta,\n"
        + $"{new string('9', 501)},KEL01,KTP-el,2026-05-02,4,4,3,4,4,3,4,,4,P,34,S1,Wiraswasta,\n",
        4,
        new Expected(3, "saran", "TEKS_TERLALU_PANJANG", "Kolom 'saran': panjang 100000 karakter melebihi batas 4000 karakter"),
        new Expected(4, "jenis_layanan", "TEKS_TERLALU_PANJANG", "Kolom 'jenis_layanan': panjang 100000 karakter melebihi batas 500 karakter"),
        new Expected(5, "id_responden", "TEKS_TERLALU_PANJANG", "batas 500"));

    [Fact]
    public void A_100000_character_nama_is_rejected() => AssertRows("pegawai_2026-02.csv", EtlTestBed.PegawaiHeader + "\n"
        + $"199001012015031003,{new string('N', 100_000)},L,1990-01-01,PNS,III/a,pelaksana,Analis,KEC01,S1,2026-02-01\n",
        1,
        new Expected(2, "nama", "TEKS_TERLALU_PANJANG", "Kolom 'nama': panjang 100000 karakter melebihi batas 500 karakter"));

    [Fact]
    public void Duplicate_ids_in_fact_files_reject_every_later_copy() => AssertRows("cuti_2026-02.csv", EtlTestBed.CutiHeader + "\n"
        + "C10,198502142010012002,tahunan,online,2026-04-01 08:30,,diajukan,2026-04-10,2026-04-10,1,DINKES\n"
        + "C10,198502142010012002,sakit,manual,2026-04-02 08:30,,diajukan,2026-04-11,2026-04-11,1,DINKES\n"
        + "C11,198502142010012002,tahunan,online,2026-04-03 08:30,,diajukan,2026-04-12,2026-04-12,1,DINKES\n"
        + "C10,198502142010012002,izin,manual,2026-04-04 08:30,,diajukan,2026-04-13,2026-04-13,1,DINKES\n",
        4,
        new Expected(3, "id_pengajuan", "DUPLIKAT_ID", "C10"),
        new Expected(5, "id_pengajuan", "DUPLIKAT_ID", "C10"));

    [Fact]
    public void Unknown_employee_and_unit_in_diklat_and_cuti_are_rejected()
    {
        AssertRows("diklat_2026-02.csv", EtlTestBed.DiklatHeader + "\n"
            + "D10,199912312020011001,TEK-01,Analisis Data,teknis,2026-02-01,2026-02-01,8,lulus,,,\n", 1,
            new Expected(2, "nip", "NIP_TIDAK_DIKENAL", "199912312020011001"));
        AssertRows("cuti_2026-02.csv", EtlTestBed.CutiHeader + "\n"
            + "C10,199912312020011001,tahunan,online,2026-04-01 08:30,,diajukan,2026-04-10,2026-04-10,1,DINKES\n"
            + "C11,198502142010012002,tahunan,online,2026-04-01 08:30,,diajukan,2026-04-10,2026-04-10,1,NOPE\n", 2,
            new Expected(2, "nip", "NIP_TIDAK_DIKENAL", "199912312020011001"),
            new Expected(3, "kode_unit", "UNIT_TIDAK_DIKENAL", "NOPE"));
    }

    [Fact]
    public void Whitespace_only_required_values_and_malformed_numbers_are_rejected() => AssertRows("skm_2026-02.csv", EtlTestBed.SkmHeader + "\n"
        + "R1,KEL01,   ,2026-05-02,4,4,3,4,4,3,4,4,4,,,,,\n"
        + "R2,KEL01,KTP-el,2026-05-02,4.0,4,3,4,4,3,4,4,4,,,,,\n"
        + "R3,KEL01,KTP-el,2026-05-02,4,4,3,4,4,3,4,4,4,,1.000,,,\n"
        + "R4,KEL01,KTP-el,2026-05-02,4,4,3,4,4,3,4,4,4,,,,,\n",
        4,
        new Expected(2, "jenis_layanan", "WAJIB_KOSONG", "'jenis_layanan' wajib diisi"),
        new Expected(3, "u1", "FORMAT_ANGKA", "'4.0' bukan bilangan bulat"),
        new Expected(4, "usia", "FORMAT_ANGKA", "'1.000'"));

    [Fact]
    public void Non_finite_decimals_are_rejected() => AssertRows("kinerja_2026-02.csv", EtlTestBed.KinerjaHeader + "\n"
        + "K10,196711101992031001,2026-04,sesuai,sesuai,,NaN,KEC01\n"
        + "K11,196711101992031001,2026-05,sesuai,sesuai,,1e999,KEC01\n",
        2,
        new Expected(2, "nilai_skp", "FORMAT_ANGKA", "'NaN' bukan angka"),
        new Expected(3, "nilai_skp", "FORMAT_ANGKA", "'1e999' bukan angka"));

    [Fact]
    public void Binary_bytes_inside_a_text_field_fail_the_file_naming_NUL()
    {
        using var bed = new EtlTestBed();
        File.WriteAllBytes(Path.Combine(bed.Inbox, "unit_kerja_2026.csv"), [.. Utf8("kode_unit,nama_unit,jenis_unit\nU1,Dinas"), 0x00, 0x01, .. Utf8(",dinas\n")]);

        var file = bed.Run().Files.Single();

        Assert.Equal(EtlFileSummary.Failed, file.Status);
        Assert.Contains("NUL", File.ReadAllText(Path.Combine(bed.Inbox, "failed", "unit_kerja_2026.csv.error.txt")));
    }

    // ------------------------------------------------------------------ JSONL row defects

    private const string SkmJson = "\"kode_unit\":\"KEL01\",\"jenis_layanan\":\"KTP-el\",\"tanggal_survei\":\"2026-05-02\",\"u1\":4,\"u2\":4,\"u3\":3,\"u4\":4,\"u5\":4,\"u6\":3,\"u7\":4,\"u8\":4,\"u9\":4";

    [Fact]
    public void JSONL_lines_that_are_not_objects_or_not_JSON_are_rejected_by_line() => AssertRows("skm_2026-02.jsonl",
        "{\"id_responden\":\"R1\"," + SkmJson + "}\n"
        + "[\"R2\",\"KEL01\"]\n"
        + "42\n"
        + "\n"                                                   // blank line: skipped, not a row
        + "\"teks saja\"\n"
        + "{\"id_responden\":\"R3\"," + SkmJson + "\n"           // missing closing brace
        + "{\"id_responden\":{\"kode\":\"R4\"}," + SkmJson + "}\n"
        + "{\"id_responden\":\"R4\",\"ID_Responden\":\"R4b\"," + SkmJson + "}\n"
        + "{\"id_responden\":\"R5\"," + SkmJson.Replace("\"u3\":3", "\"u3\":7") + "}\n"
        + "{\"id_responden\":\"R6\",\"kode_unit\":\"KEL01\",\"jenis_layanan\":\"KTP-",   // cut mid-object, no newline
        9,
        new Expected(2, null, "BARIS_RUSAK", "baris bukan objek JSON"),
        new Expected(3, null, "BARIS_RUSAK", "baris bukan objek JSON"),
        new Expected(5, null, "BARIS_RUSAK", "baris bukan objek JSON"),
        new Expected(6, null, "BARIS_RUSAK", "baris bukan JSON yang sah"),
        new Expected(7, null, "BARIS_RUSAK", "kunci 'id_responden' berisi objek JSON"),
        new Expected(8, null, "BARIS_RUSAK", "kunci 'ID_Responden' muncul dua kali"),
        new Expected(9, "u3", "RENTANG_NILAI", "'u3'"),
        new Expected(10, null, "BARIS_RUSAK", "baris bukan JSON yang sah"));

    [Fact]
    public void Rows_of_only_delimiters_left_by_a_spreadsheet_are_blank_lines_not_rejects() => AssertRows("unit_kerja_2026-02.csv",
        "kode_unit,nama_unit,jenis_unit,kode_induk,populasi\n"
        + "KEC02,Kecamatan Seberang Ulu I,kecamatan,,90000\n"
        + ",,,,\n"
        + " , ,\"\", ,\n"
        + "X1,,dinas,,\n",
        2,
        new Expected(5, "nama_unit", "WAJIB_KOSONG", "'nama_unit' wajib diisi"));

    // ------------------------------------------------------------------ helpers

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Garbage()
    {
        var bytes = new byte[2048];
        new Random(11).NextBytes(bytes);
        bytes[0] = 0xFF;   // never a valid UTF-8 start, whatever the seed gives
        return bytes;
    }

    private static byte[] Zip()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        using (var w = new StreamWriter(zip.CreateEntry("readme.txt").Open()))
            w.Write("bukan buku kerja");
        return ms.ToArray();
    }
}
