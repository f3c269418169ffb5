using Kepegawaian.Analytics.Training;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Training;

public sealed class KirkpatrickTests
{
    private static readonly TrainingGroup Teknis = new("teknis", TrainingGroup.Jenis);

    private static TrainingRecord Record(string nip, double reaksi, double pre, double post, string status = "lulus") =>
        new(nip, "T1", "teknis", new(2025, 1, 6), new(2025, 1, 10), 20, status, reaksi, pre, post);

    [Fact]
    public void Reaction_and_test_gain_match_a_hand_calculation()
    {
        var data = new TrainingData(new Dictionary<string, QuarterSeries>(),
            [Record("1", 4, 60, 70), Record("2", 5, 50, 65), Record("3", 3, 70, 75), Record("4", 1, 0, 100, "tidak_lulus")], "nilai_skp");
        var (reaksi, n) = Kirkpatrick.Reaction(data, Teknis);
        Assert.Equal(4.0, reaksi!.Value, 12);   // (4 + 5 + 3) / 3; the tidak_lulus record is left out
        Assert.Equal(3, n);
        // Gains 10, 15, 5: mean 10, sd 5, se 5/√3 = 2.886751; t(0.975, 2) = 4.302653.
        var gain = Kirkpatrick.TestGain(data, Teknis)!;
        Assert.Equal(10.0, gain.Value, 12);
        Assert.Equal(10 - 4.302653 * 2.886751, gain.CiLow, 4);
        Assert.Equal(10 + 4.302653 * 2.886751, gain.CiHigh, 4);
    }

    [Fact]
    public void Ikm_change_of_largely_trained_units_is_measured_against_the_other_units()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        var seed = new WarehouseSeed().Unit("U1", "Satu").Unit("U2", "Dua").Unit("U3", "Tiga")
            .Employee("198501012010011001", "U1").Employee("198501012010011002", "U1")
            .Employee("198501012010011003", "U2").Employee("198501012010011004", "U3")
            .Diklat("198501012010011001", "T1", "teknis", new(2024, 3, 1), new(2024, 3, 5), 20)
            .Diklat("198501012010011002", "T1", "teknis", new(2024, 5, 1), new(2024, 5, 5), 20);
        // IKM = mean answer / 4 × 100 when all nine elements get the same answer: 3 → 75, 4 → 100, 2 → 50.
        seed.Skm("U1", new(2023, 6, 1), 3).Skm("U1", new(2025, 6, 1), 4)      // +25, all staff trained in 2024
            .Skm("U2", new(2023, 6, 1), 3).Skm("U2", new(2025, 6, 1), 3)      //  0
            .Skm("U3", new(2023, 6, 1), 2).Skm("U3", new(2025, 6, 1), 3);     // +25
        seed.WriteTo(c);
        DiklatMarts.Refresh(c);
        // 25 − mean(0, 25) = 12.5 over one unit-year.
        Assert.Equal(12.5, c.Scalar<double>("SELECT ikm_change FROM mart_diklat_dampak WHERE kelompok = 'teknis' AND jenis_kelompok = 'jenis'"), 9);
        Assert.Equal(1, c.Scalar<int>("SELECT ikm_n_unit FROM mart_diklat_dampak WHERE kelompok = 'teknis' AND jenis_kelompok = 'jenis'"));

        // A late survey answer of U2 in 2025, all 1: U2's 2025 IKM = mean answer 2 → 50, its change −25; baseline
        // mean(−25, 25) = 0, so level 4 = 25 − 0 = 25. The diklat_ikm area rewrites it without re-estimating impact.
        c.Execute("INSERT INTO fact_skm SELECT * REPLACE ('S-BARU' AS id_responden, 1 AS u1, 1 AS u2, 1 AS u3, 1 AS u4, 1 AS u5, 1 AS u6, 1 AS u7, 1 AS u8, 1 AS u9) " +
                  "FROM fact_skm WHERE kode_unit = 'U2' AND year(tanggal_survei) = 2025");
        var status = c.Scalar<string>("SELECT status FROM mart_diklat_dampak WHERE kelompok = 'teknis' AND jenis_kelompok = 'jenis'");
        DiklatIkmMarts.Refresh(c);
        Assert.Equal(25.0, c.Scalar<double>("SELECT ikm_change FROM mart_diklat_dampak WHERE kelompok = 'teknis' AND jenis_kelompok = 'jenis'"), 9);
        Assert.Equal(1, c.Scalar<int>("SELECT ikm_n_unit FROM mart_diklat_dampak WHERE kelompok = 'teknis' AND jenis_kelompok = 'jenis'"));
        Assert.Equal(status, c.Scalar<string>("SELECT status FROM mart_diklat_dampak WHERE kelompok = 'teknis' AND jenis_kelompok = 'jenis'"));
    }
}
