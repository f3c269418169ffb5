using Kepegawaian.Etl.Reading.Profiles;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Issue 13 item 2, first bullet, second half: the SIASN "Export Data ASN" also yields <c>unit_kerja</c> from its UNOR
/// columns (<c>siasn-pegawai.json</c> "also"). The fixture's twelve employees sit in three UNORs (rows per UNOR ID:
/// …0001 ×4, …0002 ×3, …0003 ×5), named "Kecamatan Ilir Timur I", "Kelurahan 20 Ilir D I" and "Dinas Kesehatan";
/// the expected units below are read off the fixture by hand with the profile's rules.
/// </summary>
public sealed class SiasnUnorProfileTests
{
    private const string Export = "siasn-pegawai_2026-11-20.csv";
    private const string Guid = "8ae483a86f2b1e5c016f2f3c0a1b";
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Data", "Sources", Export);

    private const string UnitSql = "SELECT kode_unit, nama_unit, jenis_unit, kode_induk, populasi FROM dim_unit ORDER BY kode_unit";

    private static string ShippedProfile()
    {
        var assembly = typeof(SourceProfiles).Assembly;
        using var reader = new StreamReader(assembly.GetManifestResourceStream("profiles/siasn-pegawai.json")!);
        return reader.ReadToEnd();
    }

    private static (long, long, long, long) Counts(EtlFileSummary f) => (f.RowsRead, f.RowsLoaded, f.RowsUnchanged, f.RowsRejected);

