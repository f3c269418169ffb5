using System.Text;
using Kepegawaian.Etl.Reading.Profiles;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;
using Microsoft.Extensions.Logging;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Issue 13 item 2, first bullet: the shipped profile <c>siasn-pegawai.json</c> reads BKN SIASN's "Export Data ASN"
/// CSV (sources.md §1) into <c>pegawai</c>. The fixture has the documented 64 columns plus <c>ESELON ID</c>, twelve
/// employees: nine valid ones covering every rule and code table of the profile, then one bad row per reason.
/// Its NIK, phone, e-mail and address values are fake and must never be found after a load.
/// </summary>
public sealed class SiasnSourceProfileTests
{
    private const string Export = "siasn-pegawai_2026-11-20.csv";
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Data", "Sources", Export);

    /// <summary>The fixture's UNOR ids (32-hex GUIDs) and the kode_unit an operator maps them to.</summary>
    private const string UnorMap = """
        "kode_unit": { "8ae483a86f2b1e5c016f2f3c0a1b0001": "KEC01", "8ae483a86f2b1e5c016f2f3c0a1b0002": "KEL01", "8ae483a86f2b1e5c016f2f3c0a1b0003": "DINKES" },
        """;

    private static string ShippedProfile()
    {
        var assembly = typeof(SourceProfiles).Assembly;
        using var reader = new StreamReader(assembly.GetManifestResourceStream("profiles/siasn-pegawai.json")!);
        return reader.ReadToEnd();
    }

