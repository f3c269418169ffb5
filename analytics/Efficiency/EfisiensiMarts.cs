using DuckDB.NET.Data;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Analytics.Common;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Efficiency;

/// <summary>
/// Rebuilds the efficiency marts (mart_cuti_waktu, mart_cuti_waktu_ringkas, mart_cuti_online,
/// mart_cuti_online_periode, mart_cuti_tertunda; schema in migration V021; mart_libur_cakupan, V050) in one transaction, from fact_cuti
/// and the working calendar only (mart_kualitas_data, which counts every table, is <see cref="KualitasMarts"/>).
/// </summary>
public static class EfisiensiMarts
{
    private static object?[] OnlineColumns(CutiOnline x) => [
        x.KodeUnit, x.Periode, x.N, x.ShareOnline, x.JenisPeriode, x.PeriodeMulai, x.NOnline, x.ShareOnlineSebelumnya, x.Perubahan, x.TetapManual];

    /// <param name="WaktuAcuan">The instant pending requests are aged to (null: no leave requests).</param>
    public sealed record Summary(int Waktu, int Online, int Tertunda, DateTime? WaktuAcuan);

    public static Summary Refresh(DuckDBConnection connection, EfisiensiOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EfisiensiOptions();
        var calendar = WorkingCalendar.Load(options.ExtraHolidays);
        var acuan = EfisiensiAnalysis.ReferenceTime(connection, options);
        options = new EfisiensiOptions
        {
            ExtraHolidays = options.ExtraHolidays, PendingAfterWorkingDays = options.PendingAfterWorkingDays, PendingWindowDays = options.PendingWindowDays,
            OnlineShareTarget = options.OnlineShareTarget, ReferenceTime = acuan,
        };
        var waktu = EfisiensiAnalysis.Waktu(connection, calendar, options);
        var online = EfisiensiAnalysis.Online(connection, calendar, options);
        var tertunda = EfisiensiAnalysis.Tertunda(connection, calendar, options);
        var libur = HolidayCoverage.Years(connection, calendar, acuan?.Year);
        cancellationToken.ThrowIfCancellationRequested();

        using var tx = connection.BeginTransaction();
        // The finest grain is the contract read by the reports; roll-ups and city rows go to their own marts
        // so that a reader summing mart_cuti_waktu / mart_cuti_online never counts a request twice.
        MartWriter.Replace(connection, "mart_cuti_waktu", waktu.Where(x => x.Tingkat == EfisiensiAnalysis.FinestWaktu), x => [
            x.KodeUnit, x.Kanal, x.JenisCuti, x.Bulan, x.N, x.MedianJam, x.P90Jam, x.MedianHariKerja, x.P90HariKerja,
            x.NTertunda, x.Stabil, x.WaktuAcuan]);
        MartWriter.Replace(connection, "mart_cuti_waktu_ringkas", waktu.Where(x => x.Tingkat != EfisiensiAnalysis.FinestWaktu), x => [
            x.Tingkat, x.KodeUnit, x.Kanal, x.JenisCuti, x.Bulan, x.N, x.MedianJam, x.P90Jam, x.MedianHariKerja, x.P90HariKerja,
            x.NTertunda, x.Stabil, x.WaktuAcuan]);
        MartWriter.Replace(connection, "mart_cuti_online", online.Where(x => x.KodeUnit != EfisiensiAnalysis.KodeKota && x.JenisPeriode == "bulan"), OnlineColumns);
        MartWriter.Replace(connection, "mart_cuti_online_periode", online, OnlineColumns);
        MartWriter.Replace(connection, "mart_cuti_tertunda", tertunda, x => [
            x.KodeUnit, x.WaktuAcuan, x.NJatuhTempo, x.NTertunda, x.ShareTertunda]);
        MartWriter.Replace(connection, "mart_libur_cakupan", libur, x => [x.Tahun, x.Tercakup]);
        tx.Commit();
        return new Summary(waktu.Count, online.Count, tertunda.Count, acuan);
    }
}
