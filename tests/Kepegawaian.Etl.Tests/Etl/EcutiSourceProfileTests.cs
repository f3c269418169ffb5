using System.Text;
using Kepegawaian.Etl.Reading.Profiles;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Issue 13 item 2, e-Cuti: <c>ecuti.json</c> reads the tb_mohoncuti export of charmijul/e-cutikukar (sources.md §3)
/// with its two mapping files (peg_id → NIP, id_atasan → kode_unit). The fixture's expected rows are worked out by hand
/// from the profile's rules, line by line, in the comments below.
/// </summary>
public sealed class EcutiSourceProfileTests
{
    private const string Export = "ecuti_2026-05.csv";
    private static readonly string[] MappingFiles = ["ecuti-pegawai.csv", "ecuti-atasan.csv"];

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Sources", name);

    /// <summary>The fixture's personal values (reasons, notes, addresses, phones, names in the mapping file).</summary>
    private static readonly string[] Personal =
    [
        "Menjenguk orang tua di Lahat", "Titip pekerjaan ke Bu Marlina", "Demam berdarah dirawat di RS Bari", "Surat dokter menyusul",
        "Pernikahan adik kandung", "Mengantar anak wisuda", "Urusan keluarga di Baturaja", "Ibadah umrah bersama istri",
        "Kapten Rivai", "Lorong Sukarame", "Jenderal Sudirman No. 88", "Griya Palem", "Veteran No. 3", "Mayor Ruslan",
        "081299990001", "081299990002", "081299990003", "081299990004", "081299990005", "081299990006",
        "Ahmad Darmawan Saputra", "Siti Nurhaliza Rahmawati", "Budi Santoso Wijaya", "081299990011", "081299990017", "081299990019",
        "surat-siti.pdf", "Liburan keluarga ke Bangka", "Kondangan sepupu", "Ziarah makam kakek", "Pangkalpinang", "081299990007", "081299990008", "081299990009",
    ];

    private const string FactSql = "SELECT * EXCLUDE (etl_file_id) FROM fact_cuti ORDER BY id_pengajuan";

    private static EtlTestBed LoadFixture()
    {
        var bed = new EtlTestBed();
        bed.WriteMasters();
        foreach (var f in MappingFiles.Append(Export)) File.Copy(Fixture(f), Path.Combine(bed.Inbox, f));
        return bed;
    }

