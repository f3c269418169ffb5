using System.Numerics;

namespace Kepegawaian.Analytics.Ikm;

/// <summary>A mutu/kinerja grade of the IKM interval table (PermenPANRB 14/2017, lampiran).</summary>
public sealed record IkmGrade(string Mutu, string Kinerja, int Rank);

/// <summary>
/// The arithmetic of the Indeks Kepuasan Masyarakat, PermenPANRB 14/2017, kept in one place.
/// NRR_i = mean of the non-empty answers to element i; IKM = (Σ NRR_i) × 1/9 × 25, computed with
/// exact rational arithmetic and rounded once, to 2 decimals, half away from zero. Rounding NRR
/// early or using the printed weight 0,111 moves results by up to ~0.9 points (domain.md).
/// </summary>
public static class IkmScale
{
    public const int ElementCount = 9;

    /// <summary>Element names in the order u1…u9 that the project expects (spec §3.7).</summary>
    public static readonly IReadOnlyList<string> ElementNames =
    [
        "Persyaratan",
        "Sistem, Mekanisme dan Prosedur",
        "Waktu Penyelesaian",
        "Biaya/Tarif",
        "Produk Spesifikasi Jenis Pelayanan",
        "Kompetensi Pelaksana",
        "Perilaku Pelaksana",
        "Penanganan Pengaduan, Saran dan Masukan",
        "Sarana dan Prasarana",
    ];

    public static readonly IkmGrade A = new("A", "Sangat Baik", 4);
    public static readonly IkmGrade B = new("B", "Baik", 3);
    public static readonly IkmGrade C = new("C", "Kurang Baik", 2);
    public static readonly IkmGrade D = new("D", "Tidak Baik", 1);

    /// <summary>
    /// Grade of an IKM already rounded to 2 decimals (so the grade agrees with the printed number).
    /// Converted interval bands 25,00–64,99 D; 65,00–76,60 C; 76,61–88,30 B; 88,31–100,00 A.
    /// </summary>
    public static IkmGrade Grade(decimal roundedIkm) => roundedIkm switch
    {
        >= 88.31m => A,
        >= 76.61m => B,
        >= 65.00m => C,
        _ => D,
    };

    public static IkmGrade? GradeOf(string? mutu) => mutu switch
    {
        "A" => A, "B" => B, "C" => C, "D" => D, _ => null,
    };

    /// <summary>
    /// IKM from per-element answer sums and counts of non-empty answers. Returns null when an
    /// element has no answer at all (its NRR is undefined, so Σ NRR_i / 9 is too).
    /// </summary>
    public static decimal? Ikm(IReadOnlyList<long> sums, IReadOnlyList<long> counts)
    {
        if (sums.Count != ElementCount || counts.Count != ElementCount)
            throw new ArgumentException("IKM needs exactly nine elements.");
        // Σ s_i/n_i as one exact fraction num/den.
        BigInteger num = 0, den = 1;
        for (var i = 0; i < ElementCount; i++)
        {
            if (counts[i] <= 0) return null;
            num = num * counts[i] + sums[i] * den;
            den *= counts[i];
        }
        // 100 × IKM = 2500 × num / (9 × den); round half away from zero (all values positive).
        var q = 2500 * num;
        var d = 9 * den;
        var hundredths = (2 * q + d) / (2 * d);
        return (decimal)hundredths / 100m;
    }

    /// <summary>Unrounded IKM as a double, for interval arithmetic only (never for grading).</summary>
    public static double? IkmExact(IReadOnlyList<long> sums, IReadOnlyList<long> counts)
    {
        double total = 0;
        for (var i = 0; i < ElementCount; i++)
        {
            if (counts[i] <= 0) return null;
            total += (double)sums[i] / counts[i];
        }
        return total / ElementCount * 25.0;
    }

    /// <summary>NRR of one element; null when nobody answered it.</summary>
    public static double? Nrr(long sum, long count) => count > 0 ? (double)sum / count : null;

    /// <summary>
    /// The one rule for an indicative grade: a group whose respondents are below its Krejcie–Morgan minimum
    /// (<c>sampel_cukup = false</c>) gets a mutu that the sample cannot support (PermenPANRB 14/2017 refers to the
    /// table), so every output marks it. Unknown sufficiency (no population on record) is not marked: there is
    /// no minimum to fall short of.
    /// </summary>
    public static bool Indicative(bool? sampelCukup) => sampelCukup == false;

    /// <summary>The mutu as printed: "B", or "B*" when <see cref="Indicative"/>; null/blank stays as it is.</summary>
    public static string? MutuLabel(string? mutu, bool? sampelCukup) =>
        string.IsNullOrWhiteSpace(mutu) || !Indicative(sampelCukup) ? mutu?.Trim() : mutu.Trim() + IndicativeMark;

    /// <summary>The mark after an indicative grade; the footnote explains it once per output.</summary>
    public const string IndicativeMark = "*";

    /// <summary>
    /// Krejcie &amp; Morgan (1970) minimum sample, as referred to by PermenPANRB 14/2017:
    /// s = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)), χ² = 3.841, P = 0.5, d = 0.05. The published table
    /// rounds to the nearest whole respondent (N 20 → 19.06 → 19, N 50 → 44.34 → 44), so we do too;
    /// rounding up would disagree with the table the regulation cites.
    /// </summary>
    public static int? KrejcieMorganMinimum(long? population)
    {
        if (population is not > 0) return null;
        const double chi2 = 3.841, p = 0.5, d = 0.05;
        double n = population.Value;
        var s = chi2 * n * p * (1 - p) / (d * d * (n - 1) + chi2 * p * (1 - p));
        return (int)Math.Min(n, Math.Round(s, MidpointRounding.AwayFromZero));
    }
}
