using DuckDB.NET.Data;
using Kepegawaian.Analytics.Common;

namespace Kepegawaian.Analytics.Ikm;

/// <summary>
/// Rebuilds the IKM marts (mart_ikm, mart_ikm_tren, mart_ikm_alert, mart_ikm_unsur_lemah,
/// mart_ikm_profil; schema in migration V020, mart_ikm_alert replaced in V027; mart_ikm_asosiasi, mart_ikm_korelasi in V022) from fact_skm in one transaction.
/// </summary>
public static class IkmMarts
{
    public sealed record Summary(int Groups, int Trends, int Alerts, int WeakElements, int ProfileCells, int AssociationRows);

    public static Summary Refresh(DuckDBConnection connection, IkmOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new IkmOptions();
        var results = IkmAnalysis.Compute(connection);
        cancellationToken.ThrowIfCancellationRequested();
        var trends = IkmAnalysis.Trends(results);
        var alerts = IkmAlerts.Detect(results, trends, options);
        var weak = IkmAnalysis.WeakElements(results, options.WeakElementCount);
        var profile = IkmProfile.Compute(connection, options.MinCellSize);
        var association = IkmAssociation.Rows(connection, results);
        var correlations = IkmAssociation.Correlations(association);
        cancellationToken.ThrowIfCancellationRequested();

        using var tx = connection.BeginTransaction();
        MartWriter.Replace(connection, "mart_ikm", results, x => [
            x.Level, x.KodeUnit, x.NamaUnit, x.JenisLayanan, x.Periode, x.JenisPeriode, x.PeriodeMulai, x.Responden,
            x.Nrr[0], x.Nrr[1], x.Nrr[2], x.Nrr[3], x.Nrr[4], x.Nrr[5], x.Nrr[6], x.Nrr[7], x.Nrr[8],
            x.Ikm, x.Mutu, x.Kinerja, x.CiLow, x.CiHigh, x.StandardError, x.Populasi, x.SampelMinimum, x.SampelCukup]);
        MartWriter.Replace(connection, "mart_ikm_tren", trends, x => [
            x.Level, x.KodeUnit, x.NamaUnit, x.JenisLayanan, x.JenisPeriode, x.Periode, x.PeriodeMulai,
            x.Ikm, x.IkmSebelumnya, x.Selisih, x.SelisihCiLow, x.SelisihCiHigh, x.Signifikan, x.Mutu, x.MutuSebelumnya]);
        MartWriter.Replace(connection, "mart_ikm_alert", alerts, x => [
            x.Level, x.KodeUnit, x.NamaUnit, x.JenisPeriode, x.Periode, x.Status, x.Peringkat, x.Ikm, x.IkmSebelumnya, x.Selisih,
            x.Mutu, x.MutuSebelumnya, x.Lereng, x.LerengCiLow, x.LerengCiHigh, x.PValue, x.QValue, x.TriwulanDipakai, x.TriwulanAwal, x.Alasan]);
        MartWriter.Replace(connection, "mart_ikm_unsur_lemah", weak, x => [
            x.KodeUnit, x.JenisPeriode, x.Periode, x.Unsur, x.NamaUnsur, x.Nrr, x.NrrSebelumnya, x.Perubahan, x.Peringkat]);
        MartWriter.Replace(connection, "mart_ikm_profil", profile, x => [
            x.Level, x.KodeUnit, x.JenisPeriode, x.Periode, x.Dimensi, x.Kategori, x.Responden, x.RespondenTeks, x.Ikm, x.Mutu]);
        MartWriter.Replace(connection, "mart_ikm_asosiasi", association, x => [
            x.KodeUnit, x.NamaUnit, x.Tahun, x.Ikm, x.Responden, x.RataNilaiSkp, x.RataSkorPredikat, x.NDinilai,
            x.NPegawai, x.N20Jp, x.Cakupan20Jp]);
        MartWriter.Replace(connection, "mart_ikm_korelasi", correlations, x => [
            x.Tahun, x.Variabel, x.NUnit, x.R, x.CiLow, x.CiHigh, x.Catatan]);
        tx.Commit();
        return new Summary(results.Count, trends.Count, alerts.Count, weak.Count, profile.Count, association.Count);
    }
}
