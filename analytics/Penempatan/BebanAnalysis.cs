using DuckDB.NET.Data;
using Kepegawaian.Analytics.Performance;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>mart_beban: one unit, its staff against its service load over the 12 months before the reference date.</summary>
public sealed record BebanRow(DateOnly TanggalAcuan, DateOnly PeriodeMulai, string KodeUnit, string? NamaUnit, string JenisUnit,
    long Pegawai, long RespondenSkm, long PengajuanCuti, long? Populasi,
    double? RespondenPerPegawai, double? CutiPerPegawai, double? PopulasiPerPegawai,
    bool Dinilai, long UnitSebanding, double? MedianRespondenPerPegawai, double? RasioMedian,
    double? MedianPopulasiPerPegawai, double? RasioMedianPopulasi, string? Kategori, long? TambahanPegawaiKeMedian);

/// <summary>
/// Staffing against load (issue 15 item 1). Window: the 12 months (acuan − 1 year, acuan]. Load measure driving the
/// flag: <b>SKM respondents per employee</b> — a proxy for service volume (a survey sample, not a count of services
/// delivered; a unit that surveys more looks busier). A unit is <see cref="BebanRow.Dinilai">rated</see> when it has at
/// least <see cref="PenempatanOptions.BebanMinPegawai"/> staff (small-cell rule) and at least one respondent in the
/// window (no survey = unknown load, not zero). The median is taken per jenis_unit over its rated units, and only when
/// the group has at least <see cref="PenempatanOptions.BebanMinUnit"/> of them (an even count averages the middle two).
/// kategori: <c>tinggi</c> when the ratio to the median is ≥ <see cref="PenempatanOptions.BebanRasioTinggi"/> (too few
/// staff for the load: the brief's alert), <c>rendah</c> when ≤ <see cref="PenempatanOptions.BebanRasioRendah"/>,
/// else <c>wajar</c>. tambahan_pegawai_ke_median = ceil(respondents / median) − staff when positive, else 0.
/// Leave requests and population per employee are shown beside it, not flagged (leave requests grow with the staff
/// itself; population is optional). SELECTs only: runs on a read-only connection (<c>--per DATE</c>).
/// </summary>
public static class BebanAnalysis
{
    public const string KategoriTinggi = "tinggi";
    public const string KategoriRendah = "rendah";
    public const string KategoriWajar = "wajar";

    private sealed record Mentah(string Kode, string? Nama, string Jenis, long Pegawai, long Responden, long Cuti, long? Populasi);

    public static IReadOnlyList<BebanRow> Compute(DuckDBConnection c, DateOnly acuan, PenempatanOptions? options = null)
    {
        options ??= new PenempatanOptions();
        var dari = acuan.AddYears(-1);
        var raw = MartReader.Read(c, PenempatanAnalysis.Sql("beban"), r => new Mentah(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2),
                r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.IsDBNull(6) ? null : r.GetInt64(6)),
            ("acuan", acuan), ("dari", dari));
        bool Besar(Mentah u) => u.Pegawai >= options.BebanMinPegawai;
        bool Dinilai(Mentah u) => Besar(u) && u.Responden > 0;
        var rows = new List<BebanRow>();
        foreach (var g in raw.GroupBy(u => u.Jenis, StringComparer.Ordinal))
        {
            var rated = g.Where(Dinilai).ToList();
            var median = rated.Count >= options.BebanMinUnit ? Median(rated.Select(u => (double)u.Responden / u.Pegawai)) : null;
            var withPop = g.Where(u => Besar(u) && u.Populasi is > 0).ToList();
            var medianPop = withPop.Count >= options.BebanMinUnit ? Median(withPop.Select(u => (double)u.Populasi!.Value / u.Pegawai)) : null;
            foreach (var u in g)
            {
                var big = Besar(u);
                var dinilai = Dinilai(u);
                double? rpp = big ? (double)u.Responden / u.Pegawai : null;
                double? ppp = big && u.Populasi is > 0 ? (double)u.Populasi.Value / u.Pegawai : null;
                double? rasio = dinilai && median is > 0 ? rpp / median : null;
                double? rasioPop = ppp is { } p && medianPop is > 0 ? p / medianPop : null;
                string? kategori = rasio is not { } x ? null
                    : x >= options.BebanRasioTinggi ? KategoriTinggi : x <= options.BebanRasioRendah ? KategoriRendah : KategoriWajar;
                long? tambahan = rasio is null ? null : Math.Max(0, PegawaiUntuk(u.Responden, median!.Value) - u.Pegawai);
                rows.Add(new BebanRow(acuan, dari, u.Kode, u.Nama, u.Jenis, u.Pegawai, u.Responden, u.Cuti, u.Populasi,
                    rpp, big ? (double)u.Cuti / u.Pegawai : null, ppp, dinilai, rated.Count,
                    median, rasio, medianPop, rasioPop, kategori, tambahan));
            }
        }
        return rows.OrderBy(r => r.KodeUnit, StringComparer.Ordinal).ToList();
    }

    /// <summary>Staff needed for <paramref name="load"/> at <paramref name="perPegawai"/> per employee: ceil(load / perPegawai), tolerant of rounding (90 / 9 = 10, not 11).</summary>
    public static long PegawaiUntuk(long load, double perPegawai) => (long)Math.Ceiling(load / perPegawai - 1e-9);

    private static double? Median(IEnumerable<double> values)
    {
        var s = values.Order().ToList();
        if (s.Count == 0) return null;
        var m = s.Count / 2;
        return s.Count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
