namespace Kepegawaian.Etl.Synthetic;

/// <summary>
/// The causal structure built into the synthetic data, so estimators can be checked against a known truth.
/// nilai_skp of employee i in quarter q (spec §3.5):
/// <c>SkpBase + baseline_i + unitEffect_u + TrendPerQuarter·q + Σ training effects + N(0, NoiseSd)</c>,
/// clipped to 0…120 and rounded to 1 decimal; the annual row is the mean of that year's quarters.
/// </summary>
public static class InjectedEffects
{
    /// <summary>City-wide mean nilai_skp at the first quarter of the first year.</summary>
    public const double SkpBase = 78.0;

    /// <summary>SD of the employee's persistent baseline (the "ability" that also drives selection into training).</summary>
    public const double BaselineSd = 5.0;

    /// <summary>SD of the persistent unit effect (each unit's level differs, so unit must be controlled for).</summary>
    public const double UnitEffectSd = 3.0;

    /// <summary>Common time trend: +0.4 nilai_skp per quarter for everyone, so a naive pre/post is biased upward.</summary>
    public const double TrendPerQuarter = 0.4;

    /// <summary>SD of the quarter-level noise.</summary>
    public const double NoiseSd = 6.0;

    /// <summary>
    /// Effect on nilai_skp of completing (<c>lulus</c>) a training of each jenis_pelatihan. It applies from the first
    /// quarter that starts after tanggal_selesai onward and persists. Effects add over jenis; within one jenis it
    /// counts once per employee-year (a second teknis course in the same year adds nothing more; one in a later year
    /// adds again). Not-passed trainings (tidak_lulus, mengundurkan_diri) have no effect.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, double> SkpEffectByJenis = new SortedDictionary<string, double>(StringComparer.Ordinal)
    {
        ["latsar"] = Latsar,
        ["manajerial"] = Manajerial,
        ["teknis"] = Teknis,
        ["fungsional"] = Fungsional,
        ["e_learning"] = ELearning,
        ["sosial_kultural"] = SosialKultural,
    };

    public const double Latsar = 3.0;
    public const double Manajerial = 4.0;
    public const double Teknis = 2.5;
    public const double Fungsional = 2.0;
    public const double ELearning = 1.0;
    /// <summary>The zero-effect group: an estimator should find no effect here.</summary>
    public const double SosialKultural = 0.0;

    /// <summary>
    /// Selection into training: the yearly probability of attending manajerial and teknis training is
    /// <c>p = base · exp(SelectionSlope · baseline_i)</c> (capped at 0.95), so better performers train more and a naive
    /// post-only treated-vs-untrained comparison is biased upward by roughly SelectionSlope·BaselineSd² per unit of
    /// effect-free difference. Matching on the pre-period outcome removes it.
    /// </summary>
    public const double SelectionSlope = 0.08;

    /// <summary>
    /// Kirkpatrick level 4: a service unit's IKM rises by this many points (on the 25–100 scale) in every quarter of the
    /// calendar year after a year in which at least <see cref="IkmTrainingShareThreshold"/> of its staff (active at
    /// 31 December) completed a <c>teknis</c> training. Implemented as +IkmRise/25 on the mean answer of every element,
    /// so the realised rise is approximate (answers are rounded and clamped to 1…4).
    /// </summary>
    public const double IkmRiseAfterTraining = 2.0;

    /// <summary>Share of a unit's staff with a completed teknis training in a year that triggers <see cref="IkmRiseAfterTraining"/>.</summary>
    public const double IkmTrainingShareThreshold = 0.5;

    /// <summary>Service units whose IKM falls steadily (to trigger worsening-unit alerts).</summary>
    public static readonly IReadOnlyList<string> DecliningSkmUnits = ["KEC-KERTAPATI", "KEL-SUNGAI-SELINCAH", "RSUD-GANDUS", "KEL-TALANG-JAMBE"];

    /// <summary>IKM points lost per quarter by each of <see cref="DecliningSkmUnits"/>.</summary>
    public const double DeclinePerQuarter = -1.2;

    /// <summary>Mean answer offset per SKM element u1…u9 (u3 Waktu Penyelesaian and u8 Penanganan Pengaduan are weak; u4 Biaya is mostly free).</summary>
    public static readonly IReadOnlyList<double> SkmElementOffset = [0.05, 0.0, -0.30, 0.25, 0.05, 0.05, 0.10, -0.35, -0.05];

    /// <summary>Share of requests submitted online in the first and the last year (linear in between).</summary>
    public const double OnlineShareFirstYear = 0.35;
    public const double OnlineShareLastYear = 0.80;

    /// <summary>Median decision time in working hours (8 working hours = 1 working day) by channel; slow units take SlowUnitFactor times longer.</summary>
    public const double OnlineMedianWorkingHours = 8.0;
    public const double ManualMedianWorkingHours = 32.0;
    public const double SlowUnitFactor = 2.5;

