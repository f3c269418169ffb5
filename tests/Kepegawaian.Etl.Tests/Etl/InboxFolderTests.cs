using System.Security.Cryptography;
using System.Text;

namespace Kepegawaian.Etl.Tests.Etl;

/// <summary>Spec §3, §3.8: processed/ and failed/ folders, unreadable files, files naming no entity, warnings.</summary>
public sealed class InboxFolderTests
{
    [Fact]
    public void A_loaded_file_moves_to_processed_byte_for_byte_unchanged()
    {
        using var bed = new EtlTestBed();
        var path = bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv);
        var before = SHA256.HashData(File.ReadAllBytes(path));

        bed.Run();

        Assert.False(File.Exists(path));
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(Path.Combine(bed.Inbox, "processed", "unit_kerja_2026.csv"))));
        Assert.Equal(Convert.ToHexStringLower(before), bed.Scalar<string>("SELECT content_hash FROM etl_file"));
    }

    [Fact]
    public void Binary_garbage_goes_to_failed_with_an_error_file_and_loads_nothing()
    {
        using var bed = new EtlTestBed();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(bed.Inbox, "pegawai_rusak.csv"), bytes);

        var summary = bed.Run();

        var file = summary.Files.Single();
        Assert.Equal("failed", file.Status);
        Assert.Equal("failed", summary.Status);
        Assert.True(summary.NeedsOperator);
        Assert.True(File.Exists(Path.Combine(bed.Inbox, "failed", "pegawai_rusak.csv")));
        Assert.Contains("tidak dapat dimuat", File.ReadAllText(Path.Combine(bed.Inbox, "failed", "pegawai_rusak.csv.error.txt")));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM dim_employee"));
        Assert.Equal("failed", bed.Scalar<string>("SELECT status FROM etl_file"));
    }

    [Fact]
    public void A_Latin1_file_is_not_valid_UTF8_and_fails_as_a_whole()
    {
        using var bed = new EtlTestBed();
        File.WriteAllBytes(Path.Combine(bed.Inbox, "unit_kerja_latin1.csv"),
            Encoding.Latin1.GetBytes("kode_unit,nama_unit,jenis_unit\nU1,Dinas Pariwisata é Budaya,dinas\n"));

        var file = bed.Run().Files.Single();

        Assert.Equal("failed", file.Status);
        Assert.Contains("UTF-8", file.Message);
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM dim_unit"));
    }

    [Fact]
    public void A_missing_required_column_fails_the_file_with_a_message_naming_the_column()
    {
        using var bed = new EtlTestBed();
        bed.WriteMasters();
        bed.Write("kinerja_2026.csv", "id_penilaian,nip,periode,hasil_kerja,predikat,nilai_skp,kode_unit\nK1,196711101992031001,2026-Q1,di_atas,,,KEC01");

        var file = bed.Run().Files.Single(f => f.Entity == "kinerja");

        Assert.Equal(("failed", 0L, 0L), (file.Status, file.RowsRead, file.RowsLoaded));
        Assert.Contains("perilaku_kerja", file.Message);
        Assert.Contains("perilaku_kerja", File.ReadAllText(Path.Combine(bed.Inbox, "failed", "kinerja_2026.csv.error.txt")));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM fact_kinerja"));
        Assert.Equal(0, bed.Scalar<long>("SELECT count(*) FROM etl_reject"));
    }

    [Fact]
    public void A_file_naming_no_entity_stays_in_the_inbox_with_a_warning()
    {
        using var bed = new EtlTestBed();
        bed.Write("laporan_2026.csv", "a,b\n1,2");
        bed.Write("unitkerja_2026.csv", EtlTestBed.UnitCsv); // no separator after the entity name

        var summary = bed.Run();

        Assert.All(summary.Files, f => Assert.Equal(("ignored", (string?)null), (f.Status, f.Entity)));
        Assert.False(summary.NeedsOperator);
        Assert.True(File.Exists(Path.Combine(bed.Inbox, "laporan_2026.csv")));
        Assert.True(File.Exists(Path.Combine(bed.Inbox, "unitkerja_2026.csv")));
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM etl_warning"));

        // Still reported by the next scan, but not recorded again.
        Assert.Equal(2, bed.Run().Files.Count(f => f.Status == "ignored"));
        Assert.Equal(2, bed.Scalar<long>("SELECT count(*) FROM etl_warning"));
    }

    [Fact]
    public void Unknown_columns_are_ignored_with_a_warning()
    {
        using var bed = new EtlTestBed();
        bed.Write("unit_kerja_2026.csv", "kode_unit,nama_unit,jenis_unit,keterangan\nU1,Dinas Pariwisata,dinas,catatan");

        var file = bed.Run().Files.Single();

        Assert.Equal(("loaded", 1L), (file.Status, file.RowsLoaded));
        Assert.Contains("keterangan", bed.Scalar<string>("SELECT message FROM etl_warning"));
    }

    [Fact]
    public void A_second_file_with_the_same_name_is_kept_beside_the_first_in_processed()
    {
        using var bed = new EtlTestBed();
        bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv);
        bed.Run();
        bed.Write("unit_kerja_2026.csv", EtlTestBed.UnitCsv.Replace("Dinas Kesehatan", "Dinas Kesehatan Kota"));

        var file = bed.Run().Files.Single();

        Assert.Equal(("loaded", 1L, 2L), (file.Status, file.RowsLoaded, file.RowsUnchanged));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(bed.Inbox, "processed")).Length);
        Assert.Equal("Dinas Kesehatan Kota", bed.Scalar<string>("SELECT nama_unit FROM dim_unit WHERE kode_unit = 'DINKES'"));
    }
}
