using Kepegawaian.Etl.Reading.Profiles;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Issue 13 item 2, SIASN API histories → <c>diklat</c>: <c>siasn-rw-diklat.json</c> (structural courses) and
/// <c>siasn-rw-kursus.json</c> (other courses). The fixtures use the field names of the API response
/// (kanekescom/laravel-siasn-simpeg migrations, sources.md §2): rw-diklat saved as the whole response
/// (<c>{"code":1,"data":[…]}</c>, nested document <c>path</c>), rw-kursus as the bare array. Expected rows are
/// written out by hand from the fixtures.
/// </summary>
public sealed class SiasnApiDiklatProfileTests
{
    private const string DiklatFile = "siasn-rw-diklat_196711101992031001.json";
    private const string KursusFile = "siasn-rw-kursus_198502142010012002.json";
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Sources", name);

    private const string DiklatSql = """
        SELECT id_diklat, nip, kode_pelatihan, nama_pelatihan, jenis_pelatihan, tanggal_mulai::VARCHAR, tanggal_selesai::VARCHAR,
               jp, status, nilai_reaksi, nilai_pre_test, nilai_post_test
        FROM fact_diklat WHERE id_diklat NOT IN ('D1', 'D2') ORDER BY id_diklat
        """;

    private static object?[] Row(string id, string nip, string kode, string nama, string jenis, string mulai, string selesai, int jp) =>
        [id, nip, kode, nama, jenis, mulai, selesai, jp, "lulus", null, null, null];

