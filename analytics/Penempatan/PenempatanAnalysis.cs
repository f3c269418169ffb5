using DuckDB.NET.Data;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>mart_pensiun: one unit × jabatan group × year after the reference date.</summary>
public sealed record PensiunRow(DateOnly TanggalAcuan, string KodeUnit, string? NamaUnit, string Kelompok, int? Bup, long Pegawai,
    int TahunKe, DateOnly PeriodeMulai, DateOnly PeriodeSelesai, long? Pensiun, long? PensiunKumulatif, double? ShareKumulatif, long TanpaBup);

/// <summary>mart_pensiun_gelombang: one unit × jabatan group, the retirement-wave flag.</summary>
public sealed record GelombangRow(DateOnly TanggalAcuan, string KodeUnit, string? NamaUnit, string Kelompok, int? Bup, string Dasar, long Pegawai,
    DateOnly BatasTanggal, long? PensiunJendela, double? ShareJendela, bool? Gelombang, long LewatBup, long TanpaBup);

/// <summary>mart_masa_kerja: one unit, tenure and rotation.</summary>
public sealed record MasaKerjaRow(DateOnly TanggalAcuan, string KodeUnit, string? NamaUnit, long Pegawai,
    double? MedianTahunUnit, long NUnitLebih5, double? ShareUnitLebih5, double? MedianTahunJabatan, long NJabatanLebih5, double? ShareJabatanLebih5,
    long NSejakTmt, DateOnly? RotasiTerakhir, double? TahunSejakRotasi, bool? TanpaRotasi,
    long Masuk12Bulan, long Keluar12Bulan, long Pensiun12Bulan, long Berhenti12Bulan);

/// <summary>mart_mutasi_tahunan: placement events per unit, calendar year, jenis_mutasi and direction.</summary>
public sealed record MutasiTahunanRow(string KodeUnit, int Tahun, string JenisMutasi, string Arah, long N);

/// <summary>Everything the placement marts hold, computed at one reference date.</summary>
public sealed record PenempatanResult(DateOnly TanggalAcuan, IReadOnlyList<PensiunRow> Pensiun, IReadOnlyList<GelombangRow> Gelombang,
    IReadOnlyList<MasaKerjaRow> MasaKerja, IReadOnlyList<MutasiTahunanRow> MutasiTahunan);

/// <summary>
/// Retirement wave and tenure (issue 15) from dim_employee (SCD2) and fact_mutasi, at a reference date. SELECTs only, so it
/// runs on a read-only connection too (`penempatan --per DATE`); <see cref="PenempatanMarts"/> stores the result.
/// Years after the reference date are rolling: year k = (acuan + (k−1) years, acuan + k years], so the wave window
/// (<see cref="PenempatanOptions.GelombangYears"/>) is exactly the sum of its first years and no figure follows from another by subtraction.
/// </summary>
public static class PenempatanAnalysis
{
    public const int Years = 5;
    private const double DaysPerYear = 365.25;

    /// <summary>The configured reference date, else the data-through date of the personnel data; null when there are no employees.</summary>
    public static DateOnly? ReferenceDate(DuckDBConnection c, PenempatanOptions? options = null)
    {
        if (options?.ReferenceDate is { } d) return d;
        using var cmd = c.Command(Sql("acuan"));
        var v = cmd.ExecuteScalar();
        return v is null or DBNull ? null : Date(v);
    }

    /// <summary>Employees in service (pegawai.sql) counted per unit × jabatan group × birth month (the first of it).</summary>
    private sealed record Jabatan(string Unit, string Kelompok, DateOnly? LahirBulan, long N);

    /// <summary>Employees in service counted per unit × start of their stay in the unit (or in the position); NTmt: of them from tmt_cpns.</summary>
    private sealed record Sejak(string Unit, DateOnly Tanggal, long N, long NTmt);

    private sealed record Peristiwa(string Unit, string Jenis, string Arah, DateOnly Tanggal, bool Rotasi);

