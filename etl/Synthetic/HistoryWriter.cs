using System.Globalization;
using Kepegawaian.Warehouse.Domain;

namespace Kepegawaian.Etl.Synthetic;

/// <summary>Turns one <see cref="Person"/> into rows of every per-year file: snapshots, mutasi, diklat, kinerja, cuti.</summary>
internal sealed class HistoryWriter(CityModel city, OutputFiles files, int seed)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly Course[] Latsar = Catalog.CoursesOf("latsar");
    private static readonly Course[] Manajerial = Catalog.CoursesOf("manajerial");
    private static readonly Course[] Teknis = Catalog.CoursesOf("teknis");
    private static readonly Course[] SosialKultural = Catalog.CoursesOf("sosial_kultural");
    private static readonly Course[] ELearning = Catalog.CoursesOf("e_learning");
    private static readonly Course[] Fungsional = Catalog.CoursesOf("fungsional");
    private static readonly string[] JenisOrder = ["latsar", "manajerial", "teknis", "fungsional", "sosial_kultural", "e_learning"];

    public void Write(Person p, long index)
    {
        var r = Rng.Stream(seed, "riwayat", index);
        WriteSnapshots(p);
        WriteMutasi(p);
        AddTrainings(r, p);
        WriteDiklat(r, p);
        WriteKinerja(r, p);
        WriteCuti(r, p);
        CountForIkm(p);
    }

    private void WriteSnapshots(Person p)
    {
        foreach (var (date, file) in files.Pegawai)
        {
            if (!p.ActiveOn(date)) continue;
            var pl = p.PlacementOn(date);
            file.Write([p.Nip, p.Nama, p.Sex.ToString(), Iso(p.Birth), p.StatusOn(date), p.GolonganOn(date), pl.JenisJabatan,
                        p.JabatanOn(date), city.Units[pl.Unit].Kode, p.Pendidikan, Iso(date)]);
        }
    }

    private void WriteMutasi(Person p)
    {
        // --as siasn-api: the API histories take what they carry; the contract file keeps the rest.
        var contract = files.SiasnApi is { } api ? api.WriteMutasi(p, city) : Enumerable.Range(1, p.Events.Count).ToList();
        foreach (var k in contract)
        {
            var e = p.Events[k - 1];
            var asal = e.UnitAsal < 0 ? "" : city.Units[e.UnitAsal].Kode;
            var sk = SiasnApiShape.Sk(e, k);
            files.Mutasi[e.Date.Year - city.FirstYear].Write(
                [$"MUT-{p.Nip}-{k:D2}", p.Nip, e.Jenis, Iso(e.Date), asal, city.Units[e.UnitTujuan].Kode, e.GolonganBaru ?? "", e.JabatanBaru ?? "", sk]);
        }
    }

    /// <summary>
    /// Trainings per employee-year. Selection (InjectedEffects.SelectionSlope): manajerial and teknis are more likely
    /// for employees with a higher baseline. Dates are spread over the year; a few employees train nothing in a year,
    /// which leaves clean controls for difference-in-differences.
    /// </summary>
    private void AddTrainings(Random r, Person p)
    {
        var selection = Math.Exp(InjectedEffects.SelectionSlope * p.Baseline);
        for (var y = city.FirstYear; y <= city.LastYear; y++)
        {
            var from = Max(p.ActiveFrom, new DateOnly(y, 1, 1));
            var to = Min(p.ActiveTo.AddDays(-1), Min(new DateOnly(y, 12, 31), city.End));
            if (to.DayNumber - from.DayNumber < 20) continue;
            var pl = p.PlacementOn(to);
            var unit = pl.Unit;
            var kind = EmployeeSimulator.UnitKind(city.Units[unit]);

            // Latsar: every CPNS in the first months after TMT (PerLAN on Pelatihan Dasar CPNS).
            if (!p.Pppk && p.Tmt.Year >= y - 1 && p.Tmt <= to && !p.Trainings.Any(t => t.Course.Jenis == "latsar"))
            {
                var start = Max(from, p.Tmt.AddMonths(2 + r.Next(5)));
                Add(r, p, r.Pick(Latsar), start, to, workingDays: 50);
            }

            var structural = pl.JenisJabatan is "jpt" or "administrator" or "pengawas";
            if (r.Chance(Math.Min(0.95, (structural ? 0.25 : 0.03) * selection)))
                Add(r, p, r.Pick(Manajerial), r.Date(from, to), to);
            if (r.Chance(Math.Min(0.95, 0.58 * city.TrainingIntensity[unit] * selection)))
                Add(r, p, TeknisFor(r, kind), r.Date(from, to), to);
            if (r.Chance(pl.JenisJabatan == "fungsional" ? 0.45 : 0.05))
                Add(r, p, kind == "guru" ? Fungsional[0] : kind == "nakes" ? Fungsional[1] : Fungsional[2], r.Date(from, to), to);
            if (r.Chance(0.12))
                Add(r, p, r.Pick(SosialKultural), r.Date(from, to), to);
            if (r.Chance(0.45))
                Add(r, p, r.Pick(ELearning), r.Date(from, to), to);
            if (r.Chance(0.12))
                Add(r, p, r.Pick(ELearning), r.Date(from, to), to);
        }
    }

    private static Course TeknisFor(Random r, string kind) => kind switch
    {
        "guru" when r.Chance(0.6) => Teknis.First(c => c.Kode == "TEK-KURMER"),
        "nakes" when r.Chance(0.5) => Teknis.First(c => c.Kode == "TEK-PPGD"),
        _ => Teknis[r.Next(Teknis.Length - 2)],
    };

    private static void Add(Random r, Person p, Course c, DateOnly start, DateOnly limit, int? workingDays = null)
    {
        var jp = c.JpMin + r.Next(c.JpMax - c.JpMin + 1);
        var days = workingDays ?? (c.Jenis == "e_learning" ? 1 + r.Next(5) : Math.Max(1, (int)Math.Ceiling(jp / 8.0)));
        var mulai = WorkCalendar.NextWorkingDay(start);
        var selesai = WorkCalendar.EndOfSpan(mulai, days);
        if (selesai > limit) return; // would end after the employee left or after EndDate
        var status = r.NextDouble() switch { < 0.92 => "lulus", < 0.97 => "tidak_lulus", _ => "mengundurkan_diri" };
        p.Trainings.Add(new Training(c, mulai, selesai, jp, status));
    }

    private void WriteDiklat(Random r, Person p)
    {
        p.Trainings.Sort((a, b) => a.Mulai.CompareTo(b.Mulai));
        var k = 0;
        foreach (var t in p.Trainings)
        {
            k++;
            var hasScores = t.Status != "mengundurkan_diri" && r.Chance(0.8);
            var reaksi = hasScores ? Math.Clamp(r.Normal(4.1, 0.55), 1, 5) : 0;
            var pre = hasScores ? Math.Clamp(r.Normal(58, 12), 0, 100) : 0;
            var post = hasScores ? Math.Clamp(pre + r.Normal(t.Status == "lulus" ? 16 : 4, 8), 0, 100) : 0;
            string[] row =
            [
                $"DKL-{p.Nip}-{k:D2}", p.Nip, t.Course.Kode, t.Course.Nama, t.Course.Jenis, Iso(t.Mulai), Iso(t.Selesai),
                t.Jp.ToString(Inv), t.Status,
                hasScores ? reaksi.ToString("0.0", Inv) : "", hasScores ? pre.ToString("0", Inv) : "", hasScores ? post.ToString("0", Inv) : "",
            ];
            if (files.SiasnApi?.WriteDiklat(row) != true) files.Diklat[t.Selesai.Year - city.FirstYear].Write(row);
        }
    }

    /// <summary>Sum of InjectedEffects.SkpEffectByJenis for lulus trainings finished before the quarter starts (each jenis once per employee-year).</summary>
    private static double TrainingEffect(Person p, DateOnly quarterStart)
    {
        var total = 0.0;
        Span<bool> seen = stackalloc bool[JenisOrder.Length * 64];
        foreach (var t in p.Trainings)
        {
            if (t.Status != "lulus" || t.Selesai >= quarterStart) continue;
            var j = Array.IndexOf(JenisOrder, t.Course.Jenis);
            var slot = j * 64 + (t.Selesai.Year % 64);
            if (seen[slot]) continue;
            seen[slot] = true;
            total += InjectedEffects.SkpEffectByJenis[t.Course.Jenis];
        }
        return total;
    }

    private void WriteKinerja(Random r, Person p)
    {
        for (var y = city.FirstYear; y <= city.LastYear; y++)
        {
            var sum = 0.0;
            var n = 0;
            for (var q = 1; q <= 4; q++)
            {
                var qs = CityModel.QuarterStart(y, q);
                var qe = CityModel.QuarterEnd(y, q);
                if (qe > city.End) break;
                if (!p.ActiveOn(qe) || p.ActiveFrom > qs.AddDays(45)) continue;
                var unit = p.PlacementOn(qe).Unit;
                var skp = InjectedEffects.SkpBase + p.Baseline + city.UnitEffect[unit]
                          + InjectedEffects.TrendPerQuarter * city.QuarterIndex(y, q)
                          + TrainingEffect(p, qs) + r.Normal(0, InjectedEffects.NoiseSd);
                skp = Math.Round(Math.Clamp(skp, 0, 120), 1);
                sum += skp;
                n++;
                WriteAppraisal(r, p, $"{y}-Q{q}", skp, unit, y);
            }
            if (n >= 2 && new DateOnly(y, 12, 31) <= city.End && p.ActiveOn(new DateOnly(y, 12, 31)))
                WriteAppraisal(r, p, y.ToString(Inv), Math.Round(sum / n, 1), p.PlacementOn(new DateOnly(y, 12, 31)).Unit, y);
        }
    }

    private void WriteAppraisal(Random r, Person p, string periode, double skp, int unit, int year)
    {
        var hasil = skp >= 90 ? Ekspektasi.DiAtas : skp >= 70 ? Ekspektasi.Sesuai : Ekspektasi.DiBawah;
        var perilakuScore = skp + r.Normal(1, 6);
        var perilaku = perilakuScore >= 91 ? Ekspektasi.DiAtas : perilakuScore >= 68 ? Ekspektasi.Sesuai : Ekspektasi.DiBawah;
        var predikat = r.Chance(0.5) ? Predikat.From(hasil, perilaku) : "";
        string[] row = [$"KIN-{p.Nip}-{periode}", p.Nip, periode, Code(hasil), Code(perilaku), predikat, skp.ToString("0.0", Inv), city.Units[unit].Kode];
        if (files.SiasnApi is { } api) api.WriteKinerja(row);
        else files.Kinerja[year - city.FirstYear].Write(row);
    }

    private static string Code(Ekspektasi e) => e switch { Ekspektasi.DiAtas => "di_atas", Ekspektasi.Sesuai => "sesuai", _ => "di_bawah" };

    private void WriteCuti(Random r, Person p)
    {
        var k = 0;
        for (var y = city.FirstYear; y <= city.LastYear; y++)
        {
            var from = Max(p.ActiveFrom, new DateOnly(y, 1, 1));
            var to = Min(p.ActiveTo.AddDays(-1), Min(new DateOnly(y, 12, 31), city.End));
            if (to < from) continue;
            var share = (to.DayNumber - from.DayNumber + 1) / 365.0;
            var requests = (int)Math.Round((3 + r.Next(3) + (r.Chance(0.1) ? 1 : 0)) * share);
            var requestsThisYear = new List<string[]>(requests);
            for (var i = 0; i < requests; i++)
            {
                var row = Request(r, p, y, from, to, ++k);
                if (row is not null) requestsThisYear.Add(row);
            }
            requestsThisYear.Sort((a, b) => string.CompareOrdinal(a[4], b[4]));
            foreach (var row in requestsThisYear) files.CutiFile(y, row[3]).Write(row);
        }
    }

    private string[]? Request(Random r, Person p, int year, DateOnly from, DateOnly to, int k)
    {
        var pl = p.PlacementOn(to);
        var unit = pl.Unit;
        var online = r.Chance(Math.Clamp(city.OnlineShare(year) + city.OnlineBias[unit], 0.02, 0.98));
        var jenis = PickJenisCuti(r, p, from);
        var day = r.Date(from, to);
        DateTime pengajuan;
        if (online)
        {
            // e-Cuti is open all day; some requests come in the evening or at weekends.
            pengajuan = day.ToDateTime(new TimeOnly(6 + r.Next(16), r.Next(60), r.Next(60)));
        }
        else
        {
            day = WorkCalendar.NextWorkingDay(day);
            if (day > to) return null;
            pengajuan = day.ToDateTime(new TimeOnly(8 + r.Next(7), r.Next(60), r.Next(60)));
        }

        var lama = jenis switch
        {
            "tahunan" => 1 + r.Next(r.Chance(0.2) ? 10 : 4),
            "sakit" => r.Chance(0.85) ? 1 + r.Next(3) : 4 + r.Next(11),
            "melahirkan" => 66,
            "besar" => 22 + r.Next(45),
            "alasan_penting" => 1 + r.Next(5),
            "bersama" => 1 + r.Next(2),
            "cltn" => 60 + r.Next(60),
            _ => 1,
        };
        var lead = jenis switch { "sakit" or "izin" => 0, "alasan_penting" => r.Next(3), _ => 3 + r.Next(14) };
        // Leave dates in the shipped calendar (moving holidays too), so lama_hari is what a recount from the dates gives.
        var mulai = WorkCalendar.LeaveStart(day.AddDays(lead));
        var selesai = WorkCalendar.LeaveEnd(mulai, lama);
        if (selesai > city.End)
        {
            // Near the end of the window: the leave starts at once and is cut at EndDate, so nothing is dated later.
            mulai = WorkCalendar.LeaveStart(day);
            if (mulai > city.End) return null;
            lama = Math.Min(lama, WorkCalendar.Leave.WorkingDaysInclusive(mulai, city.End));
            selesai = WorkCalendar.LeaveEnd(mulai, lama);
        }

        var median = online ? InjectedEffects.OnlineMedianWorkingHours : InjectedEffects.ManualMedianWorkingHours;
        if (city.Slow[unit]) median *= InjectedEffects.SlowUnitFactor;
        var keputusan = WorkCalendar.AddWorkingHours(pengajuan, r.LogNormalMedian(median, 0.7));
        string status, waktuKeputusan;
        // Decided after EndDate, or (rarely, in the last month) stuck with the superior: still pending.
        if (DateOnly.FromDateTime(keputusan) > city.End || (day > city.End.AddDays(-30) && r.Chance(0.05)))
        {
            status = "diajukan";
            waktuKeputusan = "";
        }
        else
        {
            status = r.NextDouble() switch { < 0.91 => "disetujui", < 0.94 => "perubahan", < 0.97 => "ditangguhkan", _ => "ditolak" };
            waktuKeputusan = Stamp(keputusan);
        }
        return [$"CUTI-{p.Nip}-{k:D3}", p.Nip, jenis, online ? "online" : "manual", Stamp(pengajuan), waktuKeputusan, status,
                Iso(mulai), Iso(selesai), lama.ToString(Inv), city.Units[unit].Kode];
    }

    /// <summary>Jenis cuti mix; PPPK have tahunan, sakit, melahirkan and bersama only (PP 49/2018), besar/cltn need 5 years of service.</summary>
    private static string PickJenisCuti(Random r, Person p, DateOnly on)
    {
        var x = r.NextDouble();
        var jenis = x switch
        {
            < 0.52 => "tahunan",
            < 0.68 => "izin",
            < 0.83 => "sakit",
            < 0.89 => "alasan_penting",
            < 0.93 => "bersama",
            < 0.96 => p.Sex == 'P' && p.Birth.AddYears(45) > on ? "melahirkan" : "tahunan",
            < 0.99 => "besar",
            _ => "cltn",
        };
        if (jenis is "besar" or "cltn" && (p.Pppk || p.Tmt.AddYears(5) > on)) jenis = "tahunan";
        if (p.Pppk && jenis is "izin" or "alasan_penting") jenis = r.Chance(0.5) ? "tahunan" : "sakit";
        return jenis;
    }

    /// <summary>Staff at 31 December and those with a completed teknis training that year (level-4 IKM effect).</summary>
    private void CountForIkm(Person p)
    {
        if (p.ActiveOn(city.End)) city.StaffAtEnd[p.PlacementOn(city.End).Unit]++;
        for (var y = city.FirstYear; y <= city.LastYear; y++)
        {
            var dec31 = new DateOnly(y, 12, 31);
            if (dec31 > city.End || !p.ActiveOn(dec31)) continue;
            var unit = p.PlacementOn(dec31).Unit;
            city.Staff[unit, y - city.FirstYear]++;
            if (p.Trainings.Any(t => t.Status == "lulus" && t.Course.Jenis == "teknis" && t.Selesai.Year == y))
                city.TrainedTeknis[unit, y - city.FirstYear]++;
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);
    private static string Stamp(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", Inv);
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