    [Fact]
    public void Rw_diklat_response_loads_as_manajerial_training_and_rejects_name_the_api_fields()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture(DiklatFile), Path.Combine(bed.Inbox, DiklatFile));

        var summary = bed.Run();
        var file = summary.Files.Single(f => f.File == DiklatFile);

        Assert.Equal((EtlFileSummary.Loaded, "diklat", 5L, 1L, 4L), (file.Status, file.Entity, file.RowsRead, file.RowsLoaded, file.RowsRejected));
        // Lines are where each object of the data array starts in the file.
        Assert.Equal(
            new List<(long, string?, string)>
            {
                (19, "tanggalSelesai", "WAJIB_KOSONG"),       // literal "null"
                (34, "tanggalSelesai", "TANGGAL_TERBALIK"),   // 20-10-2026 … 02-10-2026
                (46, "tanggal", "FORMAT_TANGGAL"),            // 2024/03/11
                (56, "nipBaru", "NIP_TIDAK_DIKENAL"),
            },
            bed.Rejects(DiklatFile));
        // 03-02-2025 … 30-05-2025, 240 JP; nothing the API does not carry (reaksi, pre/post test) is filled.
        Assert.Equal(
            [Row("8ae48a1c7d2e4f01017d3a5b2c1e0001", EtlTestBed.NipAhmad, "3", "SEPADYA/SPAMA/DIKLATPIM Tk.III", "manajerial", "2025-02-03", "2025-05-30", 240)],
            bed.Rows(DiklatSql));
        // Every field of the response is either read or listed under drop (the nested document path with it).
        Assert.Equal(0L, bed.Scalar<long>($"SELECT count(*) FROM etl_warning WHERE file_name = '{DiklatFile}'"));
    }

    [Fact]
    public void Rw_kursus_array_maps_jenis_diklat_codes_and_rejects_what_the_contract_has_no_code_for()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture(KursusFile), Path.Combine(bed.Inbox, KursusFile));

        var file = bed.Run().Files.Single(f => f.File == KursusFile);

        Assert.Equal((5L, 3L, 2L), (file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal(
            new List<(long, string?, string)>
            {
                (4, "jenisDiklatId", "KODE_TIDAK_DIKENAL"),  // 9 = Seminar: no contract jenis_pelatihan
                (5, "jumlahJam", "RENTANG_NILAI"),           // 0 JP
            },
            bed.Rejects(KursusFile));
        Assert.Equal(
            [
                Row("ff8081817a3c2b01017a3d4e5f600001", EtlTestBed.NipSiti, "7", "Pelayanan Prima", "teknis", "2026-03-02", "2026-03-04", 24),
                Row("ff8081817a3c2b01017a3d4e5f600002", EtlTestBed.NipSiti, "12", "Wawasan Kebangsaan", "sosial_kultural", "2026-07-06", "2026-07-07", 16),
                Row("ff8081817a3c2b01017a3d4e5f600005", EtlTestBed.NipSiti, "21", "Pelatihan Jabatan Fungsional Dokter Ahli Muda", "fungsional", "2026-09-14", "2026-09-18", 40),
            ],
            bed.Rows(DiklatSql));
        Assert.Equal(0L, bed.Scalar<long>($"SELECT count(*) FROM etl_warning WHERE file_name = '{KursusFile}'"));
    }

    [Fact]
    public void Rw_kursus_as_jsonl_lands_the_same_rows_as_the_json_array()
    {
        // One object per line, nested document path included (the JSONL reader reads it as dotted paths through a profile).
        var objects = File.ReadAllLines(Fixture(KursusFile)).Where(l => l.TrimStart().StartsWith('{')).Select(l => l.Trim().TrimEnd(','));
        using var viaJsonl = new EtlTestBed();
        viaJsonl.WriteMasters();
        viaJsonl.Write("siasn-rw-kursus_2026.jsonl", string.Join("\n", objects));
        var file = viaJsonl.Run().Files.Single(f => f.File == "siasn-rw-kursus_2026.jsonl");

        using var viaArray = new EtlTestBed();
        viaArray.WriteMasters();
        File.Copy(Fixture(KursusFile), Path.Combine(viaArray.Inbox, KursusFile));
        viaArray.Run();

        Assert.Equal((5L, 3L, 2L), (file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal([(3L, "jenisDiklatId", "KODE_TIDAK_DIKENAL"), (4L, "jumlahJam", "RENTANG_NILAI")], viaJsonl.Rejects("siasn-rw-kursus_2026.jsonl"));
        Assert.Equal(viaArray.Rows(DiklatSql), viaJsonl.Rows(DiklatSql));
    }

    [Fact]
    public void Rw_diklat_loads_the_same_facts_as_the_contract_shaped_row()
    {
        using var viaProfile = new EtlTestBed();
        viaProfile.WriteMasters();
        File.Copy(Fixture(DiklatFile), Path.Combine(viaProfile.Inbox, DiklatFile));
        viaProfile.Run();

        using var viaContract = new EtlTestBed();
        viaContract.WriteMasters();
        viaContract.Write("diklat_siasn.csv", EtlTestBed.DiklatHeader + """

            8ae48a1c7d2e4f01017d3a5b2c1e0001,196711101992031001,3,SEPADYA/SPAMA/DIKLATPIM Tk.III,manajerial,2025-02-03,2025-05-30,240,lulus,,,
            """);
        viaContract.Run();

        const string all = "SELECT * EXCLUDE (etl_file_id) FROM fact_diklat WHERE id_diklat NOT IN ('D1', 'D2') ORDER BY id_diklat";
        var expected = viaContract.Rows(all);
        Assert.Single(expected);
        Assert.Equal(expected, viaProfile.Rows(all));
    }

    [Fact]
    public void A_data_field_that_is_not_an_array_fails_the_file_naming_the_problem()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write("siasn-rw-diklat_196711101992031001.json", """{ "code": 0, "message": "NIP tidak ditemukan" }""");

        var file = bed.Run().Files.Single(f => f.File.StartsWith("siasn-rw-diklat", StringComparison.Ordinal));

        Assert.Equal(EtlFileSummary.Failed, file.Status);
        Assert.Contains("'data'", file.Message);
    }

    [Theory]
    [InlineData("siasn-rw-kursus.json", "\"6\": \"sosial_kultural\"", "\"6\": \"kultural\"", "values.jenis_pelatihan.6", "'kultural'")]
    [InlineData("siasn-rw-diklat.json", "\"jenis_pelatihan\": \"manajerial\"", "\"jenis_pelatihn\": \"manajerial\"", "constants.jenis_pelatihn", "jenis_pelatihn")]
    [InlineData("siasn-rw-diklat.json", "\"dd-MM-yyyy\", \"yyyy-MM-dd\" ],\n    \"tanggal_selesai\"", "\"dd-MM-yyy\", \"yyyy-MM-dd\" ],\n    \"tanggal_selesai\"", "dates.tanggal_mulai[0]", "dd-MM-yyy")]
    public void A_wrong_copy_of_a_shipped_profile_fails_naming_its_file_and_key(string profile, string find, string replace, string key, string detail)
    {
        var assembly = typeof(SourceProfiles).Assembly;
        using var reader = new StreamReader(assembly.GetManifestResourceStream($"profiles/{profile}")!);
        var json = reader.ReadToEnd().ReplaceLineEndings("\n");
        Assert.Contains(find, json);
        using var dir = Kepegawaian.Testing.TempFolder.Create("profil");
        File.WriteAllText(Path.Combine(dir.Path, profile), json.Replace(find, replace));

        var ex = Assert.Throws<SourceProfileException>(() => SourceProfiles.Load(dir.Path));

        Assert.Equal((profile, key), (ex.File, ex.Key));
        Assert.Contains(detail, ex.Message);
    }
}
