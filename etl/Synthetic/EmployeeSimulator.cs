using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// Builds one employee (identity, career, history inside the window) from its own random stream, so employees
/// are independent and can be generated one at a time (bounded memory at any headcount).
/// </summary>
internal sealed class EmployeeSimulator(CityModel city, NipAllocator nips, int seed)
{
    private static readonly string[] Jenjang = ["jpt", "administrator", "pengawas", "fungsional", "pelaksana"];

    public Person Create(long index)
    {
        var r = Rng.Stream(seed, "pegawai", index);
        var unit = city.PickUnit(r);
        var u = city.Units[unit];
        var kind = UnitKind(u);

        // Initial staff (employed on the first day of the window) or hired inside the window.
        var hired = r.Chance(Math.Min(0.4, 0.035 * city.Years));
        var pppk = hired ? r.Chance(0.5) : r.Chance(0.20);
        if (kind == "umum" && pppk && r.Chance(0.6)) pppk = false; // PPPK are mostly teachers and health workers
        var cpnsInitial = !hired && !pppk && r.Chance(0.06);

        var jenis = PickJenisJabatan(r, kind, pppk || hired || cpnsInitial);
        var pendidikan = PickPendidikan(r, kind, jenis);
        var sex = r.Chance(kind switch { "guru" => 0.70, "nakes" => 0.75, "lapangan" => 0.15, _ => 0.45 }) ? 'P' : 'L';
        var baseline = r.Normal(0, InjectedEffects.BaselineSd);

        // Retirement age (BUP): 60 for JPT and fungsional, 58 otherwise (UU ASN / PP 11/2017). PP 11/2017 Pasal 239 gives a
        // fungsional 58/60/65 by jenjang, which the generated names carry but this simulation ignores, see InjectedEffects.GeneratorBupFungsional.
        var bup = jenis is "jpt" or "fungsional" ? InjectedEffects.GeneratorBupFungsional : 58;
        DateOnly birth, tmt, activeFrom;
        if (hired)
        {
            activeFrom = new DateOnly(r.Date(city.Start, city.End).Year, 1, 1).AddMonths(r.Next(12));
            if (activeFrom < city.Start) activeFrom = city.Start;
            if (activeFrom > city.End) activeFrom = new DateOnly(city.End.Year, city.End.Month, 1);
            tmt = activeFrom;
            birth = r.Date(tmt.AddYears(-35), tmt.AddYears(-22));
        }
        else
        {
            activeFrom = city.Start;
            var minAge = jenis switch { "jpt" => 45, "administrator" => 38, "pengawas" => 30, _ => 23 };
            if (cpnsInitial)
            {
                tmt = new DateOnly(city.FirstYear - 1, 1 + r.Next(12), 1);
                birth = r.Date(tmt.AddYears(-35), tmt.AddYears(-22));
            }
            else
            {
                // Ages spread over a career, slightly more mid-career.
                var age = minAge + (bup - 1 - minAge) * Math.Sqrt(r.NextDouble() * 0.5 + r.NextDouble() * 0.5);
                birth = city.Start.AddDays(-(int)(age * 365.25) - r.Next(365));
                var tmtAge = pppk ? 25 + r.Next(20) : 22 + r.Next(9);
                tmt = new DateOnly(birth.Year + tmtAge, 1 + r.Next(12), 1);
                var latest = pppk ? new DateOnly(city.FirstYear - 1, 1, 1) : new DateOnly(city.FirstYear - 2, 1, 1);
                if (tmt > latest) tmt = latest;
                if (tmt < birth.AddYears(19)) tmt = new DateOnly(birth.Year + 19, 12, 1);
            }
        }

        var nip = nips.Allocate(birth, ref tmt, sex, pppk);
        var (entry, cap) = GolonganTrack(pendidikan, jenis);
        var first = r.Pick(sex == 'L' ? Catalog.FirstMale : Catalog.FirstFemale);
        var person = new Person
        {
            Nip = nip,
            Nama = r.Chance(0.6) ? $"{first} {r.Pick(Catalog.Last)}" : $"{first} {r.Pick(Catalog.FirstMale)} {r.Pick(Catalog.Last)}",
            Sex = sex,
            Birth = birth,
            Tmt = tmt,
            Pppk = pppk,
            Pendidikan = pendidikan,
            GolonganEntry = entry,
            GolonganCap = cap,
            GolonganMin = jenis switch { "jpt" => 13, "administrator" => 11, "pengawas" => 9, _ => 0 },
            FungsionalBase = FungsionalFor(r, kind),
            Baseline = baseline,
            ActiveFrom = activeFrom,
            ActiveTo = city.End.AddDays(1),
        };
        person.Placements.Add(new Placement(activeFrom, unit, jenis, NamaJabatan(r, jenis, u, person.FungsionalBase)));

        if (hired)
            person.Events.Add(new Event(activeFrom, "pengangkatan", -1, unit, person.GolonganOn(activeFrom), person.JabatanOn(activeFrom)));
        else
            AddExits(r, person, bup);
        AddCareerEvents(r, person, kind);
        person.Events.Sort((a, b) => a.Date.CompareTo(b.Date));
        return person;
    }

