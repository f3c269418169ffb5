using DuckDB.NET.Data;
using Kepegawaian.Analytics.Performance;
using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Analytics.Training;

/// <summary>
/// Rebuilds the training marts: mart_jp_pegawai, mart_jp_unit, mart_jp_cakupan (20 JP compliance),
/// mart_diklat_dampak and mart_diklat_event (impact per jenis and per kode_pelatihan with enough
/// participants, Kirkpatrick 1–4). Also (re)builds mart_kinerja_pegawai, its outcome panel. Needs a read-write connection.
/// Level 4 (ikm_change, ikm_n_unit) is also what <see cref="DiklatIkmMarts"/> alone rewrites after a survey load.
/// </summary>
public static class DiklatMarts
{
    /// <param name="outcomePanelFresh">true when <see cref="KinerjaMarts.Refresh"/> has just rebuilt mart_kinerja_pegawai
    /// (as <see cref="AnalyticsRefresher"/> does), so it is not built twice.</param>
    public static void Refresh(DuckDBConnection connection, DiklatOptions? options = null, CancellationToken cancellationToken = default,
        bool outcomePanelFresh = false)
    {
        options ??= new DiklatOptions();
        using var transaction = connection.BeginTransaction();   // readers never see half-rebuilt marts
        if (!outcomePanelFresh) MartSql.Run(connection, "kinerja_01", cancellationToken);
        MartSql.Run(connection, "diklat_", cancellationToken);
        var data = TrainingData.Load(connection);
        var ikm = IkmInputs.Load(connection);

        // Groups are independent (each seeds its own draws), so they are estimated side by side: the parts of an estimate
        // outside its bootstrap run on one thread, and another group's work fills the other core meanwhile. Same results
        // on any core count. On the analytics' own threads (ComputeThreads): on the thread pool these nested loops queued
        // ahead of serve's requests and timers (the dashboard's p95 went from 17 ms to 0.9 s during a refresh).
        var groups = Groups(data, options);
        var estimates = new ImpactResult[groups.Count];
        Parallel.For(0, groups.Count, ComputeThreads.Options(cancellationToken),
            i => estimates[i] = TrainingImpact.Estimate(data, groups[i], options, cancellationToken));

        var impact = new List<object?[]>();
        var events = new List<object?[]>();
        foreach (var (group, r) in groups.Zip(estimates))
        {
            var (reaksi, nReaksi) = Kirkpatrick.Reaction(data, group);
            var gain = Kirkpatrick.TestGain(data, group);
            var (ikmChange, ikmUnits) = Kirkpatrick.IkmChange(ikm, group, options);
            var nLulus = data.Members(group).Where(t => t.Lulus).Select(t => t.Nip).Distinct().Count();
            impact.Add([group.Name, group.Kind, r.Status, data.Measure, r.Att?.Value, r.Att?.CiLow, r.Att?.CiHigh, r.Att?.PValue, null, null,
                r.NTreated, r.NControl, nLulus, r.MaxSmd, r.CohensD, r.Pretrend?.Value, r.Pretrend?.PValue, r.Pool, r.Naive,
                reaksi, nReaksi, gain?.Value, gain?.CiLow, gain?.CiHigh, gain?.N ?? 0, ikmChange, ikmUnits]);
            foreach (var (k, e) in r.EventStudy)
                events.Add([group.Name, group.Kind, k, e.Value, e.CiLow, e.CiHigh, e.N]);
        }
        // One family: every estimate published by this refresh (jenis and kode rows alike).
        var p = impact.Select(row => (double?)row[7]).ToList();
        var (holm, bh) = (Multiplicity.Holm(p), Multiplicity.BenjaminiHochberg(p));
        for (var i = 0; i < impact.Count; i++) (impact[i][8], impact[i][9]) = (holm[i], bh[i]);
        MartWriter.Append(connection, "mart_diklat_dampak", impact);
        MartWriter.Append(connection, "mart_diklat_event", events);
        transaction.Commit();
    }

    /// <summary>Every jenis_pelatihan present, then every kode_pelatihan completed by at least MinParticipantsPerCourse employees.</summary>
    public static IReadOnlyList<TrainingGroup> Groups(TrainingData data, DiklatOptions options) =>
        data.Trainings.Select(t => t.Jenis).Distinct().Order(StringComparer.Ordinal).Select(j => new TrainingGroup(j, TrainingGroup.Jenis))
            .Concat(data.Trainings.Where(t => t.Lulus).GroupBy(t => t.Kode)
                .Where(g => g.Select(t => t.Nip).Distinct().Count() >= options.MinParticipantsPerCourse)
                .Select(g => g.Key).Order(StringComparer.Ordinal).Select(k => new TrainingGroup(k, TrainingGroup.Kode)))
            .ToList();
}
