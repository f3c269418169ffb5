using System.Data.Common;
using DuckDB.NET.Data;
using Kepegawaian.Analytics.Ikm;
using Kepegawaian.Warehouse;

namespace Kepegawaian.Analytics.Efficiency;

/// <summary>
/// Administrative efficiency (spec §4): leave processing time, online share, pending share and data
/// quality. Each method runs one SQL model from <c>Sql/marts/efisiensi_*.sql</c> with SELECT only,
/// so it works on a read-only warehouse; <see cref="EfisiensiMarts"/> materialises the same models.
/// </summary>
public static class EfisiensiAnalysis
{
    /// <summary>tingkat of the finest processing-time cells (unit × kanal × jenis_cuti × month).</summary>
    public const string FinestWaktu = "unit+kanal+jenis_cuti+bulan";

    /// <summary>kode_unit of city-wide rows.</summary>
    public const string KodeKota = "KOTA";

    private static readonly TimeZoneInfo Wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    /// <summary>The SQL of an efisiensi model with the calendar's holidays filled in.</summary>
    public static string Sql(string model, WorkingCalendar calendar) =>
        MartSql.Read(model).Replace("{libur}", calendar.SqlValues(), StringComparison.Ordinal);

    public static DateTime ReferenceTime(EfisiensiOptions options) =>
        options.ReferenceTime ?? TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Wib);

    public static IReadOnlyList<CutiWaktu> Waktu(DuckDBConnection c, WorkingCalendar calendar) =>
        Query(c, Sql("efisiensi_waktu", calendar), [], r => new CutiWaktu(
            r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3), r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4), r.GetInt64(5),
            Dbl(r, 6), Dbl(r, 7), Dbl(r, 8), Dbl(r, 9)));

    public static IReadOnlyList<CutiOnline> Online(DuckDBConnection c, WorkingCalendar calendar, EfisiensiOptions options) =>
        Query(c, Sql("efisiensi_online", calendar), [("target", options.OnlineShareTarget)], r => new CutiOnline(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), r.GetInt64(4), r.GetInt64(5),
            r.GetDouble(6), Dbl(r, 7), Dbl(r, 8), r.GetBoolean(9)));

    public static IReadOnlyList<CutiTertunda> Tertunda(DuckDBConnection c, WorkingCalendar calendar, EfisiensiOptions options) =>
        Query(c, Sql("efisiensi_tertunda", calendar),
            [("acuan", ReferenceTime(options)), ("batas", options.PendingAfterWorkingDays), ("jendela", options.PendingWindowDays)],
            r => new CutiTertunda(r.GetString(0), r.GetDateTime(1), r.GetInt64(2), r.GetInt64(3), Dbl(r, 4)));

    /// <summary>Summary per unit and city over requests submitted in <paramref name="periode"/> (any kind, incl. month and ISO week).</summary>
    public static IReadOnlyList<CutiPeriode> Ringkas(DuckDBConnection c, WorkingCalendar calendar, Common.Periode periode) =>
        Query(c, Sql("efisiensi_periode", calendar),
            [("mulai", periode.Start.ToDateTime(TimeOnly.MinValue)), ("akhir", periode.End.ToDateTime(TimeOnly.MinValue))],
            r => new CutiPeriode(r.GetString(0), periode.ToString(), r.GetInt64(1), r.GetInt64(2), Dbl(r, 3),
                Dbl(r, 4), Dbl(r, 5), Dbl(r, 6), Dbl(r, 7)));

    public static IReadOnlyList<KualitasData> Kualitas(DuckDBConnection c) =>
        Query(c, MartSql.Read("efisiensi_kualitas"), [], r => new KualitasData(
            r.GetString(0), r.GetString(1), Str(r, 2), r.GetInt64(3), r.GetInt64(4), Dbl(r, 5)));

    private static List<T> Query<T>(DuckDBConnection c, string sql, (string, object?)[] parameters, Func<DbDataReader, T> map)
    {
        using var cmd = c.Command(sql, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read()) list.Add(map(r));
        return list;
    }

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static double? Dbl(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
}