    /// <summary>
    /// The k-th injected pengawas of <see cref="InjectedEffects.RetirementWaveUnit"/> (only with PlacementSignals), in service
    /// through the window. Retiring: born so that TMT pensiun (BUP 58, the 1st of the month after the birthday) is 2 + 3k
    /// months (cycling below 24) after EndDate's month. Staying: aged 35–45 at EndDate, a pengawas or (the unit's second
    /// group, see <see cref="InjectedEffects.RetirementWaveStayers"/>) a pelaksana.
    /// </summary>
    public Person CreateWave(int k, bool retiring, string jenis = "pengawas")
    {
        var r = Rng.Stream(seed, retiring ? "gelombang" : jenis == "pengawas" ? "gelombang-tetap" : "gelombang-tetap-" + jenis, k);
        var unit = city.Units.Single(u => u.Kode == InjectedEffects.RetirementWaveUnit);
        var tmtPensiun = new DateOnly(city.End.Year, city.End.Month, 1).AddMonths(2 + 3 * k % 22);
        var birth = retiring
            ? tmtPensiun.AddMonths(-1).AddYears(-58).AddDays(r.Next(28))
            : city.End.AddYears(-35).AddDays(-r.Next(3650));
        var sex = r.Chance(0.5) ? 'P' : 'L';
        var tmt = new DateOnly(birth.Year + 24, 1 + r.Next(12), 1);
        var nip = nips.Allocate(birth, ref tmt, sex, false);
        var first = r.Pick(sex == 'L' ? Catalog.FirstMale : Catalog.FirstFemale);
        var person = new Person
        {
            Nip = nip,
            Nama = $"{first} {r.Pick(Catalog.Last)}",
            Sex = sex,
            Birth = birth,
            Tmt = tmt,
            Pppk = false,
            Pendidikan = "S1",
            GolonganEntry = 8,
            GolonganCap = 12,
            GolonganMin = jenis == "pengawas" ? 9 : 0,
            FungsionalBase = r.Pick(Catalog.FungsionalUmum),
            Baseline = r.Normal(0, InjectedEffects.BaselineSd),
            ActiveFrom = city.Start,
            ActiveTo = city.End.AddDays(1),
        };
        person.Placements.Add(new Placement(city.Start, unit.Index, jenis, NamaJabatan(r, jenis, unit, person.FungsionalBase)));
        return person;
    }

