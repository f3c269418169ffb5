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

    private sealed record Pegawai(string Nip, string Unit, string Kelompok, DateOnly? Lahir, DateOnly SejakUnit, bool SejakTmtUnit, DateOnly SejakJabatan);

    private sealed record Peristiwa(string Unit, string Jenis, string Arah, DateOnly Tanggal, bool Rotasi);

    public static PenempatanResult Compute(DuckDBConnection c, DateOnly acuan, PenempatanOptions? options = null, BupRules? rules = null)
    {
        options ??= new PenempatanOptions();
        rules ??= BupRules.Load(options);
        var names = MartReader.Read(c, "SELECT kode_unit, nama_unit FROM dim_unit", r => (r.GetString(0), r.GetString(1)))
            .ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        var pegawai = MartReader.Read(c, Sql("pegawai"), r => new Pegawai(r.GetString(0), r.GetString(1),
                BupRules.Kelompok(r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3)),
                r.IsDBNull(4) ? null : Date(r.GetValue(4)), Date(r.GetValue(5)), r.GetBoolean(6), Date(r.GetValue(7))),
            ("acuan", acuan));
        var events = MartReader.Read(c, Sql("mutasi"), r => new Peristiwa(r.GetString(0), r.GetString(1), r.GetString(2), Date(r.GetValue(3)), r.GetBoolean(4)),
            ("acuan", acuan));
        string? Nama(string k) => names.GetValueOrDefault(k);

        var pensiun = new List<PensiunRow>();
        var gelombang = new List<GelombangRow>();
        var batas = acuan.AddYears(options.GelombangYears);
        foreach (var g in pegawai.GroupBy(p => (p.Unit, p.Kelompok)).OrderBy(g => g.Key.Unit, StringComparer.Ordinal).ThenBy(g => g.Key.Kelompok, StringComparer.Ordinal))
        {
            var n = g.LongCount();
            var bup = rules.Bup(g.Key.Kelompok);
            var tmt = g.Select(p => rules.TmtPensiun(p.Lahir, g.Key.Kelompok)).ToList();
            var tanpaBup = tmt.LongCount(t => t is null);
            long? Between(DateOnly from, DateOnly to) => bup is null ? null : tmt.LongCount(t => t > from && t <= to);
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
                tmt.LongCount(t => t <= acuan), tanpaBup));
        }

        var byUnit = events.ToLookup(e => e.Unit, StringComparer.Ordinal);
        var dataFrom = events.Count == 0 ? (DateOnly?)null : events.Min(e => e.Tanggal);
        var rotasiSejak = acuan.AddYears(-options.TanpaRotasiYears);
        var tahunLalu = acuan.AddYears(-1);
        var masaKerja = new List<MasaKerjaRow>();
        foreach (var g in pegawai.GroupBy(p => p.Unit).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var n = g.LongCount();
            var unit = g.Select(p => Tahun(p.SejakUnit, acuan)).ToList();
            var jabatan = g.Select(p => Tahun(p.SejakJabatan, acuan)).ToList();
            var ev = byUnit[g.Key].ToList();
            var last = ev.Where(e => e.Rotasi).Select(e => (DateOnly?)e.Tanggal).Max();
            // No rotation within N years is only a finding when the mutasi data reach back N years.
            bool? tanpa = last is { } l && l > rotasiSejak ? false : dataFrom is { } f && f <= rotasiSejak ? true : null;
            long Count(Func<Peristiwa, bool> p) => ev.LongCount(e => e.Tanggal > tahunLalu && p(e));
            var lebihUnit = unit.LongCount(y => y > 5);
            var lebihJab = jabatan.LongCount(y => y > 5);
            masaKerja.Add(new MasaKerjaRow(acuan, g.Key, Nama(g.Key), n,
                Median(unit), lebihUnit, (double)lebihUnit / n, Median(jabatan), lebihJab, (double)lebihJab / n,
                g.LongCount(p => p.SejakTmtUnit), last, last is { } d ? Tahun(d, acuan) : null, tanpa,
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

    private static double? Median(List<double> values)
    {
        if (values.Count == 0) return null;
        var s = values.Order().ToList();
        var m = s.Count / 2;
        return s.Count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    private static DateOnly Date(object v) => v switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => throw new InvalidCastException($"Not a date: {v.GetType()}"),
    };

    internal static string Sql(string name) => SqlResources.Read(typeof(PenempatanAnalysis).Assembly, $"penempatan/{name}.sql");
}