    public static PenempatanResult Compute(DuckDBConnection c, DateOnly acuan, PenempatanOptions? options = null, BupRules? rules = null)
    {
        options ??= new PenempatanOptions();
        rules ??= BupRules.Load(options);
        var names = MartReader.Read(c, "SELECT kode_unit, nama_unit FROM dim_unit", r => (r.GetString(0), r.GetString(1)))
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        var perJabatan = new List<Jabatan>();
        var (sejakUnit, sejakJabatan) = (new List<Sejak>(), new List<Sejak>());
        // The group is read from nama_jabatan by regex: once per distinct jabatan, not per row.
        var kelompok = new Dictionary<(string?, string), string>();
        using (var cmd = c.Command(Sql("pegawai"), ("acuan", acuan)))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var (per, unit, n) = (r.GetString(0), r.GetString(1), r.GetInt64(6));
                if (per == "jabatan")
                {
                    var key = (r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3));
                    if (!kelompok.TryGetValue(key, out var k)) kelompok[key] = k = BupRules.Kelompok(key.Item1, key.Item2);
                    perJabatan.Add(new Jabatan(unit, k, r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4), n));
                }
                else (per == "unit" ? sejakUnit : sejakJabatan).Add(new Sejak(unit, r.GetFieldValue<DateOnly>(5), n, r.GetInt64(7)));
            }
        var events = MartReader.Read(c, Sql("mutasi"), r => new Peristiwa(r.GetString(0), r.GetString(1), r.GetString(2), Date(r.GetValue(3)), r.GetBoolean(4)),
            ("acuan", acuan));
        string? Nama(string k) => names.GetValueOrDefault(k);

        var pensiun = new List<PensiunRow>();
        var gelombang = new List<GelombangRow>();
        var batas = acuan.AddYears(options.GelombangYears);
        foreach (var g in perJabatan.GroupBy(p => (p.Unit, p.Kelompok)).OrderBy(g => g.Key.Unit, StringComparer.Ordinal).ThenBy(g => g.Key.Kelompok, StringComparer.Ordinal))
        {
            var n = g.Sum(p => p.N);
            var bup = rules.Bup(g.Key.Kelompok);
            var tmt = g.Select(p => (Tmt: rules.TmtPensiun(p.LahirBulan, g.Key.Kelompok), p.N)).ToList();
            long Count(Func<DateOnly?, bool> p) => tmt.Where(t => p(t.Tmt)).Sum(t => t.N);
            var tanpaBup = Count(t => t is null);
            long? Between(DateOnly from, DateOnly to) => bup is null ? null : Count(t => t > from && t <= to);
            for (var k = 1; k <= Years; k++)
            {
                var (mulai, selesai) = (acuan.AddYears(k - 1), acuan.AddYears(k));
                var kumulatif = Between(acuan, selesai);
                pensiun.Add(new PensiunRow(acuan, g.Key.Unit, Nama(g.Key.Unit), g.Key.Kelompok, bup, n, k, mulai, selesai,
                    Between(mulai, selesai), kumulatif, kumulatif is { } x ? (double)x / n : null, tanpaBup));
            }
            var jendela = Between(acuan, batas);
            double? share = jendela is { } j ? (double)j / n : null;
            gelombang.Add(new GelombangRow(acuan, g.Key.Unit, Nama(g.Key.Unit), g.Key.Kelompok, bup, rules.Dasar(g.Key.Kelompok), n, batas,
                jendela, share, share is { } s ? (bool?)(s >= options.GelombangShare && jendela > 0) : null,
                Count(t => t <= acuan), tanpaBup));
        }

        var byUnit = events.ToLookup(e => e.Unit, StringComparer.Ordinal);
        var dataFrom = events.Count == 0 ? (DateOnly?)null : events.Min(e => e.Tanggal);
        var rotasiSejak = acuan.AddYears(-options.TanpaRotasiYears);
        var tahunLalu = acuan.AddYears(-1);
        var masaKerja = new List<MasaKerjaRow>();
        var jabatanByUnit = sejakJabatan.ToLookup(p => p.Unit, StringComparer.Ordinal);
        foreach (var g in sejakUnit.GroupBy(p => p.Unit).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var n = g.Sum(p => p.N);
            var unit = g.Select(p => (Tahun(p.Tanggal, acuan), p.N)).ToList();
            var jabatan = jabatanByUnit[g.Key].Select(p => (Tahun(p.Tanggal, acuan), p.N)).ToList();
            var ev = byUnit[g.Key].ToList();
            var last = ev.Where(e => e.Rotasi).Select(e => (DateOnly?)e.Tanggal).Max();
            // No rotation within N years is only a finding when the mutasi data reach back N years.
            bool? tanpa = last is { } l && l > rotasiSejak ? false : dataFrom is { } f && f <= rotasiSejak ? true : null;
            long Count(Func<Peristiwa, bool> p) => ev.LongCount(e => e.Tanggal > tahunLalu && p(e));
            var lebihUnit = unit.Where(y => y.Item1 > 5).Sum(y => y.N);
            var lebihJab = jabatan.Where(y => y.Item1 > 5).Sum(y => y.N);
            masaKerja.Add(new MasaKerjaRow(acuan, g.Key, Nama(g.Key), n,
                Median(unit), lebihUnit, (double)lebihUnit / n, Median(jabatan), lebihJab, (double)lebihJab / n,
                g.Sum(p => p.NTmt), last, last is { } d ? Tahun(d, acuan) : null, tanpa,
                Count(e => e.Arah == "masuk" && e.Rotasi), Count(e => e.Arah == "keluar" && e.Rotasi),
                Count(e => e.Jenis == "pensiun"), Count(e => e.Jenis == "berhenti")));
        }

        var tahunan = events.GroupBy(e => (e.Unit, e.Tanggal.Year, e.Jenis, e.Arah))
            .OrderBy(x => x.Key.Unit, StringComparer.Ordinal).ThenBy(x => x.Key.Year).ThenBy(x => x.Key.Jenis, StringComparer.Ordinal).ThenBy(x => x.Key.Arah, StringComparer.Ordinal)
            .Select(x => new MutasiTahunanRow(x.Key.Unit, x.Key.Year, x.Key.Jenis, x.Key.Arah, x.LongCount()))
            .ToList();
        return new PenempatanResult(acuan, pensiun, gelombang, masaKerja, tahunan);
    }

    /// <summary>Years from <paramref name="from"/> to <paramref name="to"/> (days / 365.25).</summary>
    public static double Tahun(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber) / DaysPerYear;

    /// <summary>The median of values given with their counts (each value once).</summary>
    private static double? Median(List<(double Value, long N)> values)
    {
        var total = values.Sum(v => v.N);
        if (total == 0) return null;
        var s = values.OrderBy(v => v.Value).ToList();
        double At(long i)
        {
            foreach (var (value, n) in s)
                if ((i -= n) < 0) return value;
            throw new ArgumentOutOfRangeException(nameof(i));
        }
        var m = total / 2;
        return total % 2 == 1 ? At(m) : (At(m - 1) + At(m)) / 2;
    }

    private static DateOnly Date(object v) => v switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => throw new InvalidCastException($"Not a date: {v.GetType()}"),
    };

    internal static string Sql(string name) => SqlResources.Read(typeof(PenempatanAnalysis).Assembly, $"penempatan/{name}.sql");
}
