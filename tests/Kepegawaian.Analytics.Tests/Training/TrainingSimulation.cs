using Kepegawaian.Analytics.Training;

namespace Kepegawaian.Analytics.Tests.Training;

/// <summary>
/// A small synthetic city with a known training effect, written straight into the warehouse:
/// nilai_skp = 75 + unit effect + ability + trend·quarter + noise + effect from the first full quarter
/// after completion. Selection on baseline: the chance of being sent to a selective group rises with ability.
/// </summary>
public sealed class TrainingSimulation
{
    public const int FirstYear = 2022;
    public const int Quarters = 16;              // 2022-Q1 … 2025-Q4
    public const double Trend = 0.4;             // per quarter, common to everybody

    public sealed record Group(string Jenis, double Effect, bool Selective, double Share);

    public static WarehouseSeed Build(int employees, int seed, params Group[] groups)
    {
        var rng = new Random(seed);
        var s = new WarehouseSeed();
        var units = Enumerable.Range(1, 8).Select(i => (Kode: $"U{i:00}", Effect: Normal(rng) * 3)).ToArray();
        foreach (var u in units) s.Unit(u.Kode, "Unit " + u.Kode);
        string[] golongan = ["III/a", "III/b", "III/c", "III/d"];
        string[] jabatan = ["pelaksana", "fungsional", "pengawas"];
        for (var e = 0; e < employees; e++)
        {
            var nip = $"19850101201001{e:0000}";
            var unit = units[rng.Next(units.Length)];
            var ability = Normal(rng) * 5;
            s.Employee(nip, unit.Kode, golongan[rng.Next(golongan.Length)], jabatan[rng.Next(jabatan.Length)]);
            var effectFrom = new double[Quarters + 1];
            var trainedAny = false;
            foreach (var g in groups)
            {
                var p = g.Selective ? g.Share * 2 / (1 + Math.Exp(-ability / 2.5)) : g.Share;
                if (trainedAny || rng.NextDouble() >= p) continue;
                trainedAny = true;   // at most one training per employee keeps clean controls plentiful
                var qs = 4 + rng.Next(7);                                  // 2023-Q1 … 2024-Q3
                var qe = qs + (rng.NextDouble() < 0.3 ? 1 : 0);            // some courses span two quarters
                var mulai = QuarterStart(qs).AddDays(rng.Next(30));
                var selesai = qe == qs ? mulai.AddDays(5 + rng.Next(20)) : QuarterStart(qe).AddDays(rng.Next(40));
                s.Diklat(nip, g.Jenis.ToUpperInvariant() + "-01", g.Jenis, mulai, selesai, 24,
                    reaksi: 3 + rng.Next(3), pre: 60 + rng.Next(10), post: 70 + rng.Next(10));
                for (var q = qe + 1; q <= Quarters; q++) effectFrom[q] += g.Effect;
            }
            for (var q = 0; q < Quarters; q++)
            {
                var y = 75 + unit.Effect + ability + Trend * q + Normal(rng) * 2 + effectFrom[q];
                s.Kinerja(nip, FirstYear + q / 4, q % 4 + 1, Math.Round(y, 2), unit.Kode);
            }
        }
        return s;
    }

    public static DateOnly QuarterStart(int q) => new(FirstYear + q / 4, q % 4 * 3 + 1, 1);

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