    [Fact]
    public void The_export_is_read_with_ids_mapped_approvals_collapsed_and_unknown_decision_times_left_empty()
    {
        using var bed = LoadFixture();

        var summary = bed.Run();
        var file = summary.Files.Single(f => f.File == Export);

        Assert.Equal((EtlFileSummary.Loaded, "cuti", 9L, 5L, 4L), (file.Status, file.Entity, file.RowsRead, file.RowsLoaded, file.RowsRejected));
        // The mapping files are reference data: not loaded, not ignored, left in the inbox for next week's export.
        Assert.DoesNotContain(summary.Files, f => MappingFiles.Contains(f.File));
        foreach (var m in MappingFiles) Assert.True(File.Exists(Path.Combine(bed.Inbox, m)), m);

        // Line 6: peg_id 99 is not in ecuti-pegawai.csv. Line 7: approval2 'Dibatalkan' is no contract status.
        // Line 9: selesai 2026-05-21 before mulai 2026-05-22. Line 10: Thu 14 and Fri 15 May 2026 are Kenaikan Isa Al Masih
        // and its cuti bersama (SKB 2026): no working day, while jml_hari says 1.
        Assert.Equal(
            new List<(long, string?, string)>
            {
                (6, "peg_id", "ID_TIDAK_DIPETAKAN"), (7, "approval + approval2", "KODE_TIDAK_DIKENAL"),
                (9, "mulai + selesai", "TANGGAL_TERBALIK"), (10, "mulai + selesai", "RENTANG_NILAI"),
            },
            bed.Rejects(Export));
        var terbalik = bed.Scalar<string>($"SELECT message FROM etl_reject WHERE file_name = '{Export}' AND line_number = 9")!;
        Assert.Contains("'selesai': '2026-05-21'", terbalik);
        Assert.Contains("mulai '2026-05-22'", terbalik);
        Assert.Contains("workingDays.lama_hari", terbalik);
        var libur = bed.Scalar<string>($"SELECT message FROM etl_reject WHERE file_name = '{Export}' AND line_number = 10")!;
        Assert.Contains("'2026-05-14' s.d. '2026-05-15'", libur);
        Assert.Contains("mulai + selesai", libur);
        var miss = bed.Scalar<string>($"SELECT message FROM etl_reject WHERE file_name = '{Export}' AND line_number = 6")!;
        Assert.Contains("'peg_id': '99'", miss);
        Assert.Contains("ecuti-pegawai.csv", miss);
        Assert.Contains("lookups.nip", miss);
        Assert.Contains("Y + Dibatalkan", bed.Scalar<string>($"SELECT message FROM etl_reject WHERE file_name = '{Export}' AND line_number = 7"));

        var rows = bed.Rows("""
            SELECT id_pengajuan, nip, jenis_cuti, kanal, waktu_pengajuan::VARCHAR, waktu_keputusan::VARCHAR, status, lama_hari, kode_unit
            FROM fact_cuti ORDER BY id_pengajuan
            """);
        // lama_hari is recounted from mulai..selesai in working days; the export's jml_hari (calendar days, end excluded) is not read.
        Assert.Equal(
            [
                // Y + Y: approved by both stages; decided at updated_at. Fri 10 – Tue 14 April 2026 over a weekend:
                // Fri, Mon, Tue = 3 (jml_hari 4).
                ["11", EtlTestBed.NipSiti, "tahunan", "online", "2026-04-01 08:30:00", "2026-04-02 10:00:00", "disetujui", 3, "DINKES"],
                // Menunggu + Menunggu: pending, no decision time. A one-day leave, Mon 6 April: 1 (jml_hari 0).
                ["12", EtlTestBed.NipBudi, "sakit", "online", "2026-04-03 09:00:00", null, "diajukan", 1, "DINKES"],
                // N at the atasan langsung: refused, stage 2 never ran; decided at updated_at. Wed 6 – Thu 7 May: 2 (jml_hari 1).
                ["13", EtlTestBed.NipSiti, "alasan_penting", "online", "2026-05-04 07:45:00", "2026-05-04 13:15:00", "ditolak", 2, "DINKES"],
                // Y + Ditangguhkan without an audit time: postponed, processing time unknown (NULL, not invented). Mon 18 – Tue 19 May: 2.
                ["14", EtlTestBed.NipSiti, "tahunan", "online", "2026-05-11 10:00:00", null, "ditangguhkan", 2, "DINKES"],
                // Fri 14 – Tue 18 August 2026 over a weekend and Mon 17 August (Hari Kemerdekaan): Fri, Tue = 2 (jml_hari 4).
                ["17", EtlTestBed.NipSiti, "tahunan", "online", "2026-08-03 08:00:00", "2026-08-04 09:00:00", "disetujui", 2, "DINKES"],
            ],
            rows);
    }

