namespace Kepegawaian.Service.Clustering;

/// <summary>
/// <c>Quartz:Clustering</c>: several `serve` nodes sharing one schedule in a PostgreSQL job store (issue 14 §4).
/// Unset <see cref="ConnectionString"/> = one node with Quartz's in-memory store, exactly as before.
/// </summary>
public sealed class QuartzClusteringOptions
{
    public const string Section = "Quartz:Clustering";

    /// <summary>Scheduler name shared by every node: Quartz tells clusters in one database apart by it.</summary>
    public const string SchedulerName = "kepegawaian";

    /// <summary>Npgsql connection string of the job store; empty = not clustered.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>This node's id, distinct per node and stable across restarts (e.g. the host name); AUTO = generated at start.</summary>
    public string InstanceId { get; set; } = "AUTO";

    /// <summary>
    /// How often a node checks in. A dead node is noticed after one interval plus <see cref="CheckinMisfireThresholdSeconds"/>;
    /// a job that must not overlap is recovered only on the second such detection (Quartz's guard against #2817), so
    /// 5 + 5 s keeps recovery after a kill -9 within 30 s.
    /// </summary>
    public int CheckinIntervalSeconds { get; set; } = 5;

    public int CheckinMisfireThresholdSeconds { get; set; } = 5;

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);
}
