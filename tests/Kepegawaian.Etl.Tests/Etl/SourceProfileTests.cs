using System.Text;
using Kepegawaian.Etl.Hosting;
using Kepegawaian.Etl.Reading.Profiles;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Logging;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Issue 13 items 1–3: source profiles map a source system's export onto a contract entity at read time.
/// Fixtures are small CSVs with the headers of the public applications (Data/Sources, see sources.md §4).
/// </summary>
public sealed class SourceProfileTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Sources", name);

    private const string Wide = "skm-wide_KEL01_2026-05.csv";
    private const string Long = "skm-long_KEL01_2026-05.csv";

    /// <summary>The fixtures' personal values: none may be found anywhere after a load.</summary>
    private static readonly string[] Personal =
    [
        "Rina Marlina Sapitri", "Joko Susilo Wibowo", "Dewi Anggraini Putri", "Ahmad Fauzi Rahman", "Sri Wahyuni Lestari",
        "1671014502920001", "1671021103750002", "1671036001980003", "1671040404860004",
        "081211112222", "081333334444", "081255556666", "081277778888", "081234567890",
    ];

    // fact_skm without the loading file's id: what a contract-shaped load of the same records must equal.
    private const string FactSql = "SELECT * EXCLUDE (etl_file_id) FROM fact_skm ORDER BY id_responden";

    [Fact]
    public void Skm_wide_fixture_loads_through_its_profile_and_rejects_name_the_source_column()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture(Wide), Path.Combine(bed.Inbox, Wide));

        var file = bed.Run().Files.Single(f => f.File == Wide);

        Assert.Equal((EtlFileSummary.Loaded, "skm", 5L, 2L, 3L), (file.Status, file.Entity, file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal(
            new List<(long, string?, string)> { (4, "u3", "RENTANG_NILAI"), (5, null, "BARIS_RUSAK"), (6, "jenkel", "KODE_TIDAK_DIKENAL") },
            bed.Rejects(Wide));
        // Unit from the file name, service from the profile's constant, Perempuan/Laki-laki → P/L, an empty answer stays empty.
        var rows = bed.Rows("SELECT id_responden, kode_unit, jenis_layanan, tanggal_survei::VARCHAR, jenis_kelamin, u3, u8, saran FROM fact_skm ORDER BY 1");
        Assert.Equal(new object?[] { "101", "KEL01", "Semua layanan", "2026-05-02", "P", (sbyte)3, null, "Antrian loket dua terlalu lama" }, rows[0]);
        Assert.Equal(new object?[] { "102", "KEL01", "Semua layanan", "2026-05-03", "L", (sbyte)3, (sbyte)3, null }, rows[1]);
        // The raw text of a rejected row is rebuilt from the mapped columns: the respondent's name is not in it.
        var raw = bed.Scalar<string>($"SELECT raw_text FROM etl_reject WHERE file_name = '{Wide}' AND line_number = 4")!;
        Assert.Contains("id=103", raw);
        Assert.Contains("u3=5", raw);
        Assert.DoesNotContain("Dewi", raw);
    }

    [Fact]
    public void Skm_wide_profile_lands_the_same_rows_as_the_contract_shaped_file()
    {
        const string contract = """
            id_responden,kode_unit,jenis_layanan,tanggal_survei,u1,u2,u3,u4,u5,u6,u7,u8,u9,jenis_kelamin,usia,pendidikan,pekerjaan,saran
            101,KEL01,Semua layanan,2026-05-02,4,4,3,4,4,3,4,,4,P,34,S1,Wiraswasta,Antrian loket dua terlalu lama
            102,KEL01,Semua layanan,2026-05-03,3,3,3,4,3,3,3,3,3,L,51,SMA,PNS,
            """;
        AssertEquivalent(Wide, contract);
    }

    [Fact]
    public void Skm_long_fixture_is_pivoted_by_question_id_per_respondent()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture(Long), Path.Combine(bed.Inbox, Long));

        var file = bed.Run().Files.Single(f => f.File == Long);

        // 21 answer rows of 4 respondents (R201's rows are not adjacent); a record is a respondent, at its first line.
        Assert.Equal((EtlFileSummary.Loaded, 4L, 2L, 2L), (file.Status, file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal(
            new List<(long, string?, string)> { (19, "penilaian (id_pertanyaan=2)", "RENTANG_NILAI"), (21, null, "BARIS_RUSAK") },
            bed.Rejects(Long));
        Assert.Contains("id_pertanyaan '10'", bed.Scalar<string>($"SELECT message FROM etl_reject WHERE file_name = '{Long}' AND line_number = 21"));
        var r201 = bed.Rows("SELECT u1, u2, u3, u4, u5, u6, u7, u8, u9, tanggal_survei::VARCHAR, jenis_kelamin FROM fact_skm WHERE id_responden = 'R201'").Single();
        Assert.Equal(new object?[] { (sbyte)4, (sbyte)4, (sbyte)3, (sbyte)4, (sbyte)4, (sbyte)3, (sbyte)4, null, (sbyte)4, "2026-05-02", "P" }, r201);
    }

    [Fact]
    public void Skm_long_profile_lands_the_same_rows_as_the_contract_shaped_file()
    {
        const string contract = """
            id_responden,kode_unit,jenis_layanan,tanggal_survei,u1,u2,u3,u4,u5,u6,u7,u8,u9,jenis_kelamin,usia,pendidikan,pekerjaan,saran
            R201,KEL01,1,2026-05-02,4,4,3,4,4,3,4,,4,P,34,S1,Wiraswasta,
            R202,KEL01,2,2026-05-03,3,3,3,4,3,3,3,3,3,L,51,SMA,PNS,
            """;
        AssertEquivalent(Long, contract);
    }

    [Fact]
    public void Skm_long_as_jsonl_with_keys_first_seen_later_lands_the_same_rows_as_its_csv()
    {
        using var viaCsv = new EtlTestBed();
        viaCsv.WriteMasters();
        File.Copy(Fixture(Long), Path.Combine(viaCsv.Inbox, Long));
        viaCsv.Run();
        using var viaJsonl = new EtlTestBed();
        viaJsonl.WriteMasters();
        // The same records as JSON objects; the first line lacks three keys (as exports omit nulls), so the header grows later.
        var lines = File.ReadAllLines(Fixture(Long));
        var header = lines[0].Split(',');
        var jsonl = lines.Skip(1).Select((line, i) =>
        {
            var cells = header.Zip(line.Split(',')).Where(kv => i > 0 || kv.First is not ("namaresponden" or "nohp" or "nik"));
            return System.Text.Json.JsonSerializer.Serialize(cells.ToDictionary(kv => kv.First, kv => kv.Second));
        });
        viaJsonl.Write("skm-long_KEL01_2026-05.jsonl", string.Join("\n", jsonl));

        var file = viaJsonl.Run().Files.Single(f => f.File.EndsWith(".jsonl"));

        Assert.Equal((4L, 2L, 2L), (file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal(viaCsv.Rows(FactSql), viaJsonl.Rows(FactSql));
    }

    private static void AssertEquivalent(string fixture, string contractCsv)
    {
        using var viaProfile = new EtlTestBed();
        viaProfile.WriteMasters();
        File.Copy(Fixture(fixture), Path.Combine(viaProfile.Inbox, fixture));
        viaProfile.Run();
        using var viaContract = new EtlTestBed();
        viaContract.WriteMasters();
        viaContract.Write("skm_2026-05.csv", contractCsv);
        Assert.Equal(2L, viaContract.Run().Files.Single(f => f.File == "skm_2026-05.csv").RowsLoaded);

        var expected = viaContract.Rows(FactSql);
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, viaProfile.Rows(FactSql)); // row_hash included: identical content, not just similar
    }

    [Fact]
    public async Task Personal_data_of_the_fixtures_reaches_neither_the_warehouse_nor_the_log()
    {
        var log = new ListLogger<EtlRunner>();
        string warehouseFile;
        using (var warehouse = new TempWarehouse())
        {
            var inbox = warehouse.Folder.Sub("inbox");
            foreach (var (name, csv) in EtlTestBed.AllCsv.Where(kv => kv.Key.StartsWith("unit") || kv.Key.StartsWith("pegawai")))
                File.WriteAllText(Path.Combine(inbox, name), csv + "\n");
            File.Copy(Fixture(Wide), Path.Combine(inbox, Wide));
            File.Copy(Fixture(Long), Path.Combine(inbox, Long));
            var runner = new EtlRunner(warehouse.Database, new FixedTime(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)), log);
            var summary = await runner.RunAsync(new EtlRequest(inbox));
            Assert.Equal(3 + 3 + 2 + 2, summary.RowsLoaded); // units, employees, then 2 respondents from each fixture

            // Every text cell of every table, read through DuckDB (the file's bytes may be compressed).
            using var c = warehouse.Open();
            var tables = c.Rows("SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'");
            var cells = new StringBuilder();
            foreach (var t in tables)
                foreach (var row in c.Rows($"SELECT \"{t[1]}\" FROM \"{t[0]}\" WHERE \"{t[1]}\" IS NOT NULL"))
                    cells.Append(row[0]).Append('\n');
            var text = cells.ToString();
            Assert.Contains("Antrian loket dua terlalu lama", text); // the scan sees what was kept
            foreach (var value in Personal) Assert.DoesNotContain(value, text);
            c.Execute("CHECKPOINT");
            warehouseFile = warehouse.Path;

            var bytes = File.ReadAllBytes(warehouseFile);
            Assert.True(Bytes.Contain(bytes, "Antrian loket dua terlalu lama"), "the byte scan finds a kept value");
            foreach (var value in Personal) Assert.False(Bytes.Contain(bytes, value), $"'{value}' found in the warehouse file");
        }
        Assert.NotEmpty(log.Lines);
        foreach (var value in Personal)
            Assert.DoesNotContain(log.Lines, l => l.Contains(value, StringComparison.Ordinal));
    }


    [Fact]
    public async Task An_operators_own_profile_from_the_profile_folder_adds_a_source_without_code()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        var dir = Directory.CreateDirectory(Path.Combine(bed.Inbox, "..", "profil")).FullName;
        // FachrulRizki/AppSikok shape (p1..p9, jk L/P), a single-unit app whose unit is set in the profile.
        File.WriteAllText(Path.Combine(dir, "sikok-dinkes.json"), """
            {
              "entity": "skm",
              "file": "^sikok_.*\\.csv$",
              "columns": { "no": "id_responden", "tgl": "tanggal_survei", "layanan": "jenis_layanan", "jk": "jenis_kelamin",
                           "p1": "u1", "p2": "u2", "p3": "u3", "p4": "u4", "p5": "u5", "p6": "u6", "p7": "u7", "p8": "u8", "p9": "u9" },
              "dates": { "tanggal_survei": [ "dd.MM.yyyy" ] },
              "constants": { "kode_unit": "DINKES" },
              "drop": [ "nama" ]
            }
            """);
        bed.Write("sikok_2026-06.csv", """
            no,tgl,layanan,nama,jk,p1,p2,p3,p4,p5,p6,p7,p8,p9,telepon
            S1,02.06.2026,Imunisasi,Rina Marlina Sapitri,P,4,4,4,4,4,4,4,4,4,081211112222
            S2,31.06.2026,Imunisasi,Joko Susilo Wibowo,L,3,3,3,3,3,3,3,3,3,081333334444
            """);
        var runner = new EtlRunner(bed.Database, bed.Time, profiles: SourceProfiles.Load(dir));

        var file = (await runner.RunAsync(new EtlRequest(bed.Inbox))).Files.Single(f => f.File == "sikok_2026-06.csv");

        Assert.Equal((1L, 1L), (file.RowsLoaded, file.RowsRejected));
        Assert.Equal(new List<(long, string?, string)> { (3, "tgl", "FORMAT_TANGGAL") }, bed.Rejects("sikok_2026-06.csv")); // 31 June: not a date
        Assert.Equal(new object?[] { "S1", "DINKES", "2026-06-02" }, bed.Rows("SELECT id_responden, kode_unit, tanggal_survei::VARCHAR FROM fact_skm").Single());
        // 'telepon' is neither mapped nor dropped: not read, and the warning names the column, never a value.
        Assert.Contains("telepon", file.Message);
        Assert.DoesNotContain("0812", file.Message);
    }

    [Fact]
    public async Task A_source_column_named_like_another_contract_column_is_named_once_in_the_ledger()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        var dir = Directory.CreateDirectory(Path.Combine(bed.Inbox, "..", "profil")).FullName;
        // The source's 'jenis_layanan' column holds the unit; the service is in 'layanan'. Renamed one by one in
        // schema order, kode_unit → 'jenis_layanan' would be renamed again to 'layanan'.
        File.WriteAllText(Path.Combine(dir, "silang.json"), ProfileJson.Replace("\"unit\": \"kode_unit\"", "\"jenis_layanan\": \"kode_unit\""));
        bed.Write("survei_2026.csv", """
            id,jenis_layanan,layanan,tanggal,jenkel,u1,u2,u3,u4,u5,u6,u7,u8,u9
            A1,XX,KTP-el,02-06-2026,Perempuan,4,4,4,4,4,4,4,4,4
            A2,KEL01,,02-06-2026,Perempuan,4,4,4,4,4,4,4,4,4
            A3,KEL01,KTP-el,02-06-2026,Perempuan,4,4,4,4,4,4,4,4,4
            """);

        await new EtlRunner(bed.Database, bed.Time, profiles: SourceProfiles.Load(dir)).RunAsync(new EtlRequest(bed.Inbox));

        Assert.Equal(
            new List<(long, string?, string)> { (2, "jenis_layanan", "UNIT_TIDAK_DIKENAL"), (3, "layanan", "WAJIB_KOSONG") },
            bed.Rejects("survei_2026.csv"));
        Assert.Equal(new object?[] { "A3", "KEL01", "KTP-el" }, bed.Rows("SELECT id_responden, kode_unit, jenis_layanan FROM fact_skm").Single());
    }

    [Fact]
    public async Task A_file_two_profiles_match_fails_naming_both()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        var dir = Directory.CreateDirectory(Path.Combine(bed.Inbox, "..", "profil")).FullName;
        File.Copy(Fixture(Wide), Path.Combine(bed.Inbox, Wide));
        File.WriteAllText(Path.Combine(dir, "greedy.json"), ProfileJson.Replace("^survei_", "^skm-wide_"));

        var summary = await new EtlRunner(bed.Database, bed.Time, profiles: SourceProfiles.Load(dir)).RunAsync(new EtlRequest(bed.Inbox));
        var file = summary.Files.Single(f => f.File == Wide);

        Assert.Equal(EtlFileSummary.Failed, file.Status);
        Assert.Contains("greedy.json", file.Message);
        Assert.Contains("skm-wide.json", file.Message);
    }

    /// <summary>A valid operator profile; each validation case breaks one key of it.</summary>
    private const string ProfileJson = """
        {
          "entity": "skm",
          "file": "^survei_.*\\.csv$",
          "columns": { "id": "id_responden", "unit": "kode_unit", "layanan": "jenis_layanan", "tanggal": "tanggal_survei", "jenkel": "jenis_kelamin",
                       "u1": "u1", "u2": "u2", "u3": "u3", "u4": "u4", "u5": "u5", "u6": "u6", "u7": "u7", "u8": "u8", "u9": "u9" },
          "values": { "jenis_kelamin": { "Laki-laki": "L", "Perempuan": "P" } },
          "dates": { "tanggal_survei": [ "dd-MM-yyyy" ] }
        }
        """;

    [Theory]
    [InlineData("\"jenkel\": \"jenis_kelamin\"", "\"jenkel\": \"jenis_kelamn\"", "columns.jenkel", "jenis_kelamn")]
    [InlineData("\"u9\": \"u9\" }", "\"nomor\": \"u10\" }", "columns.nomor", "u10")]
    [InlineData(", \"u9\": \"u9\" }", " }", "columns", "u9")]
    [InlineData("\"^survei_.*\\\\.csv$\"", "\"^survei_(.*\\\\.csv$\"", "file", "ekspresi reguler")]
    [InlineData("\"Perempuan\": \"P\"", "\"Perempuan\": \"W\"", "values.jenis_kelamin.Perempuan", "'W'")]
    [InlineData("[ \"dd-MM-yyyy\" ]", "[ \"dd-MM\" ]", "dates.tanggal_survei[0]", "dd-MM")]
    [InlineData("\"dates\"", "\"tanggal\"", "$.tanggal", "tidak dikenal")]
    [InlineData("\"entity\": \"skm\"", "\"entity\": \"survei\"", "entity", "survei")]
    public void A_wrong_profile_fails_naming_its_file_and_key(string valid, string broken, string key, string detail)
    {
        Assert.Contains(valid, ProfileJson); // the case really changes the profile
        SourceProfile.Parse("ok.json", ProfileJson);

        var ex = Assert.Throws<SourceProfileException>(() => SourceProfile.Parse("survei-opd.json", ProfileJson.Replace(valid, broken)));

        Assert.Equal(("survei-opd.json", key), (ex.File, ex.Key));
        Assert.Contains("survei-opd.json", ex.Message);
        Assert.Contains(detail, ex.Message);
    }

    [Fact]
    public void Start_up_validation_of_the_profile_folder_reports_the_file_and_key()
    {
        using var folder = TempFolder.Create("profil");
        File.WriteAllText(folder.File("skm-opd.json"), ProfileJson.Replace("\"jenkel\": \"jenis_kelamin\"", "\"jenkel\": \"gender\""));

        var result = new ProfileValidation().Validate(null, new EtlOptions { ProfileDir = folder.Path });

        Assert.True(result.Failed);
        Assert.Contains("'skm-opd.json', kunci 'columns.jenkel'", result.FailureMessage);
        Assert.True(new ProfileValidation().Validate(null, new EtlOptions()).Succeeded); // the shipped profiles are valid
    }

}
