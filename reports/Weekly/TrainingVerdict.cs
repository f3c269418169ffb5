using Kepegawaian.Reports.Data;

namespace Kepegawaian.Reports.Weekly;

/// <summary>The plain-language verdict on a training group's effect on performance (Kirkpatrick level 3).</summary>
public enum TrainingVerdict
{
    /// <summary>95 % CI above 0 and the adjusted p (q) of the refresh's family at most <see cref="TrainingVerdicts.Alpha"/>.</summary>
    Efektif,
    /// <summary>An estimate from enough participants that does not show a gain (CI reaches 0, or q too high).</summary>
    TidakTerbukti,
    /// <summary>No estimate, or fewer matched participants than the small-cell limit.</summary>
    DataBelumCukup,
}

/// <summary>
/// The one place the verdict is decided: the brief's card, the report's training tables and the dashboard's
/// training view all call <see cref="Of"/>, so they cannot disagree.
/// </summary>
public static class TrainingVerdicts
{
    /// <summary>Level for the multiplicity-adjusted p: ~25 groups are tested per refresh, so an unadjusted 0,05 would pass one by chance.</summary>
    public const double Alpha = 0.05;

    public static TrainingVerdict Of(DiklatDampakRow d, int minCellSize) =>
        d.Att is null || d.CiLow is null || d.CiHigh is null || d.NTreated < minCellSize ? TrainingVerdict.DataBelumCukup
        : d.CiLow > 0 && Adjusted(d) is { } q && q <= Alpha ? TrainingVerdict.Efektif
        : TrainingVerdict.TidakTerbukti;

    /// <summary>Benjamini–Hochberg q when the mart has it, else Holm, else (older marts) the unadjusted p.</summary>
    public static double? Adjusted(DiklatDampakRow d) => d.QBh ?? d.PHolm ?? d.PValue;

    public static string Label(TrainingVerdict v, ReportText t) => v switch
    {
        TrainingVerdict.Efektif => t.T("Efektif", "Effective"),
        TrainingVerdict.TidakTerbukti => t.T("Tidak terbukti", "Not shown"),
        _ => t.T("Data belum cukup", "Too little data"),
    };

    /// <summary>How the verdict is decided, in words, under every table that shows it.</summary>
    public static string Rule(ReportText t, int minCellSize) => t.T(
        $"Efektif: rentang keyakinan 95 % efek pada nilai SKP seluruhnya di atas 0 dan q (p yang disesuaikan untuk banyak uji sekaligus) ≤ {t.N(Alpha, 2)}. "
        + $"Tidak terbukti: ada estimasi, tetapi rentangnya mencakup 0 (atau q terlalu besar). Data belum cukup: tidak ada estimasi atau kurang dari {minCellSize} peserta yang dapat dibandingkan.",
        $"Effective: the 95 % confidence interval of the effect on the SKP score lies wholly above 0 and q (p adjusted for testing many groups at once) ≤ {t.N(Alpha, 2)}. "
        + $"Not shown: there is an estimate, but its interval includes 0 (or q is too large). Too little data: no estimate, or fewer than {minCellSize} comparable participants.");
}

/// <summary>
/// A training group's row in plain language — readable name, verdict, participants and Kirkpatrick 1–4 each with its
/// scale — built once for the report's tables and the dashboard's training view. A level without data says so; a level
/// describing fewer than MinCellSize people reads as the suppression mark.
/// </summary>
public sealed record TrainingPlainRow(string Kode, string Kelompok, TrainingVerdict Verdict, string Putusan, long Peserta, bool PesertaHidden,
    string Level1, string Level2, string Level3, string Level4)
{
    public static TrainingPlainRow Of(DiklatDampakRow d, ReportText t, int minCell)
    {
        var small = ReportText.Suppressed(minCell);
        var none = t.T("tidak ada data", "no data");
        var verdict = TrainingVerdicts.Of(d, minCell);
        string Ci(double? lo, double? hi) => lo is { } l && hi is { } h ? $" ({t.N(l)} {t.T("s.d.", "to")} {t.N(h)})" : "";
        var l1 = d.Reaksi is not { } r ? none
            : d.NReaksi > 0 && d.NReaksi < minCell ? small
            : $"{t.N(r)} {t.T("dari", "of")} 5" + (d.NReaksi > 0 ? $" (n={t.Int(d.NReaksi)})" : "");
        var l2 = d.GainTest is not { } g ? none
            : d.NTest > 0 && d.NTest < minCell ? small
            : t.Signed(g) + Ci(d.GainCiLow, d.GainCiHigh) + (d.NTest > 0 ? $" (n={t.Int(d.NTest)})" : "");
        var l3 = d.NTreated < minCell && d.NTreated > 0 ? small
            : d.Att is not { } att ? t.T("tidak ada estimasi", "no estimate")
            : t.Signed(att) + Ci(d.CiLow, d.CiHigh);
        var l4 = d.IkmChange is not { } ikm ? none
            : t.Signed(ikm) + " " + t.T($"({t.Int(d.IkmNUnit)} unit-tahun)", $"({t.Int(d.IkmNUnit)} unit-years)");
        return new TrainingPlainRow(d.Kelompok, Name(d), verdict, TrainingVerdicts.Label(verdict, t), d.NTreated, d.NTreated > 0 && d.NTreated < minCell, l1, l2, l3, l4);
    }

    /// <summary>Kinds of training read as words ("e_learning" → "E learning"); course codes stay codes (they are what HR looks up).</summary>
    public static string Name(DiklatDampakRow d) => d.JenisKelompok == Kepegawaian.Analytics.Training.TrainingGroup.Jenis ? ReportText.Readable(d.Kelompok) : d.Kelompok;

    /// <summary>Column headers: each Kirkpatrick level with its scale.</summary>
    public static IReadOnlyList<string> Headers(ReportText t, bool courses) =>
    [
        courses ? t.T("Mata diklat (kode)", "Course (code)") : t.T("Jenis diklat", "Kind of training"),
        t.T("Putusan", "Verdict"),
        t.T("Peserta dibandingkan", "Participants compared"),
        t.T("L1 Reaksi (rata-rata, skala 1–5)", "L1 Reaction (mean, scale 1–5)"),
        t.T("L2 Pembelajaran: kenaikan nilai tes pasca − pra (poin, IK 95 %)", "L2 Learning: post − pre test gain (points, 95 % CI)"),
        t.T("L3 Perilaku: perubahan nilai SKP dibanding kontrol (IK 95 %)", "L3 Behaviour: change in SKP score vs controls (95 % CI)"),
        t.T("L4 Hasil: perubahan IKM unit yang banyak dilatih (poin, deskriptif)", "L4 Results: IKM change of largely trained units (points, descriptive)"),
    ];
}