    [Fact]
    public void The_profile_lands_the_same_rows_as_the_contract_shaped_file()
    {
        using var viaProfile = LoadFixture();
        viaProfile.Run();
        using var viaContract = new EtlTestBed();
        viaContract.WriteMasters();
        viaContract.Write("cuti_2026.csv", EtlTestBed.CutiHeader + """

            11,198502142010012002,tahunan,online,2026-04-01 08:30:00,2026-04-02 10:00:00,disetujui,2026-04-10,2026-04-14,3,DINKES
            12,200012312024211001,sakit,online,2026-04-03 09:00:00,,diajukan,2026-04-06,2026-04-06,1,DINKES
            13,198502142010012002,alasan_penting,online,2026-05-04 07:45:00,2026-05-04 13:15:00,ditolak,2026-05-06,2026-05-07,2,DINKES
            14,198502142010012002,tahunan,online,2026-05-11 10:00:00,,ditangguhkan,2026-05-18,2026-05-19,2,DINKES
            17,198502142010012002,tahunan,online,2026-08-03 08:00:00,2026-08-04 09:00:00,disetujui,2026-08-14,2026-08-18,2,DINKES
            """);
        Assert.Equal(5L, viaContract.Run().Files.Single(f => f.File == "cuti_2026.csv").RowsLoaded);

        var expected = viaContract.Rows(FactSql);
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected, viaProfile.Rows(FactSql)); // row_hash included
    }

    [Fact]
    public void Without_its_mapping_file_the_export_fails_naming_the_file_and_profile_key()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture(Export), Path.Combine(bed.Inbox, Export));
        File.Copy(Fixture("ecuti-atasan.csv"), Path.Combine(bed.Inbox, "ecuti-atasan.csv"));

        var file = bed.Run().Files.Single(f => f.File == Export);

        Assert.Equal(EtlFileSummary.Failed, file.Status);
        Assert.Contains("ecuti-pegawai.csv", file.Message);
        Assert.Contains("ecuti.json: lookups.nip.file", file.Message);
        Assert.Equal(0L, bed.Scalar<long>("SELECT count(*) FROM fact_cuti"));
    }

    [Fact]
    public async Task A_mapping_file_in_the_profile_folder_is_used_and_a_wrong_one_stops_start_up_naming_profile_and_key()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        var dir = Directory.CreateDirectory(Path.Combine(bed.Inbox, "..", "profil")).FullName;
        foreach (var m in MappingFiles) File.Copy(Fixture(m), Path.Combine(dir, m));
        File.Copy(Fixture(Export), Path.Combine(bed.Inbox, Export));

        var file = (await new EtlRunner(bed.Database, bed.Time, profiles: SourceProfiles.Load(dir)).RunAsync(new EtlRequest(bed.Inbox)))
            .Files.Single(f => f.File == Export);
        Assert.Equal((5L, 4L), (file.RowsLoaded, file.RowsRejected));

        // The application's column is 'id_pegawai' in this copy: the profile's key 'peg_id' is not there.
        File.WriteAllText(Path.Combine(dir, "ecuti-pegawai.csv"), File.ReadAllText(Fixture("ecuti-pegawai.csv")).Replace("peg_id,", "id_pegawai,"));
        var ex = Assert.Throws<SourceProfileException>(() => SourceProfiles.Load(dir));
        Assert.Equal(("ecuti.json", "lookups.nip.key"), (ex.File, ex.Key));
        Assert.Contains("'peg_id'", ex.Message);
    }

    private const string LookupProfile = """
        {
          "entity": "cuti",
          "file": "^izin_.*\\.csv$",
          "columns": { "id": "id_pengajuan", "jenis": "jenis_cuti", "kanal": "kanal", "tgl": "waktu_pengajuan", "status": "status",
                       "mulai": "tanggal_mulai", "selesai": "tanggal_selesai", "hari": "lama_hari", "unit": "kode_unit" },
          "lookups": { "nip": { "from": "pegawai_id", "file": "izin-pegawai.csv", "key": "id", "value": "nip" } }
        }
        """;

    [Theory]
    [InlineData("\"file\": \"izin-pegawai.csv\"", "\"file\": \"../izin-pegawai.csv\"", "lookups.nip.file", "tanpa folder")]
    [InlineData("\"file\": \"izin-pegawai.csv\"", "\"file\": \"izin-pegawai.xlsx\"", "lookups.nip.file", "CSV")]
    [InlineData("\"key\": \"id\", ", "", "lookups.nip.key", "wajib")]
    [InlineData("\"from\": \"pegawai_id\"", "\"from\": \"unit\"", "lookups.nip.from", "'unit'")]
    [InlineData("\"lookups\": { \"nip\"", "\"lookups\": { \"nama\"", "lookups.nama", "nama")]
    [InlineData("\"jenis\": \"jenis_cuti\", ", "\"jenis\": \"jenis_cuti\", \"peg\": \"nip\", ", "lookups.nip", "sudah diisi")]
    public void A_wrong_lookup_fails_naming_the_profile_file_and_key(string valid, string broken, string key, string detail)
    {
        Assert.Contains(valid, LookupProfile);
        SourceProfile.Parse("izin-opd.json", LookupProfile);

        var ex = Assert.Throws<SourceProfileException>(() => SourceProfile.Parse("izin-opd.json", LookupProfile.Replace(valid, broken)));

        Assert.Equal(("izin-opd.json", key), (ex.File, ex.Key));
        Assert.Contains(detail, ex.Message);
    }

    [Fact]
    public async Task A_configured_extra_holiday_is_no_working_day_in_the_recount()
    {
        using var bed = LoadFixture();

        // Analytics:ExtraHolidays, handed to the ETL: Tue 19 May 2026 a local holiday, so request 14 (Mon 18 – Tue 19) is 1 day.
        await bed.Runner.RunAsync(new EtlRequest(bed.Inbox) { ExtraHolidays = ["2026-05-19,Libur daerah"] });

        Assert.Equal(1L, bed.Scalar<long>("SELECT lama_hari FROM fact_cuti WHERE id_pengajuan = '14'"));
        Assert.Equal(3L, bed.Scalar<long>("SELECT lama_hari FROM fact_cuti WHERE id_pengajuan = '11'"));
    }

    private const string WorkingDaysProfile = """
        {
          "entity": "cuti",
          "file": "^izin_.*\\.csv$",
          "columns": { "id": "id_pengajuan", "nip": "nip", "jenis": "jenis_cuti", "kanal": "kanal", "tgl": "waktu_pengajuan", "status": "status",
                       "mulai": "tanggal_mulai", "selesai": "tanggal_selesai", "unit": "kode_unit" },
          "workingDays": { "lama_hari": [ "mulai", "selesai" ] }
        }
        """;

    [Theory]
    [InlineData("[ \"mulai\", \"selesai\" ]", "[ \"mulai\" ]", "workingDays.lama_hari", "dua kolom")]
    [InlineData("[ \"mulai\", \"selesai\" ]", "[ \"mulai\", \"MULAI\" ]", "workingDays.lama_hari", "sama")]
    [InlineData("{ \"lama_hari\": [", "{ \"waktu_keputusan\": [", "workingDays.waktu_keputusan", "bilangan bulat")]
    [InlineData("\"unit\": \"kode_unit\" }", "\"unit\": \"kode_unit\", \"hari\": \"lama_hari\" }", "workingDays.lama_hari", "sudah diisi")]
    [InlineData("\"workingDays\"", "\"workingday\"", "$.workingday", "workingDays")]
    public void A_wrong_working_days_key_fails_naming_the_profile_file_and_key(string valid, string broken, string key, string detail)
    {
        Assert.Contains(valid, WorkingDaysProfile);
        Assert.Equal(["mulai", "selesai"], SourceProfile.Parse("izin-opd.json", WorkingDaysProfile).WorkingDays["lama_hari"].From);

        var ex = Assert.Throws<SourceProfileException>(() => SourceProfile.Parse("izin-opd.json", WorkingDaysProfile.Replace(valid, broken)));

        Assert.Equal(("izin-opd.json", key), (ex.File, ex.Key));
        Assert.Contains(detail, ex.Message);
    }

    [Fact]
    public async Task No_personal_value_of_the_export_or_its_mapping_files_reaches_warehouse_staging_rejects_or_log()
    {
        var log = new ListLogger<EtlRunner>();
        using var warehouse = new TempWarehouse();
        var inbox = warehouse.Folder.Sub("inbox");
        File.WriteAllText(Path.Combine(inbox, "unit_kerja_2026.csv"), EtlTestBed.UnitCsv + "\n");
        File.WriteAllText(Path.Combine(inbox, "pegawai_2026-01.csv"), EtlTestBed.PegawaiCsv + "\n");
        foreach (var f in MappingFiles.Append(Export)) File.Copy(Fixture(f), Path.Combine(inbox, f));
        var runner = new EtlRunner(warehouse.Database, new FixedTime(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)), log);
        var summary = await runner.RunAsync(new EtlRequest(inbox));
        Assert.Equal(3 + 3 + 5, summary.RowsLoaded);

        // Every text cell of every table (staging tables are temporary and gone; their rows end in facts or the ledger).
        using var c = warehouse.Open();
        var cells = new StringBuilder();
        foreach (var t in c.Rows("SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'"))
            foreach (var row in c.Rows($"SELECT \"{t[1]}\" FROM \"{t[0]}\" WHERE \"{t[1]}\" IS NOT NULL"))
                cells.Append(row[0]).Append('\n');
        var text = cells.ToString();
        Assert.Contains("peg_id=99", text); // the scan sees the ledger's raw text of a rejected row
        foreach (var value in Personal) Assert.DoesNotContain(value, text);
        c.Execute("CHECKPOINT");

        var bytes = File.ReadAllBytes(warehouse.Path);
        Assert.True(Bytes.Contain(bytes, EtlTestBed.NipSiti), "the byte scan finds a kept value");
        foreach (var value in Personal) Assert.False(Bytes.Contain(bytes, value), $"'{value}' found in the warehouse file");
        Assert.NotEmpty(log.Lines);
        foreach (var value in Personal) Assert.DoesNotContain(log.Lines, l => l.Contains(value, StringComparison.Ordinal));
    }
}
