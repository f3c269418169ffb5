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

    /// <summary>The clean pool is used when it holds at least this many candidates per treated employee in every cohort.</summary>
    public double CleanPoolRatio { get; set; } = 2.0;

    /// <summary>At most this many randomly drawn candidates per treated employee enter the propensity model (keeps it fast).</summary>
    public int MaxCandidatesPerTreated { get; set; } = 10;

    /// <summary>Ridge penalty of the logistic propensity model (not on the intercept); keeps it finite under separation.</summary>
    public double Ridge { get; set; } = 1.0;

    /// <summary>Kirkpatrick level 4: a unit counts as "largely trained" in a year when this share of its staff completed the group.</summary>
    public double LargeShareTrained { get; set; } = 0.5;

    /// <summary>Balance warning threshold for the max standardized mean difference after matching.</summary>
    public double MaxSmdWarning { get; set; } = 0.1;

    /// <summary>Unit/golongan/jabatan levels held by fewer matched employees are left out of the max SMD (chance, not imbalance).</summary>
    public int MinBalanceLevelSize { get; set; } = 10;

    /// <summary>
    /// false (default): match on the baseline outcome of the two quarters before the pre window (qs−4, qs−3), so matching
    /// does not condition on the pre-window noise that the DiD differences out (regression to the mean: matching on
    /// the pre-window itself biases the ATT when selection is on the persistent level; Daw &amp; Hatfield 2018).
    /// true: match on the pre-window mean (right when selection is on the recent observed score).
    /// </summary>
    public bool MatchOnPreWindow { get; set; }

    public int Seed { get; set; } = 20260101;
}
