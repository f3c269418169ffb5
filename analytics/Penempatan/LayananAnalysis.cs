using DuckDB.NET.Data;
using Kepegawaian.Analytics.Efficiency;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Penempatan;

/// <summary>mart_penempatan_layanan: one service unit, its staffing beside its service (issue 15 item 5).</summary>
public sealed record LayananRow(DateOnly TanggalAcuan, DateOnly PeriodeMulai, string KodeUnit, string? NamaUnit, string JenisUnit,
    long Pegawai, double? RespondenPerPegawai, double? RasioBeban, string? KategoriBeban,
    double? MedianTahunUnit,
    string? IkmPeriode, decimal? Ikm, long IkmResponden,
    long CutiN, double? CutiMedianHariKerja, string Catatan);

/// <summary>
/// Placement and service side by side (issue 15 item 5), per SKM service unit (a unit with respondents in the 12 months
/// (acuan − 1 year, acuan]): load per employee and its ratio to the jenis_unit median (<see cref="BebanAnalysis"/>), median
/// years in the unit (<see cref="PenempatanAnalysis"/>), the IKM of the latest quarter up to acuan that has one
/// (<see cref="IkmAnalysis"/>, PermenPANRB 14/2017) and the Kaplan–Meier median leave processing time in working days of the
/// requests filed in the window, pending ones censored at the end of acuan (<see cref="EfisiensiAnalysis.Waktu(DuckDBConnection, WorkingCalendar, DateTime, IEnumerable{string}, DateTime?, DateTime?, string?)"/>).
/// Each figure keeps its one definition; this only puts them beside each other. The columns are an <b>association</b> between
/// units, not an effect of staffing on service (<see cref="IkmAssociation.Note"/>, the caution of the training analyses):
/// busier units may also differ in the people they serve. SELECTs only.
/// </summary>
public static class LayananAnalysis
{
    /// <summary>The variables correlated with IKM across units in mart_penempatan_layanan_korelasi.</summary>
    public static readonly IReadOnlyList<string> Variables = ["rasio_beban", "median_tahun_unit", "cuti_median_hari_kerja"];

    public static IReadOnlyList<LayananRow> Compute(DuckDBConnection c, DateOnly acuan, IReadOnlyList<BebanRow> beban, PenempatanResult hasil,
        EfisiensiOptions? efisiensi = null)
    {
        var masa = hasil.MasaKerja.ToDictionary(m => m.KodeUnit, StringComparer.Ordinal);
        var besok = acuan.AddDays(1);
        var ikm = IkmAnalysis.Compute(c, new IkmFilter(Level: IkmLevel.Unit, Sampai: besok))
            .Where(x => x.JenisPeriode == "triwulan" && x.PeriodeMulai <= acuan && x.Ikm is not null)
            .GroupBy(x => x.KodeUnit, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(x => x.PeriodeMulai)!, StringComparer.Ordinal);
        var akhir = besok.ToDateTime(TimeOnly.MinValue);
        var cuti = EfisiensiAnalysis.Waktu(c, WorkingCalendar.Load(efisiensi?.ExtraHolidays), akhir, ["unit"],
                mulai: acuan.AddYears(-1).AddDays(1).ToDateTime(TimeOnly.MinValue), akhir: akhir)
            .Where(w => w.KodeUnit is not null)
            .ToDictionary(w => w.KodeUnit!, StringComparer.Ordinal);
        return beban.Where(b => b.RespondenSkm > 0)
            .Select(b =>
            {
                var m = masa.GetValueOrDefault(b.KodeUnit);
                var q = ikm.GetValueOrDefault(b.KodeUnit);
                var w = cuti.GetValueOrDefault(b.KodeUnit);
                return new LayananRow(acuan, b.PeriodeMulai, b.KodeUnit, b.NamaUnit, b.JenisUnit, b.Pegawai, b.RespondenPerPegawai, b.RasioMedian, b.Kategori,
                    m?.MedianTahunUnit, q?.Periode, q?.Ikm, q?.Responden ?? 0, w?.N ?? 0, w?.MedianHariKerja, IkmAssociation.Note);
            })
            .OrderBy(r => r.KodeUnit, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Pearson r across units between IKM and each of <see cref="Variables"/>, with its Fisher-z 95 % interval
    /// (<see cref="IkmAssociation.Correlate"/>), over the rows a policy output may show (<paramref name="publik"/>).
    /// </summary>
    public static IReadOnlyList<IkmCorrelation> Correlations(IReadOnlyList<LayananPublikRow> publik, DateOnly acuan) =>
        Variables.Select(v => IkmAssociation.Correlate(acuan.Year, v, publik
                .Where(r => r.Ikm is not null && Value(r, v) is not null)
                .Select(r => ((double)r.Ikm!.Value, Value(r, v)!.Value)).ToList()))
            .ToList();

    private static double? Value(LayananPublikRow r, string variable) => variable switch
    {
        "rasio_beban" => r.RasioBeban,
        "median_tahun_unit" => r.MedianTahunUnit,
        "cuti_median_hari_kerja" => r.CutiMedianHariKerja,
        _ => throw new ArgumentOutOfRangeException(nameof(variable)),
    };
}
