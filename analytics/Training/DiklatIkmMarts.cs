using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Training;

/// <summary>
/// Area diklat_ikm: Kirkpatrick level 4 alone. Rebuilds its inputs (diklat_04_ikm.sql: unit IKM from fact_skm, trained
/// staff per unit) and rewrites ikm_change, ikm_n_unit of every mart_diklat_dampak row, without re-estimating impact,
/// so a survey (skm) file costs seconds instead of a diklat rebuild (issue 14 §2). Needs the diklat area built.
/// </summary>
public static class DiklatIkmMarts
{
    public static void Refresh(DuckDBConnection connection, DiklatOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DiklatOptions();
        using var transaction = connection.BeginTransaction();   // readers never see new inputs with old columns
        MartSql.Run(connection, "diklat_04", cancellationToken);
        var ikm = IkmInputs.Load(connection);
        var groups = new List<TrainingGroup>();
        using (var cmd = connection.Command("SELECT kelompok, jenis_kelompok FROM mart_diklat_dampak"))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) groups.Add(new TrainingGroup(r.GetString(0), r.GetString(1)));
        foreach (var group in groups)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (change, units) = Kirkpatrick.IkmChange(ikm, group, options);   // the same definition DiklatMarts writes
            connection.Execute("UPDATE mart_diklat_dampak SET ikm_change = $change, ikm_n_unit = $units WHERE kelompok = $kelompok AND jenis_kelompok = $jenis",
                ("change", change), ("units", units), ("kelompok", group.Name), ("jenis", group.Kind));
        }
        transaction.Commit();
    }
}
