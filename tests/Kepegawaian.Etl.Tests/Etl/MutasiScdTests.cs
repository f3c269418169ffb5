namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>
/// Spec §3.2: a mutasi, promosi or kenaikan_pangkat splits the employee version valid on tanggal_efektif;
/// pensiun/berhenti close the current version; history before the first snapshot is skipped.
/// </summary>
public sealed class MutasiScdTests
{
    private static readonly DateOnly Open = new(9999, 12, 31);

    private static string Snapshot(string date, string ahmadUnitJabatan = "Camat,KEC01") => EtlTestBed.PegawaiHeader + $"""

        196711101992031001,Ahmad,L,1967-11-10,PNS,IV/a,administrator,{ahmadUnitJabatan},S2,{date}
        198502142010012002,Siti,P,1985-02-14,PNS,III/c,fungsional,Dokter Ahli Muda,DINKES,S1,{date}
        200012312024211001,Budi,L,2000-12-31,PPPK,IX,fungsional,Perawat,DINKES,D3,{date}
        """;

    private const string MoveAhmad = EtlTestBed.MutasiHeader + """

        M1,196711101992031001,mutasi,2025-03-01,KEC01,DINKES,,Kepala Bidang,800/1/BKPSDM/2025
        """;

    private static EtlTestBed StartedIn2025()
    {
        var bed = new EtlTestBed();
        bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv);
        bed.Write("pegawai_2025-01.csv", Snapshot("2025-01-01"));
        bed.Run();
        return bed;
    }

    private static List<object?[]> Versions(EtlTestBed bed, string nip) =>
        bed.Rows($"SELECT kode_unit, golongan, nama_jabatan, valid_from, valid_to, is_current, source FROM dim_employee WHERE nip = '{nip}' ORDER BY valid_from");

    [Fact]
    public void A_mutasi_splits_the_version_at_its_date_and_facts_join_to_the_unit_of_their_date()
    {
        using var bed = StartedIn2025();
        bed.Write("mutasi_2025.csv", MoveAhmad);
        var file = bed.Run().Files.Single();

        Assert.Equal((1L, 1L, 0L, 0L), (file.RowsRead, file.RowsLoaded, file.RowsUnchanged, file.RowsRejected));
        var ahmad = Versions(bed, EtlTestBed.NipAhmad);
        Assert.Equal(2, ahmad.Count);
        Assert.Equal(new object?[] { "KEC01", "IV/a", "Camat", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1), false, "pegawai" }, ahmad[0]);
        Assert.Equal(new object?[] { "DINKES", "IV/a", "Kepala Bidang", new DateOnly(2025, 3, 1), Open, true, "mutasi" }, ahmad[1]);
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM dim_employee WHERE nip <> '196711101992031001'"));

        bed.Write("kinerja_2025.csv", EtlTestBed.KinerjaHeader + """

            K1,196711101992031001,2025-02,sesuai,sesuai,,,KEC01
            K2,196711101992031001,2025-04,sesuai,sesuai,,,DINKES
            """);
        bed.Run();
        // The join the marts use: the version valid at the end of the appraisal period.
        var joined = bed.Rows("""
            SELECT k.id_penilaian, e.kode_unit, e.nama_jabatan FROM fact_kinerja k
            JOIN dim_employee e ON e.nip = k.nip AND k.periode_selesai >= e.valid_from AND k.periode_selesai < e.valid_to
            ORDER BY k.id_penilaian
            """);
        Assert.Equal([["K1", "KEC01", "Camat"], ["K2", "DINKES", "Kepala Bidang"]], joined);
    }

    [Fact]
    public void A_later_snapshot_showing_the_same_state_and_reloading_the_mutasi_change_nothing()
    {
        using var bed = StartedIn2025();
        bed.Write("mutasi_2025.csv", MoveAhmad);
        bed.Run();
        var before = Versions(bed, EtlTestBed.NipAhmad);

        bed.Write("pegawai_2025-05.csv", Snapshot("2025-05-01", "Kepala Bidang,DINKES"));
        var snapshot = bed.Run().Files.Single();
        Assert.Equal((3L, 0L, 3L, 0L), (snapshot.RowsRead, snapshot.RowsLoaded, snapshot.RowsUnchanged, snapshot.RowsRejected));

        bed.Write("mutasi_2025.csv", MoveAhmad);
        Assert.Equal("duplicate", bed.Run().Files.Single().Status);

        // Same row, different bytes (columns reordered): read again, counted unchanged, no new version.
        bed.Write("mutasi_2025_lagi.csv", """
            nip,id_mutasi,jenis_mutasi,tanggal_efektif,kode_unit_asal,kode_unit_tujuan,golongan_baru,jabatan_baru,nomor_sk
            196711101992031001,M1,mutasi,2025-03-01,KEC01,DINKES,,Kepala Bidang,800/1/BKPSDM/2025
            """);
        var again = bed.Run().Files.Single();
        Assert.Equal((1L, 0L, 1L, 0L), (again.RowsRead, again.RowsLoaded, again.RowsUnchanged, again.RowsRejected));

        Assert.Equal(before, Versions(bed, EtlTestBed.NipAhmad));
        Assert.Equal(4, bed.Scalar<long>("SELECT count(*) FROM dim_employee"));
    }

    [Fact]
    public void Kenaikan_pangkat_changes_golongan_only_and_pensiun_closes_the_current_version()
    {
        using var bed = StartedIn2025();
        bed.Write("mutasi_2025.csv", EtlTestBed.MutasiHeader + """

            M1,198502142010012002,kenaikan_pangkat,2025-04-01,DINKES,DINKES,III/d,,
            M2,196711101992031001,pensiun,2025-12-01,KEC01,,,,
            """);
        var file = bed.Run().Files.Single();

        Assert.Equal((2L, 2L, 0L, 0L), (file.RowsRead, file.RowsLoaded, file.RowsUnchanged, file.RowsRejected));
        var siti = Versions(bed, EtlTestBed.NipSiti);
        Assert.Equal(2, siti.Count);
        Assert.Equal(new object?[] { "DINKES", "III/c", "Dokter Ahli Muda", new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 1), false, "pegawai" }, siti[0]);
        Assert.Equal(new object?[] { "DINKES", "III/d", "Dokter Ahli Muda", new DateOnly(2025, 4, 1), Open, true, "mutasi" }, siti[1]);

        var ahmad = Assert.Single(Versions(bed, EtlTestBed.NipAhmad));
        Assert.Equal(new object?[] { "KEC01", "IV/a", "Camat", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 1), false, "pegawai" }, ahmad);
        Assert.Equal(0, bed.Scalar<long>($"SELECT count(*) FROM dim_employee WHERE nip = '{EtlTestBed.NipAhmad}' AND is_current"));
    }

    [Fact]
    public void A_mutasi_older_than_the_first_snapshot_is_loaded_as_a_fact_but_opens_no_version()
    {
        using var bed = StartedIn2025();
        bed.Write("mutasi_2024.csv", EtlTestBed.MutasiHeader + """

            M0,196711101992031001,mutasi,2024-06-01,DINKES,KEC01,,Camat,
            """);
        var file = bed.Run().Files.Single();

        Assert.Equal((1L, 1L, 0L, 0L), (file.RowsRead, file.RowsLoaded, file.RowsUnchanged, file.RowsRejected));
        Assert.Empty(bed.Rejects("mutasi_2024.csv"));
        Assert.Equal(1, bed.Scalar<long>("SELECT count(*) FROM fact_mutasi"));
        Assert.Equal(new object?[] { "KEC01", "IV/a", "Camat", new DateOnly(2025, 1, 1), Open, true, "pegawai" }, Assert.Single(Versions(bed, EtlTestBed.NipAhmad)));
    }

    [Fact]
    public void A_mutasi_between_two_snapshots_splits_the_older_version_and_leaves_the_later_one()
    {
        using var bed = StartedIn2025();
        bed.Write("pegawai_2025-06.csv", Snapshot("2025-06-01", "Kepala Bidang,DINKES"));
        bed.Run();
        bed.Write("mutasi_2025.csv", MoveAhmad);
        bed.Run();

        var ahmad = Versions(bed, EtlTestBed.NipAhmad);
        Assert.Equal(3, ahmad.Count);
        Assert.Equal(new object?[] { "KEC01", "IV/a", "Camat", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1), false, "pegawai" }, ahmad[0]);
        Assert.Equal(new object?[] { "DINKES", "IV/a", "Kepala Bidang", new DateOnly(2025, 3, 1), new DateOnly(2025, 6, 1), false, "mutasi" }, ahmad[1]);
        Assert.Equal(new object?[] { "DINKES", "IV/a", "Kepala Bidang", new DateOnly(2025, 6, 1), Open, true, "pegawai" }, ahmad[2]);
    }
    [Fact]
    public void Several_changes_in_one_file_apply_in_date_order_and_same_day_changes_share_one_version()
    {
        using var bed = StartedIn2025();
        bed.Write("mutasi_2025.csv", EtlTestBed.MutasiHeader + """

            M3,196711101992031001,promosi,2025-08-01,DINKES,DINKES,,Sekretaris Dinas,
            M1,196711101992031001,mutasi,2025-03-01,KEC01,DINKES,,,
            M2,196711101992031001,kenaikan_pangkat,2025-03-01,DINKES,DINKES,IV/b,,
            """);
        bed.Run();

        var ahmad = Versions(bed, EtlTestBed.NipAhmad);
        Assert.Equal(3, ahmad.Count);
        Assert.Equal(new object?[] { "KEC01", "IV/a", "Camat", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1), false, "pegawai" }, ahmad[0]);
        Assert.Equal(new object?[] { "DINKES", "IV/b", "Camat", new DateOnly(2025, 3, 1), new DateOnly(2025, 8, 1), false, "mutasi" }, ahmad[1]);
        Assert.Equal(new object?[] { "DINKES", "IV/b", "Sekretaris Dinas", new DateOnly(2025, 8, 1), Open, true, "mutasi" }, ahmad[2]);
    }
}
