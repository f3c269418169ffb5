namespace Kepegawaian.Analytics.Training;

/// <summary>Settings of the training-impact estimator (configuration section <c>Diklat</c>).</summary>
public sealed class DiklatOptions
{
    /// <summary>Fewest matched treated employees for an estimate; smaller groups get a status text.</summary>
    public int MinTreated { get; set; } = 30;

    /// <summary>Fewest control candidates for an estimate.</summary>
    public int MinControls { get; set; } = 30;

    /// <summary>A kode_pelatihan gets its own row when at least this many employees completed it.</summary>
    public int MinParticipantsPerCourse { get; set; } = 30;

    /// <summary>Caliper on the logit of the propensity score, in pooled standard deviations (Austin 2011: 0.2).</summary>
    public double CaliperSd { get; set; } = 0.2;

    /// <summary>Matched controls per treated employee (fewer where the caliper finds fewer): 6 cuts the control side's share of the variance to 1/6.</summary>
    public int ControlsPerTreated { get; set; } = 6;

    /// <summary>
    /// At most this many of a group's treated employees enter its estimate, a seeded simple random sample when there are more
    /// (noted in the status). It bounds a group's cost at national scale, where teknis alone has ~0.7 M participants per
    /// 1 M employees; at 10 000 the CI is already narrow enough for any decision, and no group of a 15 000-employee city reaches it.
    /// </summary>
    public int MaxTreated { get; set; } = 10_000;

    /// <summary>At most this many randomly drawn candidates per treated employee enter the propensity model (keeps it fast).</summary>
    public int MaxCandidatesPerTreated { get; set; } = 12;

    /// <summary>Ridge penalty of the logistic propensity model (not on the intercept); keeps it finite under separation.</summary>
    public double Ridge { get; set; } = 1.0;

    /// <summary>Kirkpatrick level 4: a unit counts as "largely trained" in a year when this share of its staff completed the group.</summary>
    public double LargeShareTrained { get; set; } = 0.5;

    /// <summary>Balance warning threshold for the max standardized mean difference after matching.</summary>
    public double MaxSmdWarning { get; set; } = 0.1;

    /// <summary>Unit/golongan/jabatan levels held by fewer matched employees are left out of the max SMD (chance, not imbalance).</summary>
    public int MinBalanceLevelSize { get; set; } = 10;

    /// <summary>
    /// Not published ("keseimbangan tidak tercapai") when the SMD of the baseline or pre-window outcome exceeds this after
    /// matching. 0.25 (Stuart 2010; Rubin 2001) rather than the 0.1 warning: with ~100 pairs chance alone gives SMDs of ~0.14.
    /// </summary>
    public double MaxSmdFail { get; set; } = 0.25;

    /// <summary>
    /// The baseline outcome (qe−3, qe−2) enters the propensity model when at least this share of the treated have one;
    /// otherwise (new CPNS in latsar) matching uses unit, golongan, jabatan and cohort only, which the DiD tolerates
    /// because the persistent level cancels in ΔY.
    /// </summary>
    public double MinBaselineShare { get; set; } = 0.8;

    /// <summary>
    /// Bootstrap replicates for the CI (each re-fits the propensity model and re-matches, so CPU grows linearly; 49 keeps a
    /// 15 000-employee refresh in minutes and the SE within ~10 %); below 20 the OLS interval is used.
    /// </summary>
    public int BootstrapReplicates { get; set; } = 49;

    public int Seed { get; set; } = 20260101;
}