    private void AddExits(Random r, Person p, int bup)
    {
        // Pensiun: TMT pensiun is the first day of the month after reaching BUP.
        var bupDay = p.Birth.AddYears(bup);
        var pensiun = new DateOnly(bupDay.Year, bupDay.Month, 1).AddMonths(1);
        var unit = p.Placements[0].Unit;
        if (pensiun <= city.End)
        {
            p.ActiveTo = pensiun;
            p.Events.Add(new Event(pensiun, "pensiun", unit, unit, null, null));
            return;
        }
        for (var y = city.FirstYear; y <= city.LastYear; y++)
        {
            if (!r.Chance(0.004)) continue;
            var d = r.Date(new DateOnly(y, 2, 1), new DateOnly(y, 12, 31));
            if (d > city.End) break;
            p.ActiveTo = d;
            p.Events.Add(new Event(d, "berhenti", unit, unit, null, null));
            return;
        }
    }

    private void AddCareerEvents(Random r, Person p, string kind)
    {
        // Kenaikan pangkat every four years (PNS only), where the golongan actually changes.
        if (!p.Pppk)
            for (var k = 1; k < 12; k++)
            {
                var d = p.KpDate(k);
                if (d > city.End || !p.ActiveOn(d)) { if (d > city.End) break; continue; }
                if (d < city.Start) continue;
                var before = p.GolonganOn(d.AddDays(-1));
                var after = p.GolonganOn(d);
                if (before != after)
                    p.Events.Add(new Event(d, "kenaikan_pangkat", p.PlacementOn(d).Unit, p.PlacementOn(d).Unit, after, null));
            }

        // Mutasi (placement elsewhere) and promosi, at most one of each per year, PNS in general units only.
        if (p.Pppk) return;
        for (var y = city.FirstYear; y <= city.LastYear; y++)
        {
            var d = r.Date(new DateOnly(y, 1, 15), new DateOnly(y, 12, 15));
            if (d > city.End || !p.ActiveOn(d) || d < p.Tmt.AddYears(1) || d <= p.Placements[^1].From.AddMonths(6)) continue;
            var cur = p.Placements[^1];
            var u = city.Units[cur.Unit];
            var promote = cur.JenisJabatan switch
            {
                "pelaksana" => 0.02,
                "pengawas" => 0.04,
                "administrator" => 0.02,
                "fungsional" when kind == "umum" => 0.01,
                _ => 0.0,
            };
            if (r.Chance(promote))
            {
                var next = cur.JenisJabatan switch { "administrator" => "jpt", "pengawas" => "administrator", _ => "pengawas" };
                var target = r.Chance(0.3) && kind == "umum" ? city.Pick(r, city.GeneralUnits) : cur.Unit;
                var jab = NamaJabatan(r, next, city.Units[target], p.FungsionalBase);
                if (target != cur.Unit && (city.NoRotation[cur.Unit] || city.NoRotation[target])) continue;   // injected: no rotation
                p.Placements.Add(new Placement(d, target, next, jab));
                p.Events.Add(new Event(d, "promosi", cur.Unit, target, null, jab));
            }
            else if (kind == "umum" && r.Chance(0.05))
            {
                var target = city.Pick(r, city.GeneralUnits);
                if (target == cur.Unit) continue;
                var jab = cur.JenisJabatan == "fungsional" ? cur.Jabatan : NamaJabatan(r, cur.JenisJabatan, city.Units[target], p.FungsionalBase);
                if (city.NoRotation[cur.Unit] || city.NoRotation[target]) continue;   // injected: no rotation
                p.Placements.Add(new Placement(d, target, cur.JenisJabatan, jab));
                p.Events.Add(new Event(d, "mutasi", cur.Unit, target, null, cur.JenisJabatan == "fungsional" ? null : jab));
            }
            _ = u;
        }
    }

    public static string UnitKind(Unit u) => u.Kode switch
    {
        "DISDIK" => "guru",
        "DINKES" or "RSUD-BARI" or "RSUD-GANDUS" => "nakes",
        "SATPOLPP" or "DAMKAR" or "DISHUB" or "DLHK" => "lapangan",
        _ => u.Jenis is "kecamatan" ? "kecamatan" : u.Jenis is "kelurahan" ? "kelurahan" : "umum",
    };

