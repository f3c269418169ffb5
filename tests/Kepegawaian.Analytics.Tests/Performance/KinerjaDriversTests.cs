using Kepegawaian.Analytics.Performance;
using Kepegawaian.Testing;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Tests.Performance;

public sealed class KinerjaDriversTests
{
    [Theory]
    [InlineData("I/a", 1)]
    [InlineData("III/d", 12)]
    [InlineData("IV/e", 17)]
    [InlineData("IX", 9)]
    public void Golongan_rank_orders_the_grades(string golongan, float rank) => Assert.Equal(rank, KinerjaDrivers.GolonganRank(golongan));

    [Fact]
    public void Past_performance_and_recent_training_are_ranked_as_drivers_and_the_model_beats_last_value()
    {
        using var wh = new TempWarehouse();
        using var c = wh.Open();
        var rng = new Random(5);
        var seed = new WarehouseSeed().Unit("U1", "Satu").Unit("U2", "Dua");
        // nilai = 75 + ability + noise, plus +4 in the four quarters after a completed teknis course (a transient effect
        // that only recent training explains); leave and unit have no effect.
        for (var e = 0; e < 300; e++)
        {
            var nip = $"19850101201001{e:0000}";
            var unit = e % 2 == 0 ? "U1" : "U2";
            seed.Employee(nip, unit);
            var ability = NextNormal(rng) * 5;
            var trainedAt = rng.NextDouble() < 0.5 ? 2 + rng.Next(8) : -100;
            if (trainedAt >= 0)
            {
                var day = new DateOnly(2023 + trainedAt / 4, trainedAt % 4 * 3 + 2, 10);
                seed.Diklat(nip, "T1", "teknis", day, day.AddDays(3), 24);
            }
            for (var q = 0; q < 12; q++)
            {
                var effect = q > trainedAt && q <= trainedAt + 4 ? 4.0 : 0.0;
                seed.Kinerja(nip, 2023 + q / 4, q % 4 + 1, 75 + ability + NextNormal(rng) * 1.5 + effect, unit);
            }
        }
        seed.WriteTo(c);
        KinerjaMarts.Refresh(c);

        var drivers = KinerjaQueries.Drivers(c);
        Assert.NotEmpty(drivers);
        Assert.True(drivers[0].MaeModel < drivers[0].MaeBaseline, $"model {drivers[0].MaeModel} vs last value {drivers[0].MaeBaseline}");
        var top3 = drivers.Take(3).Select(d => d.Fitur).ToList();
        Assert.Contains("kinerja_sekarang", top3);
        Assert.True(top3.Contains("jp_4q") || top3.Contains("n_teknis_4q"), string.Join(", ", drivers.Select(d => $"{d.Fitur} {d.KenaikanMae:0.000}")));
        Assert.Equal(0.0, drivers.Single(d => d.Fitur == "cuti_hari_4q").KenaikanMae!.Value, 9);   // no leave rows: constant feature
    }

    private static double NextNormal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
