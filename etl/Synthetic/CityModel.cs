using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>The time window and the small per-unit state shared by every employee (memory independent of headcount).</summary>
internal sealed class CityModel
{
    public CityModel(GeneratorOptions options)
    {
        End = options.EndDate;
        LastYear = End.Year;
        FirstYear = LastYear - options.Years + 1;
        Start = new DateOnly(FirstYear, 1, 1);
        Units = Palembang.Units;
        var n = Units.Count;
        UnitEffect = new double[n];
        TrainingIntensity = new double[n];
        OnlineBias = new double[n];
        Slow = new bool[n];
        for (var u = 0; u < n; u++)
        {
            var r = Rng.Stream(options.Seed, "unit", u);
            UnitEffect[u] = r.Normal(0, InjectedEffects.UnitEffectSd);
            TrainingIntensity[u] = Math.Exp(r.Normal(0, 0.35));
            OnlineBias[u] = r.Normal(0, 0.08);
            Slow[u] = InjectedEffects.SlowCutiUnits.Contains(Units[u].Kode);
        }
        _cumulative = new double[n];
        var total = 0.0;
        for (var u = 0; u < n; u++) _cumulative[u] = total += Units[u].StaffWeight;
        for (var u = 0; u < n; u++) _cumulative[u] /= total;
        GeneralUnits = Units.Where(u => u.Kode is not ("DISDIK" or "DINKES") && u.Jenis != "rsud").Select(u => u.Index).ToArray();
        Staff = new int[n, options.Years];
        PlacementSignals = options.PlacementSignals;
        NoRotation = new bool[n];
        if (PlacementSignals)
            for (var u = 0; u < n; u++) NoRotation[u] = InjectedEffects.NoRotationUnits.Contains(Units[u].Kode);
        TrainedTeknis = new int[n, options.Years];
        StaffAtEnd = new int[n];
    }

    public DateOnly Start { get; }
    public DateOnly End { get; }
    public int FirstYear { get; }
    public int LastYear { get; }
    public int Years => LastYear - FirstYear + 1;
    public IReadOnlyList<Unit> Units { get; }
    public double[] UnitEffect { get; }
    public double[] TrainingIntensity { get; }
    public double[] OnlineBias { get; }
    public bool[] Slow { get; }
    /// <summary>Units whose staff can be placed elsewhere by mutasi (teachers and health workers stay in their service).</summary>
    public int[] GeneralUnits { get; }

    /// <summary>Staff active on 31 December per unit and year, and how many of them completed a teknis training that year (for the level-4 IKM effect).</summary>
    public int[,] Staff { get; }
    public int[,] TrainedTeknis { get; }

    /// <summary>Staff active on EndDate per unit (the injected understaffing is sized against it in the last, partial year).</summary>
    public int[] StaffAtEnd { get; }

    /// <summary>Whether the issue-15 placement signals are injected (<see cref="GeneratorOptions.PlacementSignals"/>).</summary>
    public bool PlacementSignals { get; }

    /// <summary>Units nobody rotates into or out of (<see cref="InjectedEffects.NoRotationUnits"/>, only with PlacementSignals).</summary>
    public bool[] NoRotation { get; }

    private readonly double[] _cumulative;

    public int PickUnit(Random r)
    {
        var i = Array.BinarySearch(_cumulative, r.NextDouble());
        return Math.Min(i < 0 ? ~i : i, _cumulative.Length - 1);
    }

    public int Pick(Random r, int[] units) => units[r.Next(units.Length)];

    /// <summary>0-based quarter index since the start of the window (the time-trend clock).</summary>
    public int QuarterIndex(int year, int quarter) => (year - FirstYear) * 4 + quarter - 1;

    public static DateOnly QuarterStart(int year, int quarter) => new(year, 3 * quarter - 2, 1);
    public static DateOnly QuarterEnd(int year, int quarter) => QuarterStart(year, quarter).AddMonths(3).AddDays(-1);

    public double OnlineShare(int year) => Years == 1
        ? (InjectedEffects.OnlineShareFirstYear + InjectedEffects.OnlineShareLastYear) / 2
        : InjectedEffects.OnlineShareFirstYear + (InjectedEffects.OnlineShareLastYear - InjectedEffects.OnlineShareFirstYear) * (year - FirstYear) / (Years - 1);

    public static readonly IReadOnlyList<string> GolonganPns = Codes.GolonganPns;
}