    /// <summary>What the README tells an operator to do: the shipped profile, copied to Etl:ProfileDir with the UNOR → kode_unit table.</summary>
    private static SourceProfiles OperatorProfiles(string root)
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, "profil")).FullName;
        const string anchor = "\"jenis_kelamin\": { \"M\": \"L\"";
        var shipped = ShippedProfile();
        Assert.Contains(anchor, shipped);
        File.WriteAllText(Path.Combine(dir, "siasn-pegawai.json"), shipped.Replace(anchor, UnorMap + anchor));
        return SourceProfiles.Load(dir);
    }

    private static readonly string[] Nips =
    [
        "196805121994031002", "197001011995031009", "197503082000032001", "198001152005011003", "198807222012122004",
        "199002032015031005", "199104252025212008", "199512102024211007", "199806172025012006",
    ];

    private const string EmployeeSql = """
        SELECT nip, nama, jenis_kelamin, tanggal_lahir::VARCHAR, status_kepegawaian, golongan, jenis_jabatan, nama_jabatan, kode_unit, pendidikan, valid_from::VARCHAR
        FROM dim_employee WHERE is_current AND nip NOT IN ('196711101992031001', '198502142010012002', '200012312024211001') ORDER BY nip
        """;

    [Fact]
    public async Task Siasn_export_loads_through_its_profile_and_rejects_name_the_source_columns()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture, Path.Combine(bed.Inbox, Export));

        var summary = await new EtlRunner(bed.Database, bed.Time, profiles: OperatorProfiles(Path.Combine(bed.Inbox, ".."))).RunAsync(new EtlRequest(bed.Inbox));
        var file = summary.Files.Single(f => f.File == Export && f.Entity == "pegawai");

        Assert.Equal((EtlFileSummary.Loaded, "pegawai", 12L, 9L, 3L), (file.Status, file.Entity, file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal(
            new List<(long, string?, string)>
            {
                (11, "TANGGAL LAHIR", "FORMAT_TANGGAL"),                                          // 31-02-1985
                (12, "KEDUDUKAN HUKUM ID + GOL AKHIR ID + GOL AKHIR NAMA", "KODE_TIDAK_DIKENAL"), // golongan id 46
                (13, "KEDUDUKAN HUKUM ID + STATUS CPNS PNS", "KODE_TIDAK_DIKENAL"),               // status X
            },
            bed.Rejects(Export));
        // Apostrophe off the NIP, literal null empty, DD-MM-YYYY, M/F, C/P/71/72, golongan ids and PPPK names,
        // jenis jabatan + eselon, pendidikan codes, UNOR GUID → kode_unit, tanggal_data from the file name.
        string?[][] expected =
        [
            ["196805121994031002", "Hendra Saputra", "L", "1968-05-12", "PNS", "IV/d", "jpt", "Kepala Dinas Kesehatan", "DINKES", "S2", "2026-11-20"],
            ["197001011995031009", "Agus Salim", "L", "1970-01-01", "PNS", "I/a", "pelaksana", "Pengemudi", "KEC01", "SD", "2026-11-20"],
            ["197503082000032001", "Yuliana Sari", "P", "1975-03-08", "PNS", "IV/a", "administrator", "Sekretaris Camat", "KEC01", "S1", "2026-11-20"],
            ["198001152005011003", "Taufik Hidayat", "L", "1980-01-15", "PNS", "III/d", "pengawas", "Lurah 20 Ilir D I", "KEL01", "D4", "2026-11-20"],
            ["198807222012122004", "Nurul Aini", "P", "1988-07-22", "PNS", "III/c", "fungsional", "Perawat Ahli Pertama", "DINKES", "D3", "2026-11-20"],
            ["199002032015031005", "Rudi Hartono", "L", "1990-02-03", "PNS", "II/b", "pelaksana", "Pengadministrasi Umum", "KEL01", "SMA", "2026-11-20"],
            // TANGGAL LAHIR 'null': empty, so the loader takes the birth date from the NIP, as for a contract file.
            ["199104252025212008", "Wulan Oktaviani", "P", "1991-04-25", "PPPK", "V", "pelaksana", "Operator Layanan", "KEL01", "SMP", "2026-11-20"],
            ["199512102024211007", "Fajar Ramadhan", "L", "1995-12-10", "PPPK", "IX", "fungsional", "Perawat Terampil", "DINKES", "D1", "2026-11-20"],
            ["199806172025012006", "Putri Maharani", "P", "1998-06-17", "CPNS", "III/a", "pelaksana", "Analis Kebijakan", "KEC01", "S1", "2026-11-20"],
        ];
        Assert.Equal(expected.Select(r => r.Cast<object?>().ToArray()).ToList(), bed.Rows(EmployeeSql));
        // The raw text of a rejected row is rebuilt from the columns the profile reads: no NIK, phone or address.
        var raw = bed.Scalar<string>($"SELECT raw_text FROM etl_reject WHERE file_name = '{Export}' AND line_number = 12")!;
        Assert.Contains("GOL AKHIR ID=46", raw);
        Assert.Contains("NIP BARU=198306092008012011", raw);
        Assert.DoesNotContain("1671111", raw);
        Assert.DoesNotContain("0812", raw);
        Assert.DoesNotContain("Basuki", raw);
    }

    [Fact]
    public void Without_the_operators_unor_table_the_guid_is_the_unit_read_from_the_same_export()
    {
        // The shipped profile reads UNOR ID as kode_unit and, through "also", adds the export's three UNORs to unit_kerja
        // before its employees (SiasnUnorProfileTests has the hand-checked unit rows): the nine valid employees load
        // into the GUID units, the three bad rows are rejected as with the operator's table.
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture, Path.Combine(bed.Inbox, Export));

        var summary = bed.Run(); // shipped profiles only
        var file = summary.Files.Single(f => f.File == Export && f.Entity == "pegawai");

        Assert.Equal((9L, 3L), (file.RowsLoaded, file.RowsRejected));
        Assert.Equal(3L, summary.Files.Single(f => f.File == Export && f.Entity == "unit_kerja").RowsLoaded);
        Assert.DoesNotContain(bed.Rejects(Export), r => r.Reason == "UNIT_TIDAK_DIKENAL");
        Assert.Equal(9L, bed.Scalar<long>("SELECT count(*) FROM dim_employee WHERE is_current AND kode_unit LIKE '8ae483a86f2b1e5c016f2f3c0a1b%'"));
    }

    [Fact]
    public void A_crash_after_the_companion_merged_leaves_neither_part_and_the_next_run_loads_both()
    {
        // The companion (unit_kerja) is staged before the file's transaction and merged inside it; the employees are staged
        // after that merge, inside the transaction. A crash there must take the companion's units with it.
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture, Path.Combine(bed.Inbox, Export));
        var staged = 0;
        var crash = new EtlRequest(bed.Inbox)
        {
            FaultHook = (p, file) =>
            {
                if (p == EtlFaultPoint.AfterStaging && file == Export && ++staged == 2) throw new SimulatedCrashException("kill");
            },
        };

        Assert.Throws<SimulatedCrashException>(() => bed.Run(crash));

        Assert.Equal(2, staged);
        Assert.Equal(0L, bed.Scalar<long>("SELECT count(*) FROM dim_unit WHERE kode_unit LIKE '8ae483a86f2b1e5c016f2f3c0a1b%'"));
        Assert.Equal(3L, bed.Scalar<long>("SELECT count(*) FROM dim_employee"));
        Assert.Equal(0L, bed.Scalar<long>($"SELECT count(*) FROM etl_file WHERE file_name = '{Export}'"));

        var summary = bed.Run();

        Assert.Equal((9L, 3L), summary.Files.Where(f => f.File == Export && f.Entity == "pegawai").Select(f => (f.RowsLoaded, f.RowsRejected)).Single());
        Assert.Equal(3L, summary.Files.Single(f => f.File == Export && f.Entity == "unit_kerja").RowsLoaded);
        Assert.Equal(3L, bed.Scalar<long>("SELECT count(*) FROM dim_unit WHERE kode_unit LIKE '8ae483a86f2b1e5c016f2f3c0a1b%'"));
    }

    [Fact]
    public async Task Siasn_export_lands_the_same_rows_as_the_contract_shaped_file()
    {
        using var viaProfile = new EtlTestBed();
        viaProfile.WriteMasters();
        File.Copy(Fixture, Path.Combine(viaProfile.Inbox, Export));
        await new EtlRunner(viaProfile.Database, viaProfile.Time, profiles: OperatorProfiles(Path.Combine(viaProfile.Inbox, ".."))).RunAsync(new EtlRequest(viaProfile.Inbox));

        using var viaContract = new EtlTestBed();
        viaContract.WriteMasters();
        viaContract.Write("pegawai_2026-11-20.csv", EtlTestBed.PegawaiHeader + """

            196805121994031002,Hendra Saputra,L,1968-05-12,PNS,IV/d,jpt,Kepala Dinas Kesehatan,DINKES,S2,2026-11-20
            197503082000032001,Yuliana Sari,P,1975-03-08,PNS,IV/a,administrator,Sekretaris Camat,KEC01,S1,2026-11-20
            198001152005011003,Taufik Hidayat,L,1980-01-15,PNS,III/d,pengawas,Lurah 20 Ilir D I,KEL01,D4,2026-11-20
            198807222012122004,Nurul Aini,P,1988-07-22,PNS,III/c,fungsional,Perawat Ahli Pertama,DINKES,D3,2026-11-20
            199002032015031005,Rudi Hartono,L,1990-02-03,PNS,II/b,pelaksana,Pengadministrasi Umum,KEL01,SMA,2026-11-20
            199806172025012006,Putri Maharani,P,1998-06-17,CPNS,III/a,pelaksana,Analis Kebijakan,KEC01,S1,2026-11-20
            199512102024211007,Fajar Ramadhan,L,1995-12-10,PPPK,IX,fungsional,Perawat Terampil,DINKES,D1,2026-11-20
            199104252025212008,Wulan Oktaviani,P,,PPPK,V,pelaksana,Operator Layanan,KEL01,SMP,2026-11-20
            197001011995031009,Agus Salim,L,1970-01-01,PNS,I/a,pelaksana,Pengemudi,KEC01,SD,2026-11-20
            """);
        Assert.Equal(9L, viaContract.Run().Files.Single(f => f.File == "pegawai_2026-11-20.csv").RowsLoaded);

        const string all = "SELECT * EXCLUDE (employee_sk, etl_file_id) FROM dim_employee ORDER BY nip, valid_from";
        var expected = viaContract.Rows(all);
        Assert.Equal(3 + 9, expected.Count);
        Assert.Equal(expected, viaProfile.Rows(all)); // row_hash and tracked_hash included: identical content
    }

    /// <summary>Every personal value of the fixture (NIK without and with the apostrophe, phone, e-mail, address, NPWP, BPJS).</summary>
    private static IEnumerable<string> PersonalValues()
    {
        var lines = File.ReadAllLines(Fixture);
        var header = lines[0].Split(',');
        string[] personal = ["NIK", "NOMOR HP", "EMAIL", "ALAMAT", "NPWP NOMOR", "BPJS"];
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            foreach (var column in personal)
                yield return cells[Array.IndexOf(header, column)].TrimStart('\'');
        }
    }

    [Fact]
    public async Task Personal_data_of_the_siasn_fixture_reaches_neither_the_warehouse_nor_the_log()
    {
        var personal = PersonalValues().ToList();
        Assert.Equal(12 * 6, personal.Count);
        Assert.Contains("1671102802850020", personal); // a rejected row's NIK is in the list too
        Assert.Contains("Jl. Merdeka No. 17 Palembang", personal);
        var log = new ListLogger<EtlRunner>();
        using (var warehouse = new TempWarehouse())
        {
            var inbox = warehouse.Folder.Sub("inbox");
            File.WriteAllText(Path.Combine(inbox, "unit_kerja_2026.csv"), EtlTestBed.UnitCsv + "\n");
            File.Copy(Fixture, Path.Combine(inbox, Export));
            var runner = new EtlRunner(warehouse.Database, new FixedTime(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)), log,
                profiles: OperatorProfiles(warehouse.Folder.Path));
            var summary = await runner.RunAsync(new EtlRequest(inbox));
            Assert.Equal(3 + 9, summary.RowsLoaded);
            Assert.Equal(3, summary.RowsRejected);

            using var c = warehouse.Open();
            var cells = new StringBuilder();
            foreach (var t in c.Rows("SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'"))
                foreach (var row in c.Rows($"SELECT \"{t[1]}\" FROM \"{t[0]}\" WHERE \"{t[1]}\" IS NOT NULL"))
                    cells.Append(row[0]).Append('\n');
            var text = cells.ToString();
            Assert.Contains("Kepala Dinas Kesehatan", text);   // the scan sees what was kept ...
            Assert.Contains("198306092008012011", text);       // ... including a rejected row's raw text
            foreach (var value in personal) Assert.DoesNotContain(value, text);
            c.Execute("CHECKPOINT");

            var bytes = File.ReadAllBytes(warehouse.Path);
            Assert.True(Bytes.Contain(bytes, "Kepala Dinas Kesehatan"), "the byte scan finds a kept value");
            foreach (var value in personal) Assert.False(Bytes.Contain(bytes, value), $"'{value}' found in the warehouse file");
        }
        Assert.NotEmpty(log.Lines);
        foreach (var value in personal)
            Assert.DoesNotContain(log.Lines, l => l.Contains(value, StringComparison.Ordinal));
    }


    [Theory]
    [InlineData("{ \"match\": [ \"1\", \"[12][0-9]?\" ], \"value\": \"jpt\" }", "{ \"match\": [ \"1\", \"[12][0-9]?\" ], \"value\": \"eselon II\" }", "derive.jenis_jabatan.rules[0].value", "'eselon II'")]
    [InlineData("{ \"match\": [ \".*\", \"C\" ], \"value\": \"CPNS\" }", "{ \"match\": [ \"C\" ], \"value\": \"CPNS\" }", "derive.status_kepegawaian.rules[1].match", "2 pola")]
    [InlineData("\"source\": \"GOL AKHIR NAMA\"", "\"source\": \"GOL AWAL NAMA\"", "derive.golongan.rules[0].source", "GOL AWAL NAMA")]
    [InlineData("{ \"match\": [ \"1\", \"3[0-9]?\" ], \"value\": \"administrator\" }", "{ \"match\": [ \"1\", \"3[0-9\" ], \"value\": \"administrator\" }", "derive.jenis_jabatan.rules[1].match[1]", "3[0-9")]
    [InlineData("\"NAMA\": \"nama\",", "\"NAMA\": \"nama\", \"GOL AKHIR ID\": \"golongan\",", "derive.golongan", "sudah diisi")]
    [InlineData("\"nulls\": [ \"null\" ]", "\"nulls\": [ \"null\", \" \" ]", "nulls", "token kosong")]
    [InlineData("\"41\": \"IV/a\"", "\"41\": \"IV/f\"", "values.golongan.41", "'IV/f'")]
    public void A_wrong_siasn_profile_fails_naming_its_file_and_key(string valid, string broken, string key, string detail)
    {
        var shipped = ShippedProfile();
        Assert.Contains(valid, shipped); // the case really changes the profile
        SourceProfile.Parse("siasn-pegawai.json", shipped);

        var ex = Assert.Throws<SourceProfileException>(() => SourceProfile.Parse("siasn-bkpsdm.json", shipped.Replace(valid, broken)));

        Assert.Equal(("siasn-bkpsdm.json", key), (ex.File, ex.Key));
        Assert.Contains("siasn-bkpsdm.json", ex.Message);
        Assert.Contains(detail, ex.Message);
    }

    [Fact]
    public async Task An_export_without_the_jabatan_columns_fails_naming_them()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        var lines = File.ReadAllLines(Fixture);
        var header = lines[0].Split(',');
        int[] keep = Enumerable.Range(0, header.Length).Where(i => header[i] is not ("JENIS JABATAN ID" or "ESELON ID")).ToArray();
        bed.Write(Export, string.Join("\n", lines.Select(l => string.Join(",", keep.Select(i => l.Split(',')[i])))));

        var summary = await new EtlRunner(bed.Database, bed.Time, profiles: OperatorProfiles(Path.Combine(bed.Inbox, ".."))).RunAsync(new EtlRequest(bed.Inbox));
        var file = summary.Files.Single(f => f.File == Export);

        Assert.Equal(EtlFileSummary.Failed, file.Status);
        Assert.Contains("'JENIS JABATAN ID', 'ESELON ID'", file.Message);
        Assert.Contains("derive.jenis_jabatan", file.Message);
    }

}
