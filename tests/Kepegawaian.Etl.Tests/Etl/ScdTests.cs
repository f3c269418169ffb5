namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>Spec §3.2: a change of unit, golongan or jabatan opens a new employee version (SCD type 2).</summary>
public sealed class ScdTests
{
    [Fact]
    public void A_unit_change_opens_a_version_a_name_change_updates_in_place_and_an_identical_snapshot_is_unchanged()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Run();

        bed.Write("pegawai_2026-03.csv", EtlTestBed.PegawaiHeader + """

            196711101992031001,Ahmad,L,1967-11-10,PNS,IV/a,administrator,Kepala Bidang,DINKES,S2,2026-03-01
            198502142010012002,Siti Aminah,P,1985-02-14,PNS,III/c,fungsional,Dokter Ahli Muda,DINKES,S1,2026-03-01
            200012312024211001,Budi,L,2000-12-31,PPPK,IX,fungsional,Perawat,DINKES,D3,2026-03-01
            """);
        var march = bed.Run().Files.Single();

        Assert.Equal((3L, 2L, 1L, 0L), (march.RowsRead, march.RowsLoaded, march.RowsUnchanged, march.RowsRejected));
        var ahmad = bed.Rows($"SELECT kode_unit, nama_jabatan, valid_from, valid_to, is_current FROM dim_employee WHERE nip = '{EtlTestBed.NipAhmad}' ORDER BY valid_from");
        Assert.Equal(2, ahmad.Count);
        Assert.Equal(new object?[] { "KEC01", "Camat", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), false }, ahmad[0]);
        Assert.Equal(new object?[] { "DINKES", "Kepala Bidang", new DateOnly(2026, 3, 1), new DateOnly(9999, 12, 31), true }, ahmad[1]);
        // Half-open validity: on 2026-02-28 the old unit, on 2026-03-01 the new one.
        Assert.Equal("KEC01", bed.Scalar<string>($"SELECT kode_unit FROM dim_employee WHERE nip = '{EtlTestBed.NipAhmad}' AND DATE '2026-02-28' >= valid_from AND DATE '2026-02-28' < valid_to"));
        Assert.Equal("DINKES", bed.Scalar<string>($"SELECT kode_unit FROM dim_employee WHERE nip = '{EtlTestBed.NipAhmad}' AND DATE '2026-03-01' >= valid_from AND DATE '2026-03-01' < valid_to"));
        // A non-tracked change (nama) updates the current version; no new version.
        Assert.Equal(new object?[] { "Siti Aminah", new DateOnly(2026, 1, 1) }, Assert.Single(bed.Rows($"SELECT nama, valid_from FROM dim_employee WHERE nip = '{EtlTestBed.NipSiti}'")));

        bed.Write("pegawai_2026-04.csv", File.ReadAllText(Path.Combine(bed.Inbox, "processed", "pegawai_2026-03.csv")).Replace("2026-03-01", "2026-04-01"));
        var april = bed.Run().Files.Single();

        Assert.Equal((3L, 0L, 3L), (april.RowsRead, april.RowsLoaded, april.RowsUnchanged));
        Assert.Equal(4, bed.Scalar<long>("SELECT count(*) FROM dim_employee"));
        Assert.Equal(3, bed.Scalar<long>("SELECT count(*) FROM dim_employee WHERE is_current"));
    }

    [Fact]
    public void Tmt_cpns_comes_from_the_NIP_and_missing_sex_and_birth_date_are_taken_from_it()
    {
        using var bed = new EtlTestBed();
        bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv);
        bed.Write("pegawai_2026.csv", EtlTestBed.PegawaiHeader + "\n196711101992031001,Ahmad,,,PNS,IV/a,administrator,Camat,KEC01,,2026-01-01");

        bed.Run();

        Assert.Equal(new object?[] { "L", new DateOnly(1967, 11, 10), new DateOnly(1992, 3, 1), null },
            Assert.Single(bed.Rows("SELECT jenis_kelamin, tanggal_lahir, tmt_cpns, pendidikan FROM dim_employee")));
    }
}
