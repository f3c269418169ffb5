using System.Text;
using Kepegawaian.Etl.Reading.Profiles;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Issue 13 item 2, SIASN API histories → <c>kinerja</c>: <c>siasn-rw-skp22.json</c> (yearly SKP, named by PNS ID
/// only, resolved through the crosswalk <c>hr_pns_id</c> of the last pegawai load) and
/// <c>siasn-rw-kinerjaperiodik.json</c> (monthly/quarterly). Field names from the API (sources.md §2); expected rows
/// worked out by hand from the fixtures and the PermenPANRB 6/2022 matrix (domain.md).
/// </summary>
public sealed class SiasnApiKinerjaProfileTests
{
    private const string Skp22File = "siasn-rw-skp22_2026-11.jsonl";
    private const string PeriodikFile = "siasn-rw-kinerjaperiodik_198502142010012002.json";
    private const string PnsAhmad = "A8ACA73A2C1E3912E040640A040269BB";
    private const string PnsSiti = "A8ACA73A2C1F3912E040640A040269BB";
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "Sources", name);

    /// <summary>The test bed's masters, the pegawai file carrying the optional pns_id column (Budi has none).</summary>
    private static void WriteMastersWithPnsId(EtlTestBed bed)
    {
        bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv);
        bed.Write("pegawai_2026-01.csv", EtlTestBed.PegawaiHeader + ",pns_id" + $"""

            196711101992031001,Ahmad,L,1967-11-10,PNS,IV/a,administrator,Camat,KEC01,S2,2026-01-01,{PnsAhmad}
            198502142010012002,Siti,P,1985-02-14,PNS,III/c,fungsional,Dokter Ahli Muda,DINKES,S1,2026-01-01,{PnsSiti}
            200012312024211001,Budi,L,2000-12-31,PPPK,IX,fungsional,Perawat,DINKES,D3,2026-01-01,
            """);
    }

    private const string KinerjaSql = """
        SELECT id_penilaian, nip, periode, jenis_periode, hasil_kerja, perilaku_kerja, predikat, predikat_matriks, skor_predikat, nilai_skp, kode_unit
        FROM fact_kinerja ORDER BY id_penilaian
        """;

    [Fact]
    public void Skp22_resolves_the_pns_id_to_the_nip_and_unit_and_rejects_an_unknown_one_naming_file_line_and_column()
    {
        using var bed = new EtlTestBed();
        WriteMastersWithPnsId(bed);
        File.Copy(Fixture(Skp22File), Path.Combine(bed.Inbox, Skp22File));

        var file = bed.Run().Files.Single(f => f.File == Skp22File);

        Assert.Equal((EtlFileSummary.Loaded, "kinerja", 5L, 3L, 2L), (file.Status, file.Entity, file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal(
            new List<(long, string?, string)>
            {
                (3, "pnsDinilaiId", "PNS_ID_TIDAK_DIKENAL"),
                (4, "hasilKinerjaNilai", "KODE_TIDAK_DIKENAL"),  // 4 is no SIASN rating
            },
            bed.Rejects(Skp22File));
        Assert.Contains("8AE483A86F2B1E5C016F2F3C0A1BFFFF", bed.Scalar<string>($"SELECT message FROM etl_reject WHERE file_name = '{Skp22File}' AND line_number = 3"));
        // Ratings 1/2/3 → di_atas/sesuai/di_bawah; tahun → YYYY; the unit is the employee's (history from 2026-01-01:
        // the first unit known); no nilai_skp in SKP 2022. Line 2: SIASN stored BAIK where the matrix says
        // Kurang/Misconduct (sesuai × di_bawah): kept with the source's predikat and warned (default KeepAndWarn).
        Assert.Equal(
            [
                ["ff80818188a1b2c30188a1d4e5f70001", EtlTestBed.NipAhmad, "2025", "tahunan", "di_atas", "sesuai", "Baik", "Baik", (sbyte)4, null, "KEC01"],
                ["ff80818188a1b2c30188a1d4e5f70002", EtlTestBed.NipAhmad, "2024", "tahunan", "sesuai", "di_bawah", "Baik", "Kurang/Misconduct", (sbyte)4, null, "KEC01"],
                ["ff80818188a1b2c30188a1d4e5f70005", EtlTestBed.NipSiti, "2025", "tahunan", "sesuai", "sesuai", "Baik", "Baik", (sbyte)4, null, "DINKES"],
            ],
            bed.Rows(KinerjaSql.Replace("FROM fact_kinerja", "FROM fact_kinerja WHERE id_penilaian NOT IN ('K1', 'K2')")));
        Assert.Equal([(2L, "PREDIKAT_TIDAK_SESUAI")],
            bed.Rows($"SELECT line_number, reason_code FROM etl_row_warning WHERE file_name = '{Skp22File}'").Select(r => ((long)r[0]!, (string)r[1]!)).ToList());
    }

    [Fact]
    public void Skp22_unit_follows_the_employees_history_at_the_end_of_the_year()
    {
        using var bed = new EtlTestBed();
        WriteMastersWithPnsId(bed);
        // Ahmad moves to DINKES on 2026-07-01 (SCD2 from mutasi): his 2026 SKP belongs to DINKES; 2025 is before his
        // first snapshot (2026-01-01), so it takes the first unit the warehouse knows, KEC01.
        bed.Write("mutasi_2026-07.csv", EtlTestBed.MutasiHeader + """

            M9,196711101992031001,mutasi,2026-07-01,KEC01,DINKES,,Sekretaris Dinas,
            """);
        bed.Write("siasn-rw-skp22_196711101992031001.json", $$"""
            [
              { "id": "skp-2025", "tahun": 2025, "hasilKinerjaNilai": 2, "PerilakuKerjaNilai": 2, "pnsDinilaiId": "{{PnsAhmad}}" },
              { "id": "skp-2026", "tahun": 2026, "hasilKinerjaNilai": 2, "PerilakuKerjaNilai": 2, "pnsDinilaiId": "{{PnsAhmad}}" }
            ]
            """);
        bed.Run();

        Assert.Equal(
            [["skp-2025", "KEC01"], ["skp-2026", "DINKES"]],
            bed.Rows("SELECT id_penilaian, kode_unit FROM fact_kinerja WHERE id_penilaian LIKE 'skp-%' ORDER BY id_penilaian"));
    }

    [Fact]
    public async Task The_crosswalk_comes_from_the_siasn_export_and_a_later_load_replaces_it()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture("siasn-pegawai_2026-11-20.csv"), Path.Combine(bed.Inbox, "siasn-pegawai_2026-11-20.csv"));
        await new EtlRunner(bed.Database, bed.Time, profiles: OperatorUnorProfiles(bed, "siasn-pegawai.json", "\"jenis_kelamin\": { \"M\": \"L\"")).RunAsync(new EtlRequest(bed.Inbox));

        // The nine valid rows of the export (sources.md §1 PNS ID column); rejected rows leave no crosswalk entry.
        var rows = bed.Rows("SELECT pns_id, nip FROM hr_pns_id ORDER BY nip");
        Assert.Equal(9, rows.Count);
        Assert.Contains(["A8ACA7402C1E3912E040640A040269BB", "196805121994031002"], rows);
        Assert.DoesNotContain(rows, r => (string)r[1]! == "198306092008012011"); // line 12, rejected

        // A later pegawai load with a new PNS ID for the same NIP replaces the old entry.
        bed.Write("pegawai_2026-12.csv", EtlTestBed.PegawaiHeader + ",pns_id" + """

            196805121994031002,Hendra Saputra,L,1968-05-12,PNS,IV/d,jpt,Kepala Dinas Kesehatan,DINKES,S2,2026-12-01,B0000000000000000000000000000001
            """);
        bed.Run();
        Assert.Equal(["B0000000000000000000000000000001"], bed.Rows("SELECT pns_id FROM hr_pns_id WHERE nip = '196805121994031002'").Select(r => r[0]));
    }

    /// <summary>The operator's copy of a shipped profile with the fixture's UNOR ids mapped to the test bed's units.</summary>
    private static SourceProfiles OperatorUnorProfiles(EtlTestBed bed, string profile, string anchor)
    {
        const string unorMap = """
            "kode_unit": { "8ae483a86f2b1e5c016f2f3c0a1b0001": "KEC01", "8ae483a86f2b1e5c016f2f3c0a1b0002": "KEL01", "8ae483a86f2b1e5c016f2f3c0a1b0003": "DINKES" },
            """;
        var dir = Directory.CreateDirectory(Path.Combine(bed.Inbox, "..", "profil-" + profile)).FullName;
        using var reader = new StreamReader(typeof(SourceProfiles).Assembly.GetManifestResourceStream($"profiles/{profile}")!);
        var json = reader.ReadToEnd();
        Assert.Contains(anchor, json);
        File.WriteAllText(Path.Combine(dir, profile), json.Replace(anchor, unorMap + anchor));
        return SourceProfiles.Load(dir);
    }

    private const string PeriodikAnchor = "\"hasil_kerja\": { \"1\": \"di_atas\"";

    [Fact]
    public async Task Kinerjaperiodik_composes_monthly_and_quarterly_periods_and_rejects_name_the_api_fields()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture(PeriodikFile), Path.Combine(bed.Inbox, PeriodikFile));

        var summary = await new EtlRunner(bed.Database, bed.Time, profiles: OperatorUnorProfiles(bed, "siasn-rw-kinerjaperiodik.json", PeriodikAnchor))
            .RunAsync(new EtlRequest(bed.Inbox));
        var file = summary.Files.Single(f => f.File == PeriodikFile);

        Assert.Equal((5L, 2L, 3L), (file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal(
            new List<(long, string?, string)>
            {
                (6, "periodikId + tahun + bulanMulaiPenilaian", "FORMAT_PERIODE"),  // a quarter starting in May
                (7, "unorId", "UNIT_TIDAK_DIKENAL"),
                (8, "perilakuKerjaNilai", "WAJIB_KOSONG"),                       // null
            },
            bed.Rejects(PeriodikFile));
        // periodikId 1, month 3 → 2026-03; periodikId 2, months 4–6 → 2026-Q2. No predikat is read (kuadranKinerjaNilai's
        // table is unpublished): the matrix gives it — di_atas × di_atas Sangat Baik, sesuai × di_bawah Kurang/Misconduct.
        Assert.Equal(
            [
                ["kp-7f3a0001", EtlTestBed.NipSiti, "2026-03", "bulanan", "di_atas", "di_atas", "Sangat Baik", "Sangat Baik", (sbyte)5, null, "DINKES"],
                ["kp-7f3a0002", EtlTestBed.NipSiti, "2026-Q2", "triwulanan", "sesuai", "di_bawah", "Kurang/Misconduct", "Kurang/Misconduct", (sbyte)2, null, "DINKES"],
            ],
            bed.Rows(KinerjaSql.Replace("FROM fact_kinerja", "FROM fact_kinerja WHERE id_penilaian LIKE 'kp-%'")));
    }

    /// <summary>Names and NIPs of people the rows describe besides the appraised employee (appraisers), and the employee's own name as SIASN writes it.</summary>
    private static readonly string[] PersonalValues =
    [
        "Drs. Bambang Wijaya Kusuma, M.Si", "196504121990031005", "Hj. Ratna Dewi Anggraini, S.E.", "197208151998032004",
        "dr. Yusuf Effendi Harahap, M.Kes", "197011021997031006", "A8ACA73A2C203912E040640A040269BB", "dr. Siti Nurhaliza Rahmawati, Sp.A",
    ];

    [Fact]
    public async Task Appraisers_and_names_in_the_kinerja_fixtures_reach_neither_the_warehouse_nor_the_log()
    {
        foreach (var value in PersonalValues)
            Assert.True(File.ReadAllText(Fixture(Skp22File)).Contains(value, StringComparison.Ordinal) || File.ReadAllText(Fixture(PeriodikFile)).Contains(value, StringComparison.Ordinal), value);
        var log = new ListLogger<EtlRunner>();
        using var bed = new EtlTestBed();
        WriteMastersWithPnsId(bed);
        File.Copy(Fixture(Skp22File), Path.Combine(bed.Inbox, Skp22File));
        File.Copy(Fixture(PeriodikFile), Path.Combine(bed.Inbox, PeriodikFile));
        var summary = await new EtlRunner(bed.Database, bed.Time, log, profiles: OperatorUnorProfiles(bed, "siasn-rw-kinerjaperiodik.json", PeriodikAnchor))
            .RunAsync(new EtlRequest(bed.Inbox));
        Assert.Equal(5L, summary.Files.Where(f => f.File.StartsWith("siasn-", StringComparison.Ordinal)).Sum(f => f.RowsRejected));

        var cells = new StringBuilder();
        foreach (var t in bed.Rows("SELECT table_name, column_name FROM information_schema.columns WHERE data_type = 'VARCHAR'"))
            foreach (var row in bed.Rows($"SELECT \"{t[1]}\" FROM \"{t[0]}\" WHERE \"{t[1]}\" IS NOT NULL"))
                cells.Append(row[0]).Append('\n');
        var text = cells.ToString();
        Assert.Contains("kp-7f3a0001", text);                          // the scan sees what was kept ...
        Assert.Contains("hasilKinerjaNilai=4", text);                  // ... including a rejected row's raw text
        foreach (var value in PersonalValues) Assert.DoesNotContain(value, text);
        Assert.NotEmpty(log.Lines);
        foreach (var value in PersonalValues)
            Assert.DoesNotContain(log.Lines, l => l.Contains(value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("siasn-rw-skp22.json", "\"table\": \"pns_id\"", "\"table\": \"pns\"", "crosswalk.nip.table", "pns_id, unit_pns_id")]
    [InlineData("siasn-rw-skp22.json", "\"from\": [ \"pnsDinilaiId\", \"tahun\" ]", "\"from\": [ \"pnsDinilaiId\" ]", "crosswalk.kode_unit.from", "2 kolom")]
    [InlineData("siasn-rw-kinerjaperiodik.json", "{tahun}-Q{bulanMulaiPenilaian:Q}", "{tahun}-Q{bulanMulai:Q}", "derive.periode.rules[1].template", "bulanMulai")]
    [InlineData("siasn-rw-kinerjaperiodik.json", "{tahun}-{bulanMulaiPenilaian:00}", "{tahun}-{bulanMulaiPenilaian:MM}", "derive.periode.rules[0].template", "'MM'")]
    public void A_wrong_copy_of_a_kinerja_profile_fails_naming_its_file_and_key(string profile, string find, string replace, string key, string detail)
    {
        using var reader = new StreamReader(typeof(SourceProfiles).Assembly.GetManifestResourceStream($"profiles/{profile}")!);
        var json = reader.ReadToEnd();
        Assert.Contains(find, json);
        using var dir = TempFolder.Create("profil");
        File.WriteAllText(Path.Combine(dir.Path, profile), json.Replace(find, replace));

        var ex = Assert.Throws<SourceProfileException>(() => SourceProfiles.Load(dir.Path));

        Assert.Equal((profile, key), (ex.File, ex.Key));
        Assert.Contains(detail, ex.Message);
    }
}
