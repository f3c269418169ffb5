using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Analytics.Efficiency;

/// <summary>
/// Rebuilds mart_kualitas_data (schema in migration V021, predikat_tidak_sesuai V055): rows read and rejected per source and
/// unit. Its own area because it counts every table, so every load touches it, while the leave marts (efisiensi) read
/// fact_cuti only: a survey file must not re-run the Kaplan–Meier times of 11 M leave requests.
/// </summary>
public static class KualitasMarts
{
    public static int Refresh(DuckDBConnection connection, CancellationToken cancellationToken = default)
    {
        var kualitas = EfisiensiAnalysis.Kualitas(connection);
        cancellationToken.ThrowIfCancellationRequested();
        using var tx = connection.BeginTransaction();
        MartWriter.Replace(connection, "mart_kualitas_data", kualitas, x => [
            x.Tingkat, x.Sumber, x.KodeUnit, x.RowsRead, x.RowsRejected, x.RejectRate, x.PredikatTidakSesuai]);
        tx.Commit();
        return kualitas.Count;
    }
}