    /// <summary>Units where leave decisions are slow.</summary>
    public static readonly IReadOnlyList<string> SlowCutiUnits = ["DPUPR", "DISHUB", "KEC-SAKO", "DINSOS"];

    // ---------------------------------------------------------------- placement (issue 15), only with GeneratorOptions.PlacementSignals

    /// <summary>
    /// Retirement wave: this unit gets <see cref="RetirementWaveCount"/> extra pengawas (PNS, BUP 58 per PP 11/2017 Pasal 239)
    /// whose TMT pensiun falls 2, 5, 8, … months after EndDate's month (cycling within 23 months, so all within two years),
    /// and <see cref="RetirementWaveStayers"/> young pengawas who stay. The unit's pengawas group then loses about half or
    /// more within two years (mart_pensiun_gelombang.gelombang; its ~0.2 % of staff hold ~22 % pengawas naturally). The
    /// stayers keep the group's non-retiring rest at ≥ 5, and the wave outnumbers that rest, so when a natural retirement of
    /// 1–4 in a later year needs a second hidden cell the small-cell rule hides the rest, not the wave. Both are written after
    /// the regular employees, with their own random streams.
    /// </summary>
    public const string RetirementWaveUnit = "DISKAN";

    /// <summary>
    /// Extra retiring pengawas in <see cref="RetirementWaveUnit"/>: max(12, employees / 1 250). With 6 (the first version) the
    /// wave was hidden at 2 of 4 seeds at 5 000 employees: a natural year-3 retiree made the window the smallest complement.
    /// </summary>
    public static int RetirementWaveCount(int employees) => Math.Max(12, employees / 1_250);

    /// <summary>
    /// Extra young pengawas in <see cref="RetirementWaveUnit"/> who do not retire within the window of the flag, and as many extra
    /// young pelaksana: a second group of ≥ 5, smaller than the pengawas, so that when a jabatan group of 1–4 is hidden the
    /// small-cell rule's complement on the unit line (unit = Σ groups) is not the pengawas group that carries the wave.
    /// </summary>
    public const int RetirementWaveStayers = 5;

    /// <summary>
    /// Units without rotation: no mutasi or promosi moves anyone into or out of them during the window (a drawn move that
    /// would is dropped), so mart_masa_kerja.tanpa_rotasi is true for them; promotions inside the unit still happen.
    /// Chosen among general units that rotate at the usual rate (5 % of PNS a year) without the injection.
    /// </summary>
    public static readonly IReadOnlyList<string> NoRotationUnits = ["BPKAD", "DPUPR"];

    /// <summary>
    /// Understaffed service units: each carries <see cref="UnderstaffedLoadFactor"/> times the service load per employee of the
    /// average unit of its jenis, i.e. about a quarter of the staff its load needs, and its IKM is <see cref="UnderstaffedIkmPenalty"/>
    /// points lower in every quarter. Load = SKM respondents (the proxy of mart_beban): each quarter's count is drawn as for any
    /// unit (30…150) and multiplied by factor × (the unit's own staff ÷ mean staff of the jenis), both taken at 31 December of the
    /// year (at EndDate in the last, partial one), so the deficit holds whatever staff the unit happened to draw.
    /// Kecamatan (not kelurahan) so the units keep ≥ 5 staff and are rated even at a few thousand employees; none of them is
    /// pinned, declining or slow in leave decisions. Only the SKM stream of these units changes; the employees are untouched.
    /// </summary>
    public static readonly IReadOnlyList<string> UnderstaffedUnits = ["KEC-PLAJU", "KEC-KEMUNING", "KEC-SUKARAMI"];

    /// <summary>Service load per employee of each of <see cref="UnderstaffedUnits"/> relative to the average unit of its jenis.</summary>
    /// <remarks>3 (the first version) flagged 10 of 12 unit-seeds at 5 000 employees: staff moving during the 12-month window and
    /// survey noise brought two under the 2× alert line; 4 keeps the injected units clearly above it.</remarks>
    public const double UnderstaffedLoadFactor = 4.0;

    /// <summary>IKM points (25–100 scale) lost by each of <see cref="UnderstaffedUnits"/> in every quarter: −Penalty/25 on the mean answer (realised roughly, answers are rounded and clamped).</summary>
    /// <remarks>15, not 10: unit quality alone spreads IKM over ~29 points (2.65 + 1.15·U), so a smaller drop left an injected
    /// unit above its peers' median too often to be a recognisable signal.</remarks>
    public const double UnderstaffedIkmPenalty = 15.0;

    /// <summary>
    /// BUP in the generator: 58, and 60 for jpt and every fungsional. The analytics read a fungsional's BUP from the jenjang in
    /// nama_jabatan (58/60/65, PP 11/2017 Pasal 239), and the generated names carry one ("Perawat Penyelia", Person.cs), so
    /// for a synthetic fungsional at 58 or 65 the marts' retirement year differs from when the simulation retires them.
    /// Kept so existing seeds are unchanged.
    /// </summary>
    public const int GeneratorBupFungsional = 60;
}
