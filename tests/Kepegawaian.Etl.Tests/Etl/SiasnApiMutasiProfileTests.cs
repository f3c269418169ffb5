namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Issue 13 item 2, SIASN API histories → <c>mutasi</c>: <c>siasn-rw-golongan.json</c>. The fixture uses the API's
/// field names (sources.md §2, laravel-siasn-simpeg migration siasn_simpeg_pns_rw_golongan); expected rows by hand.
/// </summary>
public sealed class SiasnApiMutasiProfileTests
{
    private const string GolonganFile = "siasn-rw-golongan_196711101992031001.json";
    private static string Fixture => Path.Combine(AppContext.BaseDirectory, "Data", "Sources", GolonganFile);

    private const string MutasiSql = "SELECT * EXCLUDE (etl_file_id) FROM fact_mutasi ORDER BY id_mutasi";
    private const string EmployeeSql = "SELECT * EXCLUDE (employee_sk, etl_file_id) FROM dim_employee ORDER BY nip, valid_from";

    [Fact]
    public void Rw_golongan_loads_rank_changes_in_the_employees_unit_and_rejects_name_the_api_fields()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        File.Copy(Fixture, Path.Combine(bed.Inbox, GolonganFile));

        var file = bed.Run().Files.Single(f => f.File == GolonganFile);

        Assert.Equal((EtlFileSummary.Loaded, "mutasi", 5L, 3L, 2L), (file.Status, file.Entity, file.RowsRead, file.RowsLoaded, file.RowsRejected));
        Assert.Equal(
            new List<(long, string?, string)>
            {
                (5, "tmtGolongan", "FORMAT_TANGGAL"),   // 31-04-2016
                (6, "nipBaru", "NIP_TIDAK_DIKENAL"),
            },
            bed.Rejects(GolonganFile));
        // Golongan ids 31/41/42 → III/a, IV/a, IV/b; the CPNS entry is the appointment; Ahmad's unit is KEC01 throughout
        // (his history starts 2026-01-01: earlier dates take the first unit known).
        Assert.Equal(
            [
                ["gol-c3d4e5f60001", EtlTestBed.NipAhmad, "pengangkatan", new DateOnly(1992, 3, 1), "KEC01", "KEC01", "III/a", null, "813.2/0412/BKD/1992"],
                ["gol-c3d4e5f60002", EtlTestBed.NipAhmad, "kenaikan_pangkat", new DateOnly(2020, 4, 1), "KEC01", "KEC01", "IV/a", null, "823.4/0233/BKPSDM/2020"],
                ["gol-c3d4e5f60003", EtlTestBed.NipAhmad, "kenaikan_pangkat", new DateOnly(2026, 4, 1), "KEC01", "KEC01", "IV/b", null, "823.4/0117/BKPSDM/2026"],
            ],
            bed.Rows("SELECT id_mutasi, nip, jenis_mutasi, tanggal_efektif, kode_unit_asal, kode_unit_tujuan, golongan_baru, jabatan_baru, nomor_sk FROM fact_mutasi ORDER BY id_mutasi"));
        // The 2026 rank change opens a new version of the employee (SCD2 from mutasi), as a contract mutasi row does.
        Assert.Equal(
            [["IV/a", new DateOnly(2026, 1, 1)], ["IV/b", new DateOnly(2026, 4, 1)]],
            bed.Rows($"SELECT golongan, valid_from FROM dim_employee WHERE nip = '{EtlTestBed.NipAhmad}' ORDER BY valid_from"));
    }

    [Fact]
    public void Rw_golongan_lands_the_same_facts_and_history_as_the_contract_shaped_rows()
    {
        using var viaProfile = new EtlTestBed();
        viaProfile.WriteMasters();
        File.Copy(Fixture, Path.Combine(viaProfile.Inbox, GolonganFile));
        viaProfile.Run();

        using var viaContract = new EtlTestBed();
        viaContract.WriteMasters();
        viaContract.Write("mutasi_siasn.csv", EtlTestBed.MutasiHeader + """

            gol-c3d4e5f60001,196711101992031001,pengangkatan,1992-03-01,KEC01,KEC01,III/a,,813.2/0412/BKD/1992
            gol-c3d4e5f60002,196711101992031001,kenaikan_pangkat,2020-04-01,KEC01,KEC01,IV/a,,823.4/0233/BKPSDM/2020
            gol-c3d4e5f60003,196711101992031001,kenaikan_pangkat,2026-04-01,KEC01,KEC01,IV/b,,823.4/0117/BKPSDM/2026
            """);
        viaContract.Run();

        Assert.Equal(3, viaContract.Rows(MutasiSql).Count);
        Assert.Equal(viaContract.Rows(MutasiSql), viaProfile.Rows(MutasiSql));
        Assert.Equal(viaContract.Rows(EmployeeSql), viaProfile.Rows(EmployeeSql));
    }
}