    private static string PickJenisJabatan(Random r, string kind, bool newOrPppk)
    {
        //                       jpt     administrator pengawas fungsional pelaksana
        double[] w = kind switch
        {
            "guru" => [0.002, 0.008, 0.025, 0.80, 0.165],
            "nakes" => [0.005, 0.02, 0.07, 0.72, 0.185],
            "kecamatan" => [0.0, 0.08, 0.25, 0.05, 0.62],
            "kelurahan" => [0.0, 0.0, 0.22, 0.0, 0.78],
            "lapangan" => [0.01, 0.04, 0.10, 0.10, 0.75],
            _ => [0.05, 0.10, 0.22, 0.22, 0.41],
        };
        if (newOrPppk) { w[0] = w[1] = w[2] = 0; }
        return Jenjang[r.Weighted(w)];
    }

    private static string PickPendidikan(Random r, string kind, string jenis) => jenis switch
    {
        "jpt" => r.Chance(0.8) ? "S2" : "S3",
        "administrator" => r.Chance(0.6) ? "S2" : "S1",
        "pengawas" => r.Chance(0.75) ? "S1" : r.Chance(0.6) ? "S2" : "D3",
        "fungsional" when kind == "guru" => r.Chance(0.85) ? "S1" : r.Chance(0.6) ? "S2" : "D4",
        "fungsional" when kind == "nakes" => Codes.Pendidikan[r.Weighted([0, 0, 0.02, 0, 0, 0.45, 0.10, 0.36, 0.07, 0])],
        "fungsional" => r.Chance(0.7) ? "S1" : r.Chance(0.5) ? "S2" : "D3",
        _ => Codes.Pendidikan[r.Weighted([0.01, 0.04, 0.45, 0.01, 0.01, 0.15, 0.02, 0.30, 0.01, 0])],
    };

    /// <summary>Entry golongan by ijazah and the highest regular golongan reachable (index into Codes.GolonganPns).</summary>
    private static (int Entry, int Cap) GolonganTrack(string pendidikan, string jenis)
    {
        var (entry, cap) = pendidikan switch
        {
            "SD" => (0, 5),
            "SMP" => (2, 6),
            "SMA" => (4, 10),
            "D1" or "D2" => (5, 10),
            "D3" => (6, 11),
            "D4" or "S1" => (8, 12),
            "S2" => (9, 13),
            _ => (10, 14),
        };
        if (jenis == "jpt") cap = 16;
        return (entry, cap);
    }

    private static string FungsionalFor(Random r, string kind) => kind switch
    {
        "guru" => r.Pick(Catalog.FungsionalGuru),
        "nakes" => r.Pick(Catalog.FungsionalNakes),
        _ => r.Pick(Catalog.FungsionalUmum),
    };

    private static string NamaJabatan(Random r, string jenis, Unit u, string fungsional) => jenis switch
    {
        "jpt" => u.Jenis is "sekretariat" ? r.Pick(["Asisten Pemerintahan dan Kesejahteraan Rakyat", "Asisten Perekonomian dan Pembangunan", "Staf Ahli Wali Kota"]) : "Kepala " + u.Nama,
        "administrator" => u.Jenis switch
        {
            "kecamatan" => r.Chance(0.5) ? "Camat" : "Sekretaris Camat",
            "rsud" => "Kepala Bagian",
            _ => r.Chance(0.2) ? "Sekretaris" : "Kepala Bidang",
        },
        "pengawas" => u.Jenis switch
        {
            "kelurahan" => r.Pick(["Lurah", "Sekretaris Lurah", "Kepala Seksi Pemerintahan", "Kepala Seksi Pelayanan Umum"]),
            "kecamatan" => r.Pick(["Kepala Seksi Pemerintahan", "Kepala Seksi Pelayanan Umum", "Kepala Seksi Ketenteraman dan Ketertiban", "Kepala Subbagian Umum"]),
            _ => r.Chance(0.5) ? "Kepala Subbagian" : "Kepala Seksi",
        },
        "fungsional" => u.Jenis == "inspektorat" ? r.Pick(Catalog.FungsionalInspektorat) : fungsional,
        _ => r.Pick(Catalog.Pelaksana),
    };
}
