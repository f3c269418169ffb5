using Kepegawaian.Etl.Reading.Profiles;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Issue 13 item 2, SIASN API rw-jabatan → <c>mutasi</c> (<c>siasn-rw-jabatan.json</c>) and the profile keys it needs,
/// <c>previous</c> (the entry before in the same history) and <c>skip</c> (entries that are no contract event). The
/// fixture uses the API's field names (laravel-siasn-simpeg migration siasn_simpeg_pns_rw_jabatan); its entries are
/// deliberately out of TMT order. Expected rows worked out by hand from the fixture.
/// </summary>
public sealed class SiasnApiJabatanProfileTests
{
    private const string JabatanFile = "siasn-rw-jabatan_198502142010012002.json";
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Data", "Sources", JabatanFile);

    private const string MutasiSql = "SELECT id_mutasi, nip, jenis_mutasi, tanggal_efektif, kode_unit_asal, kode_unit_tujuan, golongan_baru, jabatan_baru, nomor_sk FROM fact_mutasi ORDER BY id_mutasi";

    [Fact]
    public void Rw_jabatan_takes_the_origin_from_the_previous_entry_skips_non_events_and_rejects_name_the_api_fields()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture, Path.Combine(bed.Inbox, JabatanFile));

        var file = bed.Run().Files.Single(f => f.File == JabatanFile);

        // 11 entries; skipped (not read): each history's first entry (Siti 2010, the unknown NIP's 2005, Ahmad 1992)
        // and Siti's 2014 jenjang rise in the same unit. 7 read: 4 loaded, 3 rejected.
        Assert.Equal((EtlFileSummary.Loaded, "mutasi", 7L, 4L, 3L), (file.Status, file.Entity, file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal(
            new List<(long, string?, string)>
            {
                (8, "tmtJabatan", "FORMAT_TANGGAL"),     // 30-02-2027: outside the chain, rejected rather than skipped
                (10, "nipBaru", "NIP_TIDAK_DIKENAL"),
                (12, "unorId", "UNIT_TIDAK_DIKENAL"),
            },
            bed.Rejects(JabatanFile));
        Assert.Contains(bed.Rows($"SELECT message FROM etl_warning WHERE file_name = '{JabatanFile}'"), r => ((string)r[0]!).StartsWith("4 baris dilewati", StringComparison.Ordinal));
        // Siti by TMT: fungsional at DINKES (first, skipped) → jenjang rise there (skipped) → pelaksana at KEC01 (another
        // unit, same level: mutasi) → eselon IV.b at KEC01 (level up in place: promosi, asal = tujuan) → IV.a at KEL01
        // (another unit, same level: mutasi) → III.b at DINKES (level up and moved: promosi). The names by jenis jabatan.
        Assert.Equal(
            [
                ["jab-5e6f70800003", EtlTestBed.NipSiti, "mutasi", new DateOnly(2018, 7, 2), "DINKES", "KEC01", null, "Pengelola Layanan Kesehatan", "821.2/0388/BKPSDM/2018"],
                ["jab-5e6f70800004", EtlTestBed.NipSiti, "promosi", new DateOnly(2021, 3, 1), "KEC01", "KEC01", null, "Kepala Seksi Kesejahteraan Sosial", "821.2/0102/BKPSDM/2021"],
                ["jab-5e6f70800005", EtlTestBed.NipSiti, "mutasi", new DateOnly(2026, 2, 2), "KEC01", "KEL01", null, "Lurah", "821.2/0044/BKPSDM/2026"],
                ["jab-5e6f70800006", EtlTestBed.NipSiti, "promosi", new DateOnly(2026, 9, 1), "KEL01", "DINKES", null, "Kepala Bidang Pelayanan Kesehatan", "821.2/0301/BKPSDM/2026"],
            ],
            bed.Rows(MutasiSql));
        // The dropped identifiers, instansi name and document paths are in no text cell of the warehouse.
        var cells = new System.Text.StringBuilder();
        foreach (var t in bed.Rows("SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'"))
            foreach (var row in bed.Rows($"SELECT \"{t[1]}\" FROM \"{t[0]}\" WHERE \"{t[1]}\" IS NOT NULL"))
                cells.Append(row[0]).Append('\n');
        var text = cells.ToString();
        Assert.Contains("tmtJabatan=30-02-2027", text); // the scan sees the ledger's raw text
        foreach (var value in new[] { "A8ACA73A2C1F3912E040640A040269BB", "010345678", "JAB_872.pdf", "Pemerintah Kota Palembang" })
            Assert.DoesNotContain(value, text);
    }

    [Fact]
    public void Rw_jabatan_lands_the_same_facts_as_the_contract_shaped_rows()
    {
        using var viaProfile = new EtlTestBed();
        viaProfile.WriteMasters();
        File.Copy(Fixture, Path.Combine(viaProfile.Inbox, JabatanFile));
        viaProfile.Run();

        using var viaContract = new EtlTestBed();
        viaContract.WriteMasters();
        viaContract.Write("mutasi_siasn.csv", EtlTestBed.MutasiHeader + """

            jab-5e6f70800003,198502142010012002,mutasi,2018-07-02,DINKES,KEC01,,Pengelola Layanan Kesehatan,821.2/0388/BKPSDM/2018
            jab-5e6f70800004,198502142010012002,promosi,2021-03-01,KEC01,KEC01,,Kepala Seksi Kesejahteraan Sosial,821.2/0102/BKPSDM/2021
            jab-5e6f70800005,198502142010012002,mutasi,2026-02-02,KEC01,KEL01,,Lurah,821.2/0044/BKPSDM/2026
            jab-5e6f70800006,198502142010012002,promosi,2026-09-01,KEL01,DINKES,,Kepala Bidang Pelayanan Kesehatan,821.2/0301/BKPSDM/2026
            """);
        viaContract.Run();

        const string Facts = "SELECT * EXCLUDE (etl_file_id) FROM fact_mutasi ORDER BY id_mutasi";
        const string Employees = "SELECT * EXCLUDE (employee_sk, etl_file_id) FROM dim_employee ORDER BY nip, valid_from";
        Assert.Equal(4, viaContract.Rows(Facts).Count);
        Assert.Equal(viaContract.Rows(Facts), viaProfile.Rows(Facts));
        Assert.Equal(viaContract.Rows(Employees), viaProfile.Rows(Employees));
    }

    private const string HistoryProfile = """
        {
          "entity": "mutasi",
          "file": "^riwayat_.*\\.json$",
          "previous": { "key": [ "nip" ], "order": "tmt", "columns": { "unit": "unitLama" } },
          "skip": { "from": [ "unitLama", "unit" ], "rules": [ { "match": [ ".*", ".*" ], "same": [ "unitLama", "unit" ] } ] },
          "columns": { "id": "id_mutasi", "nip": "nip", "tmt": "tanggal_efektif", "unit": "kode_unit_tujuan", "unitLama": "kode_unit_asal" },
          "constants": { "jenis_mutasi": "mutasi" }
        }
        """;

    [Theory]
    [InlineData("\"order\": \"tmt\"", "\"order\": \"unit\"", "previous.order", "kolom tanggal")]
    [InlineData("\"order\": \"tmt\"", "\"order\": \"tanggal\"", "previous.order", "kolom tanggal")]
    [InlineData("\"key\": [ \"nip\" ]", "\"key\": [ ]", "previous.key", "wajib diisi")]
    [InlineData("\"unit\": \"unitLama\" }", "\"unit\": \"nip\" }", "previous.columns.unit", "sudah dipakai")]
    [InlineData("\"same\": [ \"unitLama\", \"unit\" ]", "\"same\": [ \"unitLama\", \"kode\" ]", "skip.rules[0].same", "dua kolom 'from'")]
    [InlineData("\"match\": [ \".*\", \".*\" ], \"same\"", "\"match\": [ \".*\" ], \"same\"", "skip.rules[0].match", "2 pola")]
    [InlineData("{ \"match\": [ \".*\", \".*\" ],", "{ \"value\": \"x\", \"match\": [ \".*\", \".*\" ],", "skip.rules[0]", "hanya berisi 'match'")]
    public void A_wrong_previous_or_skip_key_fails_naming_the_file_and_key(string valid, string broken, string key, string detail)
    {
        SourceProfile.Parse("ok.json", HistoryProfile);
        Assert.Contains(valid, HistoryProfile);

        var ex = Assert.Throws<SourceProfileException>(() => SourceProfile.Parse("riwayat-opd.json", HistoryProfile.Replace(valid, broken)));

        Assert.Equal(("riwayat-opd.json", key), (ex.File, ex.Key));
        Assert.Contains(detail, ex.Message);
    }

    [Theory]
    [InlineData("\"order\": \"tmtJabatan\"", "\"order\": \"tmtPelantikan\"", "previous.order", "tmtPelantikan")]
    [InlineData("\"same\": [ \"unorIdSebelumnya\", \"unorId\" ] },\n      { \"match\": [ \".*\", \".*\", \"1\", \".*\", \"1\", \"4",
                "\"same\": [ \"unorIdSebelumnya\", \"unorNama\" ] },\n      { \"match\": [ \".*\", \".*\", \"1\", \".*\", \"1\", \"4", "skip.rules[1].same", "dua kolom 'from'")]
    public void A_wrong_copy_of_the_shipped_rw_jabatan_profile_fails_naming_its_file_and_key(string find, string replace, string key, string detail)
    {
        using var reader = new StreamReader(typeof(SourceProfiles).Assembly.GetManifestResourceStream("profiles/siasn-rw-jabatan.json")!);
        var json = reader.ReadToEnd().ReplaceLineEndings("\n");
        Assert.Contains(find, json);
        using var dir = Kepegawaian.Testing.TempFolder.Create("profil");
        File.WriteAllText(Path.Combine(dir.Path, "siasn-rw-jabatan.json"), json.Replace(find, replace));

        var ex = Assert.Throws<SourceProfileException>(() => SourceProfiles.Load(dir.Path));

        Assert.Equal(("siasn-rw-jabatan.json", key), (ex.File, ex.Key));
        Assert.Contains(detail, ex.Message);
    }

    [Fact]
    public async Task Previous_in_a_csv_history_sorts_per_key_by_date_and_skip_leaves_out_same_unit_rows()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        var profiles = Path.Combine(bed.Inbox, "..", "profil");
        Directory.CreateDirectory(profiles);
        File.WriteAllText(Path.Combine(profiles, "riwayat.json"), HistoryProfile.Replace(".json$", ".csv$"));
        // Ahmad's rows out of order; the 2025 row stays in KEC01 (skipped); Siti's single row has no previous unit.
        bed.Write("riwayat_opd.csv", """
            id,nip,tmt,unit
            R3,196711101992031001,2026-03-01,DINKES
            R1,196711101992031001,2024-01-01,KEC01
            R2,196711101992031001,2025-01-01,KEC01
            R4,198502142010012002,2026-05-01,KEL01
            """);

        var summary = await new EtlRunner(bed.Database, bed.Time, profiles: SourceProfiles.Load(profiles)).RunAsync(new EtlRequest(bed.Inbox));
        var file = summary.Files.Single(f => f.File == "riwayat_opd.csv");

        // R2 skipped (KEC01 after KEC01). R1 and R4 open their histories: no previous unit (≠ their unit, so not
        // skipped), read and rejected for the empty asal a mutasi needs. R3 comes after R2 by date: KEC01 → DINKES.
        Assert.Equal((3L, 1L, 2L), (file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal([(3L, "unitLama", "WAJIB_KOSONG"), (5L, "unitLama", "WAJIB_KOSONG")], bed.Rejects("riwayat_opd.csv"));
        Assert.Equal(
            [["R3", "KEC01", "DINKES"]],
            bed.Rows("SELECT id_mutasi, kode_unit_asal, kode_unit_tujuan FROM fact_mutasi WHERE id_mutasi LIKE 'R%' ORDER BY id_mutasi"));
    }
}