    [Fact]
    public void The_export_adds_each_unor_once_before_its_employees_and_later_files_of_the_run_know_them()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture, Path.Combine(bed.Inbox, Export));
        // A contract kinerja file of the same run in a unit that only the export defines: kinerja loads after pegawai.
        bed.Write("kinerja_2026-q3.csv", EtlTestBed.KinerjaHeader + $"\nK9,196805121994031002,2026-Q3,sesuai,sesuai,,,{Guid}0003");

        var summary = bed.Run(); // shipped profiles: UNOR ID is the kode_unit

        // 12 rows, 3 distinct UNOR ids → 3 records read, all new; the employees' file then finds them.
        var units = summary.Files.Single(f => f.File == Export && f.Entity == "unit_kerja");
        Assert.Equal((3L, 3L, 0L, 0L), Counts(units));
        Assert.Equal((12L, 9L, 0L, 3L), Counts(summary.Files.Single(f => f.File == Export && f.Entity == "pegawai")));
        Assert.Equal((1L, 1L), (summary.Files.Single(f => f.Entity == "kinerja").RowsRead, summary.Files.Single(f => f.Entity == "kinerja").RowsLoaded));
        // The units come first in the summary, as they were loaded first.
        Assert.True(summary.Files.ToList().FindIndex(f => f.File == Export && f.Entity == "unit_kerja")
                    < summary.Files.ToList().FindIndex(f => f.File == Export && f.Entity == "pegawai"));

        // jenis_unit from the name's first word; the export has no parent and no population.
        Assert.Equal(
        [
            [Guid + "0001", "Kecamatan Ilir Timur I", "kecamatan", null, null],
            [Guid + "0002", "Kelurahan 20 Ilir D I", "kelurahan", null, null],
            [Guid + "0003", "Dinas Kesehatan", "dinas", null, null],
            ["DINKES", "Dinas Kesehatan", "dinas", null, null],
            ["KEC01", "Kecamatan Ilir Timur I", "kecamatan", null, 70000L],
            ["KEL01", "Kelurahan 20 Ilir D I", "kelurahan", "KEC01", 12000L],
        ], bed.Rows(UnitSql));
        // One etl_file row per entity read from the file, same bytes, each reconciling on its own.
        Assert.Equal(
        [
            ["pegawai", 12L, 9L, 0L, 3L],
            ["unit_kerja", 3L, 3L, 0L, 0L],
        ], bed.Rows($"SELECT entity, rows_read, rows_loaded, rows_unchanged, rows_rejected FROM etl_file WHERE file_name = '{Export}' AND status = 'loaded' ORDER BY entity"));
        Assert.Equal(1L, bed.Scalar<long>($"SELECT count(DISTINCT content_hash) FROM etl_file WHERE file_name = '{Export}'"));
        // UNOR …0003 has five rows, lines 11 and 12 rejected: three employees; and K9.
        Assert.Equal(3L, bed.Scalar<long>($"SELECT count(*) FROM dim_employee WHERE is_current AND kode_unit = '{Guid}0003'"));
        Assert.Equal(1L, bed.Scalar<long>($"SELECT count(*) FROM fact_kinerja WHERE kode_unit = '{Guid}0003'"));

        // The same export again is a duplicate as a whole: no unit or employee row is read twice.
        File.Copy(Fixture, Path.Combine(bed.Inbox, Export));
        var again = bed.Run();
        Assert.Equal(EtlFileSummary.Duplicate, Assert.Single(again.Files, f => f.File == Export).Status);
    }

    [Fact]
    public async Task The_operators_unor_table_serves_both_entities_and_a_known_unit_is_left_as_it_is()
    {
        // Operator copy of the shipped profile with one table: …0001 → KEC01 and …0003 → DINKES (known, with the
        // contract file's populasi and kode_induk), …0002 → KEL99 (a unit the city file lacks).
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Run();
        var before = bed.Rows("SELECT * FROM dim_unit ORDER BY kode_unit");

        var dir = Directory.CreateDirectory(Path.Combine(bed.Inbox, "..", "profil")).FullName;
        const string anchor = "\"jenis_kelamin\": { \"M\": \"L\"";
        var shipped = ShippedProfile();
        Assert.Contains(anchor, shipped);
        File.WriteAllText(Path.Combine(dir, "siasn-pegawai.json"), shipped.Replace(anchor,
            $"\"kode_unit\": {{ \"{Guid}0001\": \"KEC01\", \"{Guid}0002\": \"KEL99\", \"{Guid}0003\": \"DINKES\" }},\n" + anchor));
        File.Copy(Fixture, Path.Combine(bed.Inbox, Export));

        var summary = await new EtlRunner(bed.Database, bed.Time, profiles: SourceProfiles.Load(dir)).RunAsync(new EtlRequest(bed.Inbox));

        // 3 records: KEL99 new, KEC01 and DINKES known → unchanged (keepKnown), whatever the export says of them.
        Assert.Equal((3L, 1L, 2L, 0L), Counts(summary.Files.Single(f => f.File == Export && f.Entity == "unit_kerja")));
        Assert.Equal((12L, 9L, 0L, 3L), Counts(summary.Files.Single(f => f.File == Export && f.Entity == "pegawai")));
        var after = bed.Rows("SELECT * FROM dim_unit WHERE kode_unit <> 'KEL99' ORDER BY kode_unit");
        Assert.Equal(before, after); // row_hash, etl_file_id and updated_at too: not touched
        Assert.Equal([["KEL99", "Kelurahan 20 Ilir D I", "kelurahan", null, null]], bed.Rows(UnitSql.Replace("ORDER BY", "WHERE kode_unit = 'KEL99' ORDER BY")));
        // The three valid employees of UNOR …0002 (lines 4, 6, 9) are in KEL99.
        Assert.Equal(
        [
            ["198001152005011003"], ["199002032015031005"], ["199104252025212008"],
        ], bed.Rows("SELECT nip FROM dim_employee WHERE is_current AND kode_unit = 'KEL99' ORDER BY nip"));
    }

    [Theory]
    [InlineData("\"columns\": { \"UNOR ID\": \"kode_unit\" }", "\"columns\": { \"UNOR ID\": \"kode_unit\", \"UNOR KODE\": \"kode_unitt\" }",
        "also.unit_kerja.columns.UNOR KODE", "'kode_unitt' bukan kolom unit_kerja")]
    [InlineData("\"distinct\": true,", "\"distinct\": true, \"file\": \"^unor_.*$\",", "also.unit_kerja.file", "induknya")]
    [InlineData("\"also\": {\n    \"unit_kerja\": {", "\"also\": {\n    \"skm\": {", "also.skm", "dimuat setelah pegawai")]
    [InlineData("\"trimStart\": \"'\",", "\"trimStart\": \"'\", \"keepKnown\": true,", "keepKnown", "hanya untuk entitas unit_kerja")]
    [InlineData("{ \"match\": [ \"Dinas\\\\b.*\" ], \"value\": \"dinas\" }", "{ \"match\": [ \"Dinas\\\\b.*\" ], \"value\": \"dinas_daerah\" }",
        "also.unit_kerja.derive.jenis_unit.rules[4].value", "'dinas_daerah' bukan kode jenis_unit")]
    public void A_wrong_also_section_fails_naming_the_file_and_the_key_path(string valid, string broken, string key, string detail)
    {
        var shipped = ShippedProfile().Replace("\r\n", "\n");
        Assert.Contains(valid, shipped); // the case really changes the profile
        Assert.Single(SourceProfile.Parse("siasn-pegawai.json", shipped).Companions);

        var ex = Assert.Throws<SourceProfileException>(() => SourceProfile.Parse("siasn-bkpsdm.json", shipped.Replace(valid, broken)));

        Assert.Equal(("siasn-bkpsdm.json", key), (ex.File, ex.Key));
        Assert.Contains(detail, ex.Message);
    }
}
