using System.Globalization;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// Citizen survey responses (PermenPANRB 14/2017) for every service unit and quarter: unit quality spread so
/// grades A–D all occur, weak elements u3 and u8, a few declining units, and the level-4 training effect
/// (<see cref="InjectedEffects.IkmRiseAfterTraining"/>). Runs after the employees, whose training it needs.
/// </summary>
internal sealed class SkmSimulator(CityModel city, OutputFiles files, int seed)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Units pinned to a grade so that A, B, C and D all occur whatever the seed.</summary>
    private static readonly Dictionary<string, double> PinnedQuality = new(StringComparer.Ordinal)
    {
        ["DPMPTSP"] = 3.78,               // A
        ["DISDUKCAPIL"] = 3.30,           // B
        ["KEL-KEMAS-RINDO"] = 2.40,       // D
        ["KEL-KARYA-JAYA"] = 2.90,        // C
        ["KEL-SUNGAI-SELINCAH"] = 3.45,   // declining from B
        ["KEC-KERTAPATI"] = 3.40,
        ["RSUD-GANDUS"] = 3.35,
        ["KEL-TALANG-JAMBE"] = 3.50,
    };

    /// <summary>Per unit, the years in which its IKM carries <see cref="InjectedEffects.IkmRiseAfterTraining"/> (filled by <see cref="Write"/>).</summary>
    public SortedDictionary<string, List<int>> RaisedYears { get; } = new(StringComparer.Ordinal);

    public void Write()
    {
        foreach (var u in city.Units)
        {
            if (!u.IsSkmService) continue;
            var r = Rng.Stream(seed, "skm:" + u.Kode);
            var quality = PinnedQuality.TryGetValue(u.Kode, out var pinned) ? pinned : 2.65 + 1.15 * r.NextDouble();
            var declining = InjectedEffects.DecliningSkmUnits.Contains(u.Kode);
            var understaffed = city.PlacementSignals && InjectedEffects.UnderstaffedUnits.Contains(u.Kode);
            var layanan = Catalog.LayananFor(u);
            for (var y = city.FirstYear; y <= city.LastYear; y++)
            {
                var trainedLastYear = y > city.FirstYear && city.Staff[u.Index, y - 1 - city.FirstYear] > 0
                    && city.TrainedTeknis[u.Index, y - 1 - city.FirstYear] >= InjectedEffects.IkmTrainingShareThreshold * city.Staff[u.Index, y - 1 - city.FirstYear];
                if (trainedLastYear)
                {
                    if (!RaisedYears.TryGetValue(u.Kode, out var years)) RaisedYears[u.Kode] = years = [];
                    years.Add(y);
                }
                for (var q = 1; q <= 4; q++)
                {
                    var qs = CityModel.QuarterStart(y, q);
                    if (qs > city.End) break;
                    var qe = CityModel.QuarterEnd(y, q);
                    var last = qe > city.End ? city.End : qe;
                    var n = 30 + r.Next(121);
                    if (understaffed) n = (int)Math.Round(n * LoadMultiplier(u, y));
                    n = Math.Max(1, n * (last.DayNumber - qs.DayNumber + 1) / (qe.DayNumber - qs.DayNumber + 1));
                    var mean = quality
                               + (declining ? InjectedEffects.DeclinePerQuarter / 25 * city.QuarterIndex(y, q) : 0)
                               + (trainedLastYear ? InjectedEffects.IkmRiseAfterTraining / 25 : 0)
                               - (understaffed ? InjectedEffects.UnderstaffedIkmPenalty / 25 : 0);
                    var rows = new List<string[]>(n);
                    for (var i = 1; i <= n; i++)
                        rows.Add(Response(r, u, layanan, $"SKM-{u.Kode}-{y}Q{q}-{i:D4}", r.Date(qs, last), mean));
                    rows.Sort((a, b) => string.CompareOrdinal(a[3], b[3]) is var c and not 0 ? c : string.CompareOrdinal(a[0], b[0]));
                    foreach (var row in rows) files.SkmFile(y, u.Kode).Write(row);
                }
            }
        }
    }

    /// <summary>
    /// <see cref="InjectedEffects.UnderstaffedLoadFactor"/> × (its own staff ÷ mean staff of the unit's jenis), so its load per
    /// employee is the factor times an average unit's: staff on 31 December of <paramref name="year"/>, on EndDate in the last
    /// year; the plain factor when the unit has no staff.
    /// </summary>
    private double LoadMultiplier(Unit unit, int year)
    {
        int Staff(Unit x) => year >= city.LastYear ? city.StaffAtEnd[x.Index] : city.Staff[x.Index, year - city.FirstYear];
        var peers = city.Units.Where(x => x.Jenis == unit.Jenis).Select(Staff).ToList();
        var own = Staff(unit);
        return own > 0 ? InjectedEffects.UnderstaffedLoadFactor * own / peers.Average() : InjectedEffects.UnderstaffedLoadFactor;
    }

    private static string[] Response(Random r, Unit u, string[] layanan, string id, DateOnly date, double mean)
    {
        var row = new string[18];
        row[0] = id;
        row[1] = u.Kode;
        row[2] = r.Pick(layanan);
        row[3] = date.ToString("yyyy-MM-dd", Inv);
        var personal = r.Normal(0, 0.35); // a respondent's overall mood, shared by all nine answers
        for (var e = 0; e < 9; e++)
        {
            if (r.Chance(0.03)) { row[4 + e] = ""; continue; }
            var v = (int)Math.Round(mean + InjectedEffects.SkmElementOffset[e] + personal + r.Normal(0, 0.45));
            row[4 + e] = Math.Clamp(v, 1, 4).ToString(Inv);
        }
        row[13] = r.Chance(0.5) ? "L" : "P";
        row[14] = (17 + r.Next(54)).ToString(Inv);
        row[15] = Catalog.PendidikanResponden[r.Weighted(Catalog.PendidikanRespondenWeights)];
        row[16] = r.Pick(Catalog.Pekerjaan);
        row[17] = r.Chance(0.08) ? r.Pick(Catalog.Saran) : "";
        return row;
    }
}
