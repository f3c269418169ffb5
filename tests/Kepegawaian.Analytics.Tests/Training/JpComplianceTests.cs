using Kepegawaian.Analytics.Training;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Training;

public sealed class JpComplianceTests
{
    private const string A = "198501012010011001", B = "198501012010011002", C = "198501012010011003", D = "198501012010011004";

    private static TempWarehouse Seeded()
    {
        var wh = new TempWarehouse();
        using var c = wh.Open();
        new WarehouseSeed().Unit("U1", "Satu").Unit("U2", "Dua")
            .Employee(A, "U1", "III/a", nama: "Ani").Employee(B, "U1", "III/b", nama: "Budi").Employee(C, "U1", "III/a", nama: "Cici")
            .Employee(D, "U2", "IV/a", "administrator", nama: "Dedi")
            .Diklat(A, "T1", "teknis", new(2025, 3, 1), new(2025, 3, 3), 12)
            .Diklat(A, "E1", "e_learning", new(2024, 12, 20), new(2025, 1, 5), 8)         // counts in 2025 (year of tanggal_selesai)
            .Diklat(B, "T1", "teknis", new(2025, 5, 1), new(2025, 5, 3), 19)
            .Diklat(B, "T2", "teknis", new(2025, 6, 1), new(2025, 6, 3), 10, "tidak_lulus")  // not lulus: not counted
            .Diklat(B, "M1", "manajerial", new(2024, 2, 1), new(2024, 4, 1), 25)
            .Diklat(D, "F1", "fungsional", new(2025, 8, 1), new(2025, 8, 10), 30)
            .WriteTo(c);
        DiklatMarts.Refresh(c);
        return wh;
    }

    [Fact]
    public void Twenty_lulus_jp_in_the_completion_year_complies_and_nineteen_does_not()
    {
        using var wh = Seeded();
        using var c = wh.Open();
        Assert.Equal(20, c.Scalar<int>($"SELECT jp FROM mart_jp_pegawai WHERE nip = '{A}' AND tahun = 2025"));
        Assert.True(c.Scalar<bool>($"SELECT patuh FROM mart_jp_pegawai WHERE nip = '{A}' AND tahun = 2025"));
        Assert.Equal(19, c.Scalar<int>($"SELECT jp FROM mart_jp_pegawai WHERE nip = '{B}' AND tahun = 2025"));
        Assert.False(c.Scalar<bool>($"SELECT patuh FROM mart_jp_pegawai WHERE nip = '{B}' AND tahun = 2025"));
        Assert.Equal(0, c.Scalar<int>($"SELECT jp FROM mart_jp_pegawai WHERE nip = '{C}' AND tahun = 2025"));
        Assert.Equal(0, c.Scalar<int>($"SELECT kekurangan_jp FROM mart_jp_pegawai WHERE nip = '{A}' AND tahun = 2025"));   // 20 JP: none missing
        Assert.Equal(1, c.Scalar<int>($"SELECT kekurangan_jp FROM mart_jp_pegawai WHERE nip = '{B}' AND tahun = 2025"));   // 19 JP
        Assert.Equal(20, c.Scalar<int>($"SELECT kekurangan_jp FROM mart_jp_pegawai WHERE nip = '{C}' AND tahun = 2025"));  // no training
        Assert.True(c.Scalar<bool>($"SELECT patuh FROM mart_jp_pegawai WHERE nip = '{B}' AND tahun = 2024"));
    }

    [Fact]
    public void Unit_share_and_coverage_by_golongan_match_hand_counts()
    {
        using var wh = Seeded();
        using var c = wh.Open();
        // 2025, U1: Ani complies, Budi and Cici do not → 1/3; U2: Dedi complies → 1/1.
        Assert.Equal(3L, c.Scalar<long>("SELECT pegawai FROM mart_jp_unit WHERE kode_unit = 'U1' AND tahun = 2025"));
        Assert.Equal(1.0 / 3, c.Scalar<double>("SELECT share_patuh FROM mart_jp_unit WHERE kode_unit = 'U1' AND tahun = 2025"), 12);
        Assert.Equal(1.0, c.Scalar<double>("SELECT share_patuh FROM mart_jp_unit WHERE kode_unit = 'U2' AND tahun = 2025"), 12);
        // 2025 golongan III/a: Ani (yes) and Cici (no) → 0.5.
        Assert.Equal(0.5, c.Scalar<double>("SELECT share_patuh FROM mart_jp_cakupan WHERE tahun = 2025 AND dimensi = 'golongan' AND kategori = 'III/a'"), 12);
        Assert.Equal(2L, c.Scalar<long>("SELECT count(*) FROM mart_jp_pegawai WHERE tahun = 2025 AND NOT patuh AND kode_unit = 'U1'"));
    }
}
